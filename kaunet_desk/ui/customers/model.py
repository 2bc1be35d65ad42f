"""A lazy table model over customer ids: rows come a page at a time into a small cache.

The pattern of Anki's browser table: the model holds the ids (in 五十音順, from the
search), and ``data()`` asks ``fetch`` for the ~200 rows around the first one painted.
At 100,000 customers only the pages the clerk scrolls to are ever read.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from kaunet_desk.domain.enums import CustomerStatus
from kaunet_desk.i18n import _
from kaunet_desk.store.services.customer_list import CustomerRow
from kaunet_desk.ui.customers.columns import COLUMNS

Fetch = Callable[[list[int]], dict[int, CustomerRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole


def _no_rows(_ids: list[int]) -> dict[int, CustomerRow]:
    return {}


class CustomerTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 10  # 2,000 cached rows: several screens either side of the one shown

    def __init__(self, fetch: Fetch | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch = fetch or _no_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, CustomerRow]] = OrderedDict()
        self.pages_fetched = 0  # for tests and the benchmark

    # -- content ---------------------------------------------------------------
    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.refresh_rows()

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget cached rows (a customer was saved) but keep the ids and the selection."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def customer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)  # ≈1 ms at 100,000 ids; rarely needed
        except ValueError:
            return None

    def cached_row(self, row: int) -> CustomerRow | None:
        return self._row(row)

    # -- the cache ---------------------------------------------------------------
    def _row(self, row: int) -> CustomerRow | None:
        page_no = row // self.PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.PAGE_SIZE
            page = self._fetch(self._ids[start : start + self.PAGE_SIZE])
            self.pages_fetched += 1
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        # None when the customer vanished since the ids were read (another clerk).
        return page.get(self._ids[row])

    # -- QAbstractTableModel -------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = COLUMNS[index.column()]
        if role == CUSTOMER_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self._row(index.row())
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
