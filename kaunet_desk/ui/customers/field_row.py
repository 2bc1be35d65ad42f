"""An input with its error message right under it, and a red border while it is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "border: 2px solid #c62828; border-radius: 3px;"
ERROR_LABEL_STYLE = "color: #c62828;"
HINT_LABEL_STYLE = "color: palette(placeholder-text);"


class FieldRow(QWidget):
    """Wraps ``editor``; ``set_error`` shows or clears the message (and the red border)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.hide()
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_LABEL_STYLE)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self._base_style = editor.styleSheet()

    def set_error(self, text: str | None) -> None:
        if text:
            self.message.setText(text)
            self.message.show()
            self.editor.setStyleSheet(self._base_style + ERROR_STYLE)
            self.editor.setToolTip(text)
        else:
            self.message.clear()
            self.message.hide()
            self.editor.setStyleSheet(self._base_style)
            self.editor.setToolTip("")

    def error(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
