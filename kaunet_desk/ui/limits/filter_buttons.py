"""表示: すべて / 注意 / 上限到達, each with how many customers it holds this month."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from kaunet_desk.formatting import format_number
from kaunet_desk.i18n import _
from kaunet_desk.store.services.monthly_limits import UsageLevel
from kaunet_desk.ui.limits.model import LimitFilter


class FilterButtons(QWidget):
    chosen = Signal(object)  # LimitFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[LimitFilter, QRadioButton] = {}
        self._group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("表示")))
        for which in LimitFilter:
            button = QRadioButton()
            button.setObjectName(f"filter_{which.value}")
            button.setChecked(which is LimitFilter.ALL)
            button.toggled.connect(lambda on, w=which: on and self.chosen.emit(w))
            self._group.addButton(button)
            self.buttons[which] = button
            layout.addWidget(button)
        self.set_counts(0, Counter())

    def set_counts(self, total: int, levels: Counter[UsageLevel]) -> None:
        texts = {
            LimitFilter.ALL: (_("すべて"), total),
            LimitFilter.NEAR: (_("注意"), levels[UsageLevel.NEAR]),
            LimitFilter.REACHED: (_("上限到達"), levels[UsageLevel.REACHED]),
        }
        for which, (label, count) in texts.items():
            self.buttons[which].setText(f"{label} ({format_number(count)})")
