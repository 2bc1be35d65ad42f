"""The requests table: ids in order plus a small cache of rows fetched a page at a time.

The list is small (thousands at most) but follows the pattern of every table of the app
(``LazyRowsModel``): ``reset`` takes the ids, ``data`` asks for a page of rows the first
time one of them is drawn, and the roles switch in ``data``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from kaunet_desk.i18n import _
from kaunet_desk.store.services.dealer_change import DealerChangeRow
from kaunet_desk.ui.dealer_change.columns import COLUMN_INDEX, COLUMNS, Day, alert
from kaunet_desk.ui.dealer_change.texts import OVERDUE_MARK, STATE_TIPS
from kaunet_desk.ui.lazy_rows import AnyIndex, Fetch, LazyRowsModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1

_ALERT_COLOUR = QColor("#a40000")  # on top of bold + icon + text, never alone


class DealerChangeModel(LazyRowsModel[DealerChangeRow]):
    MAX_PAGES = 20  # 4,000 rows: the whole list of all but the largest branches

    def __init__(
        self, fetch_rows: Fetch[DealerChangeRow], parent: QObject | None = None
    ) -> None:
        super().__init__(fetch_rows, COLUMNS, parent)
        self.day = Day(date.today(), 3)
        self._icons: dict[str, QIcon] = {}

    # -- contents -----------------------------------------------------------------------
    def reset(
        self, ids: list[int], day: Day, rows: Mapping[int, DealerChangeRow] | None = None
    ) -> None:
        """Show ``ids`` as of ``day``; ``rows``, those of ``ids[:PAGE]`` fetched off-thread,
        fill the first page."""
        self.day = day
        self._reset(ids, first_page=rows)

    def request_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def request(self, row: int) -> DealerChangeRow | None:
        return self.row_at(row)

    # -- Qt ---------------------------------------------------------------------------
    def _header_data(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(COLUMNS[section].tip)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role == ID_ROLE:
            return self.request_id(index.row())
        row = self.row_at(index.row())
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


PAGE = DealerChangeModel.PAGE_SIZE  # the view fetches the first page off the GUI thread
