"""The dialog's two tables: the first rows of the file, and the problems found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kaunet_desk.i18n import _
from kaunet_desk.transfer.columns import Column
from kaunet_desk.transfer.mapping import ColumnMapping
from kaunet_desk.transfer.problems import ERROR_HEADERS, RowError, short
from kaunet_desk.transfer.reader import SourceRecord

_Index = QModelIndex | QPersistentModelIndex
_PROBLEM_BACKGROUND = QBrush(QColor("#fde2e1"))


class PreviewModel(QAbstractTableModel):
    """The first rows as the import will read them: one column per mapped field.

    Rows with a problem (after 検査 or an import) are tinted and carry the reasons as a
    tooltip; the first column is the row number as Excel shows it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._columns: list[tuple[Column, int]] = []
        self._records: list[SourceRecord] = []
        self._problems: dict[int, list[RowError]] = {}

    def set_rows(self, columns: tuple[Column, ...], mapping: ColumnMapping,
                 records: list[SourceRecord]) -> None:
        self.beginResetModel()
        self._columns = [(c, i) for c in columns if (i := mapping.index(c.key)) is not None]
        self._records = records
        self.endResetModel()

    def set_problems(self, errors: list[RowError]) -> None:
        problems: dict[int, list[RowError]] = {}
        for error in errors:
            problems.setdefault(error.row_no, []).append(error)
        self._problems = problems
        if self._records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("行")
        if 0 < section <= len(self._columns):
            return self._columns[section - 1][0].header
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        problems = self._problems.get(record.row_no)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(record.row_no)
            position = self._columns[index.column() - 1][1]
            return short(record.values[position]) if position < len(record.values) else ""
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return _PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(p.describe() for p in problems)
        return None


class ErrorModel(QAbstractTableModel):
    """行 / 列 / 値 / 理由 of every problem kept by the import."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[RowError] = []

    def set_errors(self, errors: list[RowError]) -> None:
        self.beginResetModel()
        self.errors = list(errors)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ERROR_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(ERROR_HEADERS)):
            return _(ERROR_HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.errors):
            return None
        error = self.errors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(error.row_no), error.column or _("(行全体)"), short(error.value),
                    error.sentence())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return error.value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
