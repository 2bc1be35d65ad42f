"""A small dialog whose OK button, when disabled, says why next to it and in its tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.ui.customers.field_row import ERROR_LABEL_STYLE


class GuardedDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)  # Japanese notes wrap into a readable width
        self.body = QVBoxLayout()
        self.reason = QLabel()
        self.reason.setObjectName("ok_reason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(ERROR_LABEL_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def set_problem(self, text: str | None) -> None:
        """None enables OK; a text disables it and shows why."""
        self.ok_button.setEnabled(not text)
        self.ok_button.setToolTip(text or "")
        self.reason.setText(text or "")
        self.reason.setVisible(bool(text))

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not bypass the guard
            super().accept()
