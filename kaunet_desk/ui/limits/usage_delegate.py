"""Paints the usage column as a bar with its percentage and a word: 注意 / 上限到達 / 超過.

Colour is a hint only: the level is also said in words, and a bar at or over the
limit is hatched, so the state reads the same in grey print or to a colour-blind clerk.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kaunet_desk.store.services.monthly_limits import UsageLevel
from kaunet_desk.ui.limits.model import USAGE_ROLE, UsageMark

_COLOURS = {
    UsageLevel.OK: QColor("#4c9a52"),
    UsageLevel.NEAR: QColor("#d99a00"),
    UsageLevel.REACHED: QColor("#c62828"),
}
_BAR_WIDTH = 70
_MARGIN = 4


class UsageBarDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        mark = index.data(USAGE_ROLE)
        if not isinstance(mark, UsageMark):
            super().paint(painter, option, index)
            return
        # Background and selection as the style draws them, without the text.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        rect: QRect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        bar = QRect(rect.left(), rect.top() + 1, _BAR_WIDTH, max(rect.height() - 2, 4))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor("#8a8a8a")))
        painter.setBrush(QColor("#f2f2f2"))
        painter.drawRect(bar.adjusted(0, 0, -1, -1))
        share = 1.0 if mark.permille is None else min(mark.permille, 1000) / 1000
        filled = bar.adjusted(1, 1, -1, -1)
        filled.setWidth(round(filled.width() * share))
        if filled.width() > 0:
            colour = _COLOURS[mark.level]
            painter.fillRect(filled, colour)
            if mark.level is UsageLevel.REACHED:
                painter.fillRect(filled, QBrush(QColor("white"), Qt.BrushStyle.BDiagPattern))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.highlightedText() if selected else option.palette.text()
        painter.setPen(QPen(text_colour.color()))
        font = painter.font()
        if mark.level is not UsageLevel.OK:
            font.setBold(True)
        painter.setFont(font)
        text_rect = rect.adjusted(_BAR_WIDTH + 6, 0, 0, 0)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            mark.text(),
        )
        painter.restore()
