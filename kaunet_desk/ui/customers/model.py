"""The customers table: the ledger's ids in 五十音順 (from the search), rows a page at a time.

The paging and the cache are ``LazyRowsModel``'s; at 100,000 customers only the pages the
clerk scrolls to are ever read. This model adds what a row shows and the dimming of
cancelled customers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kaunet_desk.domain.enums import CustomerStatus
from kaunet_desk.i18n import _
from kaunet_desk.store.services.customer_list import CustomerRow
from kaunet_desk.ui.customers.columns import COLUMNS
from kaunet_desk.ui.lazy_rows import AnyIndex, Fetch, LazyRowsModel

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole


class CustomerTableModel(LazyRowsModel[CustomerRow]):
    MAX_PAGES = 10  # 2,000 cached rows: several screens either side of the one shown

    def __init__(
        self, fetch: Fetch[CustomerRow] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(fetch, COLUMNS, parent)

    def customer_id(self, row: int) -> int:
        return self.id_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row_no = index.row()
        if not index.isValid() or not 0 <= row_no < len(self._ids):
            return None
        column = COLUMNS[index.column()]
        if role == CUSTOMER_ID_ROLE:
            return self._ids[row_no]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_at(row_no)
        if row is None:
            return _("(削除されました)") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == CustomerStatus.CANCELLED.value:
                # Cancelled customers stay in the ledger, dimmed (FAQ カウネットの解約方法).
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            return None
        text = column.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 16 else None
        return text

    def _header_data(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align)
        return None
