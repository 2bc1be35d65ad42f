"""The audit-log table: entry ids, records a page at a time, texts formatted once.

Years of edits and imports make a long log; the model holds the ids (newest first, from
audit_log.entry_ids in the background) and ``LazyRowsModel`` asks ``fetch`` for the ~200
rows of a page the first time the view paints one of them. This model adds the cells.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from kaunet_desk.i18n import _
from kaunet_desk.store.services.audit_log import AuditRecord
from kaunet_desk.ui.audit.columns import COLUMNS
from kaunet_desk.ui.lazy_rows import AnyIndex, Fetch, FormattedRowsModel

ENTRY_ID_ROLE = int(Qt.ItemDataRole.UserRole)
RECORD_ROLE = ENTRY_ID_ROLE + 1

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, ENTRY_ID_ROLE, RECORD_ROLE})


class AuditLogModel(FormattedRowsModel[AuditRecord]):
    MAX_PAGES = 8
    # The database may be busy with an import: blank cells, and the next paint retries.
    FETCH_FAILED = "fetching a page of the audit log failed"

    def __init__(
        self, fetch: Fetch[AuditRecord] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(fetch, COLUMNS, parent)

    def record(self, row: int) -> AuditRecord | None:
        entry = self.row_at(row)
        return None if entry is None else entry.row

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == ENTRY_ID_ROLE:
            return self._ids[index.row()]
        entry = self.row_at(index.row())
        if entry is None:
            return _("(読み込めません)") if role == _DISPLAY else None
        if role == RECORD_ROLE:
            return entry.row
        text = entry.texts()[index.column()]
        if role == _TOOLTIP:
            # The summary and long names are elided in the cell.
            return text if len(text) > 12 else None
        return text
