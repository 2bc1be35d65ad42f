"""The invoice tab's customer list: ids in 五十音順, rows fetched 200 at a time as they show.

The Anki browser pattern: the model holds the ids the search returned (100,000 ints at
most) and a small cache of plain rows; ``data()`` asks customer_list.customer_rows for
the page around a row it has not seen (a few ms for 200 rows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow, customer_rows

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
_MAX_PAGES = 20  # ≈ 4,000 rows kept; older pages are dropped
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_COLUMNS = (
    (N_("お客さま"), lambda r: r.name),
    (N_("フリガナ"), lambda r: r.name_kana),
    (N_("電話"), lambda r: r.phone),
)


class CustomerListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._database: Database | None = None
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, CustomerRow]] = {}

    def set_ids(self, database: Database, ids: list[int]) -> None:
        self.beginResetModel()
        self._database = database
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def customer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def customer(self, row: int) -> CustomerRow | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            if self._database is None:
                return None
            if len(self._pages) >= _MAX_PAGES:
                self._pages.pop(next(iter(self._pages)))
            ids = self._ids[page * PAGE:(page + 1) * PAGE]
            rows = customer_rows(self._database, ids)
            self._pages[page] = rows
        return rows.get(self._ids[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == CUSTOMER_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.customer(index.row())
            if row is None:  # deleted since the search
                return ""
            return _COLUMNS[index.column()][1](row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_COLUMNS)
        ):
            return _(_COLUMNS[section][0])
        return None
