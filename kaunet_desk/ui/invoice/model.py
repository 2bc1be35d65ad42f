"""The invoice preview as a table: 日付 / 内容 / 税率 / 金額, headings and totals in bold."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from kaunet_desk.formatting import format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.ui.invoice.lines import InvoiceLine, LineKind

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the InvoiceLine itself


class Column(IntEnum):
    DAY = 0
    TEXT = 1
    RATE = 2
    AMOUNT = 3


_TITLES = {
    Column.DAY: N_("日付"),
    Column.TEXT: N_("内容"),
    Column.RATE: N_("税率"),
    Column.AMOUNT: N_("金額"),
}
_BOLD = frozenset({LineKind.HEADING, LineKind.SUBTOTAL, LineKind.TOTAL})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class InvoiceLinesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: tuple[InvoiceLine, ...] = ()

    def set_lines(self, lines: list[InvoiceLine]) -> None:
        self.beginResetModel()
        self._lines = tuple(lines)
        self.endResetModel()

    def lines(self) -> tuple[InvoiceLine, ...]:
        return self._lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return {Column.AMOUNT: _RIGHT, Column.RATE: _CENTER}.get(column, _LEFT)
        if role == Qt.ItemDataRole.FontRole and (line.kind in _BOLD or line.estimated):
            font = QGuiApplication.font()
            font.setBold(line.kind in _BOLD)
            font.setItalic(line.estimated)
            # A pixel-sized font has no point size to scale.
            if line.kind is LineKind.TOTAL and font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * 1.2)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.kind is LineKind.NOTE:
                return QBrush(QColor("#555555"))
            if column is Column.AMOUNT and (line.amount_yen or 0) < 0:
                return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.kind is LineKind.HEADING:
                return QBrush(QColor("#e8eef5"))
            if line.kind is LineKind.TOTAL:
                return QBrush(QColor("#fff4d6"))
        if role == LINE_ROLE:
            return line
        return None

    @staticmethod
    def _text(line: InvoiceLine, column: Column) -> str:
        if column is Column.DAY:
            return line.day
        if column is Column.TEXT:
            return line.text
        if column is Column.RATE:
            return line.rate
        return "" if line.amount_yen is None else format_yen(line.amount_yen)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(_TITLES[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == Column.AMOUNT else _LEFT
        return None
