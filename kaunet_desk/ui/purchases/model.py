"""A lazy table model over order ids: rows are fetched a page at a time into a small cache.

At 1,000,000 orders "all customers over 6 months" is about 250,000 rows; the model holds
their ids only (fetched in the background by the tab) and asks ``fetch`` for the ~200
rows of a page when the view first paints one of them.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from kaunet_desk.domain.enums import HistoryVisibility
from kaunet_desk.i18n import _
from kaunet_desk.store.services.purchase_history import HistoryRow
from kaunet_desk.ui.purchases.columns import COLUMNS
from kaunet_desk.ui.purchases.labels import visibility_reason

log = logging.getLogger(__name__)

Fetch = Callable[[list[int]], dict[int, HistoryRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

ORDER_ID_ROLE = int(Qt.ItemDataRole.UserRole)
ROW_ROLE = ORDER_ID_ROLE + 1

# Plain ints: data() runs thousands of times a paint, and enum comparisons are not free.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, ORDER_ID_ROLE, ROW_ROLE})
_MONEY_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TEXT_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _no_rows(ids: list[int]) -> dict[int, HistoryRow]:
    return {}


class _Entry:
    """A fetched row and, once painted, its cell texts (formatting money is not free)."""

    __slots__ = ("_texts", "row")

    def __init__(self, row: HistoryRow) -> None:
        self.row = row
        self._texts: tuple[str, ...] | None = None

    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            self._texts = tuple(column.text(self.row) for column in COLUMNS)
        return self._texts


class PurchaseHistoryModel(QAbstractTableModel):
    PAGE_SIZE = 200
    # 8 pages = 1,600 rows: a few screens either side of the one shown.
    MAX_PAGES = 8

    def __init__(self, fetch: Fetch | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch = fetch or _no_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, _Entry]] = OrderedDict()
        self.pages_fetched = 0  # for the benchmark and tests
        self._grey_brush: QBrush | None = None

    # -- content -----------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], fetch: Fetch | None = None) -> None:
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> None:
        """The full id list after a first page was shown: rows are appended, so the
        selection and the scroll position survive; anything else is a reset."""
        shown = len(self._ids)
        if list(ids[:shown]) != self._ids:  # an order was entered in between
            self.set_ids(ids)
            return
        if len(ids) == shown:
            return
        if shown % self.PAGE_SIZE:
            # The last cached page was short; it fills up now.
            self._pages.pop(shown // self.PAGE_SIZE, None)
        self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
        self._ids = list(ids)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_ids([])

    def ids(self) -> list[int]:
        return list(self._ids)

    def order_id(self, row: int) -> int:
        return self._ids[row]

    def row_of_id(self, order_id: int) -> int | None:
        try:
            return self._ids.index(order_id)
        except ValueError:
            return None

    def history_row(self, row: int) -> HistoryRow | None:
        entry = self._entry(row)
        return None if entry is None else entry.row

    def _entry(self, row: int) -> _Entry | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE_SIZE
        entries = self._pages.get(page)
        if entries is None:
            entries = self._load_page(page)
        else:
            self._pages.move_to_end(page)
        return entries.get(self._ids[row])

    def _load_page(self, page: int) -> dict[int, _Entry]:
        ids = self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]
        try:
            rows = self._fetch(ids)
        except Exception:
            # Shown as blank cells; the next repaint tries again.
            log.exception("fetching a page of the purchase history failed")
            return {}
        self.pages_fetched += 1
        entries = {order_id: _Entry(row) for order_id, row in rows.items()}
        self._pages[page] = entries
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return entries

    # -- Qt model ----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _MONEY_ALIGN if COLUMNS[section].money else _TEXT_ALIGN
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # A paint asks ~8 roles per cell: the ones without an answer return first.
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        column_index = index.column()
        if role == _ALIGNMENT:
            return _MONEY_ALIGN if COLUMNS[column_index].money else _TEXT_ALIGN
        if role == ORDER_ID_ROLE:
            return self._ids[index.row()]
        entry = self._entry(index.row())
        if entry is None:
            return None
        if role == _DISPLAY:
            return entry.texts()[column_index]
        row = entry.row
        if role == ROW_ROLE:
            return row
        never_shown = row.visibility is not HistoryVisibility.VISIBLE
        if role == _FOREGROUND:
            # FAQ 購入履歴: greyed — this order never shows on My KDDI Biz 総合.
            return self._grey() if never_shown else None
        # Tool tip: the column's own note, then why My KDDI Biz 総合 never shows the order.
        column = COLUMNS[column_index]
        parts = [column.tooltip(row)] if column.tooltip else []
        if never_shown:
            parts.append(visibility_reason(row.visibility))
        text = "\n".join(p for p in parts if p)
        return text or None

    def _grey(self) -> QBrush:
        if self._grey_brush is None:
            self._grey_brush = QBrush(QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return self._grey_brush
