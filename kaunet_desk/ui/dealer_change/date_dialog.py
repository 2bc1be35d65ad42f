"""Asks for one date, checks it on the field as it changes, and says what it will mean."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from kaunet_desk.ui.dealer_change.field_errors import (
    block_button,
    date_edit,
    error_label,
    from_qdate,
    show_error,
)
from kaunet_desk.ui.dealer_change.ok_cancel import ok_button, ok_cancel_buttons

# A date → the sentence of the rule it breaks, or None when it can be recorded.
Check = Callable[[date], str | None]
# A date → what recording it will mean (e.g. the two months of the change), or "".
Preview = Callable[[date], str]


class DateDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        intro: str,
        label: str,
        initial: date,
        ok_text: str,
        check: Check,
        preview: Preview | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("date_dialog")
        self._check = check
        self._preview = preview
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        self.date_edit = date_edit(initial)
        self.date_edit.setObjectName("date")
        self.error = error_label()
        self.error.setObjectName("date_error")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("preview")
        form = QFormLayout()
        form.addRow(label, self.date_edit)
        form.addRow("", self.error)
        self.buttons = ok_cancel_buttons(self, ok_text)
        self.ok_button = ok_button(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(self._validate)
        self.setMinimumWidth(460)
        self._validate()

    def chosen(self) -> date:
        return from_qdate(self.date_edit.date())

    def problem(self) -> str | None:
        return self._check(self.chosen())

    def _validate(self) -> None:
        problem = self.problem()
        show_error(self.date_edit, self.error, problem)
        block_button(self.ok_button, problem)
        preview = self._preview
        self.preview.setText("" if problem or preview is None else preview(self.chosen()))

    def accept(self) -> None:
        if self.problem() is None:  # Enter on the field must not bypass the check
            super().accept()
