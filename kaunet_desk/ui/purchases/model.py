"""The purchase-history table: order ids, rows a page at a time, texts formatted once.

At 1,000,000 orders "all customers over 6 months" is about 250,000 rows; the model holds
their ids only (fetched in the background by the tab) and ``LazyRowsModel`` asks ``fetch``
for the ~200 rows of a page when the view first paints one of them. This model adds the
cells, the greying of orders My KDDI Biz 総合 never shows, and the tool tips.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from kaunet_desk.domain.enums import HistoryVisibility
from kaunet_desk.store.services.purchase_history import HistoryRow
from kaunet_desk.ui.lazy_rows import AnyIndex, Fetch, FormattedRowsModel
from kaunet_desk.ui.purchases.columns import COLUMNS
from kaunet_desk.ui.purchases.labels import visibility_reason

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


class PurchaseHistoryModel(FormattedRowsModel[HistoryRow]):
    # 8 pages = 1,600 rows: a few screens either side of the one shown.
    MAX_PAGES = 8
    FETCH_FAILED = "fetching a page of the purchase history failed"

    def __init__(
        self, fetch: Fetch[HistoryRow] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(fetch, COLUMNS, parent)
        self._grey_brush: QBrush | None = None

    def row_of_id(self, order_id: int) -> int | None:
        return self.row_of(order_id)

    def history_row(self, row: int) -> HistoryRow | None:
        entry = self.row_at(row)
        return None if entry is None else entry.row

    # -- Qt model ----------------------------------------------------------------
    def _header_data(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _MONEY_ALIGN if COLUMNS[section].money else _TEXT_ALIGN
        return None

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
        entry = self.row_at(index.row())
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
