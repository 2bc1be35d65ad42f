"""A spin box for an amount in yen that shows it through the one money formatter."""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from kaunet_desk.domain.text import digits_only
from kaunet_desk.formatting import format_yen
from kaunet_desk.i18n import _

UNSET = -1  # shown as 「未入力」: a new customer's limit must be typed (FAQ 月間購入上限金額)
MAXIMUM = 99_999_999


class YenSpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None, *, allow_unset: bool = False) -> None:
        super().__init__(parent)
        self.setRange(UNSET if allow_unset else 0, MAXIMUM)
        self.setSingleStep(10_000)
        if allow_unset:
            self.setSpecialValueText(_("未入力"))
        self.setAccelerated(True)
        self.setGroupSeparatorShown(False)

    def yen(self) -> int | None:
        return None if self.value() == UNSET else self.value()

    def set_yen(self, amount: int | None) -> None:
        self.setValue(UNSET if amount is None else amount)

    def textFromValue(self, value: int) -> str:
        return format_yen(value)

    def valueFromText(self, text: str) -> int:
        digits = digits_only(text)
        return int(digits) if digits else self.minimum()

    def validate(self, text: str, pos: int) -> object:
        digits = digits_only(text)
        if not digits:
            return QValidator.State.Intermediate
        value = int(digits)
        if value > MAXIMUM:
            return QValidator.State.Invalid
        return QValidator.State.Acceptable
