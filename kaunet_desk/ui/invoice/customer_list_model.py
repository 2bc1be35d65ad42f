"""The invoice tab's customer list: ids in 五十音順, rows fetched a page at a time as they show.

The paging and the cache are ``LazyRowsModel``'s: the model holds the ids the search
returned (100,000 ints at most) and ``customer_list.customer_rows`` reads the page around
a row the first time it is painted (a few ms for 200 rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Qt

from kaunet_desk.i18n import N_
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow, customer_rows
from kaunet_desk.ui.lazy_rows import AnyIndex, LazyRowsModel

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _Column(NamedTuple):
    header: str  # N_-marked; translated when shown
    text: Callable[[CustomerRow], str]


_COLUMNS = (
    _Column(N_("お客さま"), lambda r: r.name),
    _Column(N_("フリガナ"), lambda r: r.name_kana),
    _Column(N_("電話"), lambda r: r.phone),
)


class CustomerListModel(LazyRowsModel[CustomerRow]):
    MAX_PAGES = 20  # ≈ 4,000 rows kept

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(None, _COLUMNS, parent)  # no rows until set_ids names a database

    # The database comes with the ids: the tab can be attached to another file.
    def set_ids(self, database: Database, ids: Sequence[int]) -> None:  # type: ignore[override]
        self._reset(ids, fetch=partial(customer_rows, database))

    def customer_id(self, row: int) -> int:
        return self.id_at(row)

    def customer(self, row: int) -> CustomerRow | None:
        return self.row_at(row)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == CUSTOMER_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            if row is None:  # deleted since the search
                return ""
            return _COLUMNS[index.column()].text(row)
        return None


PAGE = CustomerListModel.PAGE_SIZE
