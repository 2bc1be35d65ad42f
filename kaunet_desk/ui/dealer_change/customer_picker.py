"""Pick a customer: a search field over a list of ids whose rows are fetched a page at a time.

100,000 customers never load at once: the ids come from customer_list.customer_ids off the
GUI thread (debounced while typing), the names from customer_rows as they scroll into view.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget
from shiboken6 import isValid

from kaunet_desk.formatting import format_number
from kaunet_desk.i18n import N_, _, ngettext
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow, customer_ids, customer_rows
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.lazy_rows import AnyIndex, Fetch, LazyRowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Column(NamedTuple):
    header: str  # N_-marked; a QListView shows no header


_COLUMNS = (_Column(N_("お客さま")),)  # a list: one column


class CustomerListModel(LazyRowsModel[CustomerRow]):
    MAX_PAGES = 20  # ≈ 4,000 rows kept

    def __init__(self, fetch_rows: Fetch[CustomerRow], parent: QObject | None = None) -> None:
        super().__init__(fetch_rows, _COLUMNS, parent)

    def reset(self, ids: list[int]) -> None:
        self._reset(ids)

    def customer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def position(self, customer_id: int) -> int | None:
        return self.row_of(customer_id)

    def customer(self, row: int) -> CustomerRow | None:
        return self.row_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role == ID_ROLE:
            return self.customer_id(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_at(index.row())
            if row is None:
                return None
            return _("{name}（{kana}）").format(name=row.name, kana=row.name_kana)
        return None


class CustomerPicker(QWidget):
    """Emits ``picked(customer_id or None)`` when the selection changes."""

    picked = Signal(object)
    DEBOUNCE_MS = 250

    def __init__(
        self, database: Database, background: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._background = background
        self._generation = 0
        self._wanted: int | None = None
        self.search = QLineEdit()
        self.search.setObjectName("customer_search")
        self.search.setPlaceholderText(_("名前・フリガナ・電話・カウネット ID で検索"))
        self.search.setClearButtonEnabled(True)
        self.model = CustomerListModel(lambda ids: customer_rows(database, ids), self)
        self.view = QListView()
        self.view.setObjectName("customer_list")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)  # fixed row height: no page fetch to lay out
        self.view.setMinimumHeight(160)
        self.status = QLabel()
        self.status.setObjectName("customer_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(self._timer.start)
        self._last_picked: int | None = None
        selection = self.view.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self._current_changed)

    def focus_search(self) -> None:
        self.search.setFocus()

    def choose(self, customer_id: int | None) -> None:
        """Select ``customer_id`` once the list has loaded (a resend of an old form)."""
        self._wanted = customer_id

    def load(self) -> None:
        self._generation += 1
        generation = self._generation
        query = self.search.text()
        database = self._database
        self.status.setText(_("検索しています…"))
        self._background.run(
            lambda: customer_ids(database, query),
            lambda ids: self._loaded(generation, ids),
            lambda error: self._failed(generation, error),
        )

    def loading(self) -> bool:
        return self.status.text() == _("検索しています…")

    def _loaded(self, generation: int, ids: list[int]) -> None:
        if not isValid(self) or generation != self._generation:
            # The dialog closed meanwhile, or an older search finished after a newer one.
            return
        previous = self.current_id()
        self.model.reset(ids)
        self.status.setText(
            ngettext("{count} 件", "{count} 件", len(ids)).format(count=format_number(len(ids))))
        wanted = self._wanted if self._wanted is not None else previous
        position = self.model.position(wanted) if wanted is not None else None
        if position is None and len(ids) == 1:
            position = 0
        if position is not None:
            index = self.model.index(position, 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index, QListView.ScrollHint.PositionAtCenter)
        self._wanted = None
        self._last_picked = self.current_id()
        self.picked.emit(self._last_picked)

    def _failed(self, generation: int, error: Exception) -> None:
        if isValid(self) and generation == self._generation:
            self.status.setText(_("検索できませんでした: {error}").format(error=error))

    def current_id(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.customer_id(index.row())

    def current_name(self) -> str:
        """The chosen customer's name, "" when none is chosen."""
        if self.current_id() is None:
            return ""
        row = self.model.customer(self.view.selectionModel().currentIndex().row())
        return row.name if row is not None else ""

    def _current_changed(self, *_args: object) -> None:
        current = self.current_id()
        if current != self._last_picked:
            self._last_picked = current
            self.picked.emit(current)
