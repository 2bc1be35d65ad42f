"""The requests table: ids in order plus a small cache of rows fetched a page at a time.

The list is small (thousands at most) but follows the pattern of every table of the app
(Anki's browser table): ``reset`` takes the ids, ``data`` asks for a page of rows the first
time one of them is drawn, and the roles switch in ``data``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from kaunet_desk.i18n import _
from kaunet_desk.store.services.dealer_change import DealerChangeRow
from kaunet_desk.ui.dealer_change.columns import COLUMN_INDEX, COLUMNS, Day, alert
from kaunet_desk.ui.dealer_change.texts import OVERDUE_MARK, STATE_TIPS

PAGE = 200
MAX_CACHED = 20 * PAGE
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
FetchRows = Callable[[list[int]], dict[int, DealerChangeRow]]

_ALERT_COLOUR = QColor("#a40000")  # on top of bold + icon + text, never alone


class DealerChangeModel(QAbstractTableModel):
    def __init__(self, fetch_rows: FetchRows, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._cache: dict[int, DealerChangeRow] = {}
        self.day = Day(date.today(), 3)
        self._icons: dict[str, QIcon] = {}

    # -- contents -----------------------------------------------------------------------
    def reset(
        self, ids: list[int], day: Day, rows: dict[int, DealerChangeRow] | None = None
    ) -> None:
        """Show ``ids`` as of ``day``; ``rows`` may pre-fill the cache (fetched off-thread)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._positions = {request_id: row for row, request_id in enumerate(self._ids)}
        self._cache = dict(rows or {})
        self.day = day
        self.endResetModel()

    def request_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, request_id: int) -> int | None:
        return self._positions.get(request_id)

    def request(self, row: int) -> DealerChangeRow | None:
        request_id = self.request_id(row)
        if request_id is None:
            return None
        if request_id not in self._cache:
            self._fetch_page(row)
        return self._cache.get(request_id)

    def _fetch_page(self, row: int) -> None:
        if len(self._cache) > MAX_CACHED:
            self._cache.clear()
        start = row - row % PAGE
        self._cache.update(self._fetch_rows(self._ids[start : start + PAGE]))

    # -- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(COLUMNS[section].tip)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role == ID_ROLE:
            return self.request_id(index.row())
        row = self.request(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row, self.day)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        overdue = row.is_overdue(self.day.today)
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(_ALERT_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == COLUMN_INDEX["alert"]:
            return self._alert_icon(alert(row, self.day))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column.key)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return column.text(row, self.day)
        return None

    def _tip(self, row: DealerChangeRow, key: str) -> str | None:
        if key in ("state", "alert", "days_left"):
            return _(STATE_TIPS[row.state(self.day.today)])
        if key == "months":
            return _(COLUMNS[COLUMN_INDEX["months"]].tip)
        return None

    def _alert_icon(self, mark: str) -> QIcon | None:
        if not mark:
            return None
        if mark not in self._icons:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if mark == OVERDUE_MARK
                else QStyle.StandardPixmap.SP_MessageBoxInformation
            )
            style = QApplication.style()
            if style is None:  # no QApplication (a bare model in a script)
                return None
            self._icons[mark] = style.standardIcon(pixmap)
        return self._icons[mark]
