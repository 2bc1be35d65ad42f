"""Reading the order form's fields: yen amounts however typed, and errors shown on the field."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kaunet_desk.domain.text import normalize_text
from kaunet_desk.i18n import _

# 1,234 / １，２３４ / ￥1,234 / 1234円 are all the same amount.
_DECORATION = re.compile(r"[,，、\s¥￥円]")
ERROR_STYLE = "border: 1px solid #c62828;"
# The longest order number the form takes, so the card re-entry suffix (-C, -C2…) still
# fits the 40 characters of orders.order_no.
ORDER_NO_MAX = 36


def parse_yen(text: str) -> tuple[int | None, str]:
    """(amount, "") or (None, the reason); an empty field is 0 yen."""
    cleaned = _DECORATION.sub("", normalize_text(text))
    if not cleaned:
        return 0, ""
    if not cleaned.isascii() or not cleaned.isdigit():
        return None, _("金額は数字で入力してください(例: 12,345)")
    amount = int(cleaned)
    if amount > 99_999_999:
        return None, _("金額が大きすぎます")
    return amount, ""


class FieldWithError(QWidget):
    """A field with its error message right under it; the field gets a red border."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error_label)
        self._style = field.styleSheet()

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        class_name = type(self.field).__name__
        if message:
            self.field.setStyleSheet(f"{class_name} {{ {ERROR_STYLE} }}")
        else:
            self.field.setStyleSheet(self._style)

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""
