"""Choosing one customer (or all of them) by typing part of a name, フリガナ, phone or ID.

Matches come from customer_list.customer_ids (normalised like the stored haystack, so
「ｶﾌﾞｼｷ」 finds 「カブシキ」) in the background; the first ones fill a completer popup.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow, customer_ids, customer_rows
from kaunet_desk.ui.background import Background

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole
# More than a popup shows; typing more narrows it down.
MAX_MATCHES = 30
DEBOUNCE_MS = 150


def search_customers(db: Database, query: str) -> list[CustomerRow]:
    ids = customer_ids(db, query)[:MAX_MATCHES]
    rows = customer_rows(db, ids)
    return [rows[i] for i in ids if i in rows]


def customer_label(row: CustomerRow) -> str:
    return f"{row.name}({row.name_kana})"


class CustomerPicker(QWidget):
    """A search field with completion and a 「全顧客」 button.

    ``customer_chosen`` carries the customer id, or None for all customers.
    """

    customer_chosen = Signal(object)

    def __init__(
        self, background: Background, *, allow_all: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.database: Database | None = None
        self.customer_id: int | None = None
        self.customer: CustomerRow | None = None
        self._generation = 0
        self._matched_query = ""  # the text the completer's matches are for
        self._allow_all = allow_all

        self.line_edit = QLineEdit()
        self.line_edit.setObjectName("customer_search")
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.setPlaceholderText(
            _("全顧客 — 名前・フリガナ・電話番号・カウネット ID で検索")
            if allow_all else _("名前・フリガナ・電話番号・カウネット ID で検索")
        )
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        # The service already filtered (with kana/width folding the completer cannot do).
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.line_edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.line_edit.textEdited.connect(self._text_edited)
        self.line_edit.returnPressed.connect(self._return_pressed)

        self.all_button = QPushButton(_("全顧客"))
        self.all_button.setObjectName("all_customers")
        self.all_button.setToolTip(_("すべてのお客さまの注文を表示します"))
        self.all_button.clicked.connect(self.choose_all)
        self.all_button.setVisible(allow_all)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.all_button)

    def set_database(self, database: Database) -> None:
        self.database = database

    # -- choosing ----------------------------------------------------------------
    def set_customer(self, row: CustomerRow | None, *, emit: bool = True) -> None:
        self.customer = row
        self.customer_id = None if row is None else row.id
        self._generation += 1  # results of a search still running are stale now
        self.line_edit.setText("" if row is None else customer_label(row))
        self.completer.popup().hide()
        if emit:
            self.customer_chosen.emit(self.customer_id)

    def choose_all(self) -> None:
        if self._allow_all:
            self.set_customer(None)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        row = index.data(CUSTOMER_ID_ROLE + 1)
        if isinstance(row, CustomerRow):
            # Deferred: the completer writes its own text into the field after this signal.
            QTimer.singleShot(0, lambda: self.set_customer(row))

    def _return_pressed(self) -> None:
        """Enter without the popup: empty → all customers, else the first match."""
        if self.completer.popup().isVisible():
            return  # the completer handles Enter on its popup
        query = self.line_edit.text().strip()
        if not query:
            self.choose_all()
            return
        if self.customer is not None and query == customer_label(self.customer):
            return  # the chosen customer's own label, not a new search
        if query != self._matched_query and self.database is not None:
            # Typed faster than the search: answer now (tens of ms at 100,000 customers).
            self._timer.stop()
            self._generation += 1
            self._show_matches(search_customers(self.database, query), query, popup=False)
        if self.matches.rowCount() > 0:
            self.set_customer(self.matches.item(0).data(CUSTOMER_ID_ROLE + 1))

    # -- searching ---------------------------------------------------------------
    def _text_edited(self, text: str) -> None:
        self._generation += 1
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.matches.clear()
            self._matched_query = ""

    def _search(self) -> None:
        database = self.database
        query = self.line_edit.text().strip()
        if database is None or not query:
            return
        self._generation += 1
        generation = self._generation

        def show(rows: list[CustomerRow]) -> None:
            if generation != self._generation:
                return  # the clerk typed on; a newer search is coming
            self._show_matches(rows, query)

        self.background.run(lambda: search_customers(database, query), show, self._failed)

    def _failed(self, error: Exception) -> None:
        self.line_edit.setToolTip(_("検索できませんでした: {error}").format(error=error))

    def _show_matches(self, rows: list[CustomerRow], query: str, *, popup: bool = True) -> None:
        self._matched_query = query
        self.matches.clear()
        for row in rows:
            item = QStandardItem(f"{customer_label(row)}  {row.phone}")
            item.setData(row.id, CUSTOMER_ID_ROLE)
            item.setData(row, CUSTOMER_ID_ROLE + 1)
            item.setEditable(False)
            self.matches.appendRow(item)
        if popup and rows and self.line_edit.hasFocus():
            self.completer.complete()
