"""A lazy table model over audit-entry ids: rows come a page at a time into a small cache.

Years of edits and imports make a long log; the model holds the ids (newest first, from
audit_log.entry_ids in the background) and asks ``fetch`` for the ~200 rows of a page the
first time the view paints one of them.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kaunet_desk.i18n import _
from kaunet_desk.store.services.audit_log import AuditRecord
from kaunet_desk.ui.audit.columns import COLUMNS

log = logging.getLogger(__name__)

Fetch = Callable[[list[int]], dict[int, AuditRecord]]
AnyIndex = QModelIndex | QPersistentModelIndex

ENTRY_ID_ROLE = int(Qt.ItemDataRole.UserRole)
RECORD_ROLE = ENTRY_ID_ROLE + 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, ENTRY_ID_ROLE, RECORD_ROLE})
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _no_rows(_ids: list[int]) -> dict[int, AuditRecord]:
    return {}


class _Entry:
    """A fetched record and, once painted, its cell texts."""

    __slots__ = ("_texts", "record")

    def __init__(self, record: AuditRecord) -> None:
        self.record = record
        self._texts: tuple[str, ...] | None = None

    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            self._texts = tuple(column.text(self.record) for column in COLUMNS)
        return self._texts


class AuditLogModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 8

    def __init__(self, fetch: Fetch | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch: Fetch = fetch or _no_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, _Entry]] = OrderedDict()
        self.pages_fetched = 0  # for tests

    # -- content -----------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], fetch: Fetch | None = None) -> None:
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_ids([])

    def ids(self) -> list[int]:
        return list(self._ids)

    def entry_id(self, row: int) -> int:
        return self._ids[row]

    def record(self, row: int) -> AuditRecord | None:
        entry = self._entry(row)
        return None if entry is None else entry.record

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
            records = self._fetch(ids)
        except Exception:
            # Blank cells; the next repaint tries again (the database may be busy).
            log.exception("fetching a page of the audit log failed")
            return {}
        self.pages_fetched += 1
        entries = {entry_id: _Entry(record) for entry_id, record in records.items()}
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
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == ENTRY_ID_ROLE:
            return self._ids[index.row()]
        entry = self._entry(index.row())
        if entry is None:
            return _("(読み込めません)") if role == _DISPLAY else None
        if role == RECORD_ROLE:
            return entry.record
        text = entry.texts()[index.column()]
        if role == _TOOLTIP:
            # The summary and long names are elided in the cell.
            return text if len(text) > 12 else None
        return text
