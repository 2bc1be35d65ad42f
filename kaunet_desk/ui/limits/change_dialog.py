"""「上限変更…」: record an exception to a limit that normally never changes (FAQ 月間購入上限金額).

The dialog only collects and checks; the tab saves through customers.change_limit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.domain.text import normalize_text
from kaunet_desk.formatting import format_yen
from kaunet_desk.i18n import _

MAX_LIMIT_YEN = 999_999_999
_ERROR_STYLE = "border: 2px solid #c62828;"


@dataclass(frozen=True)
class LimitChangeRequest:
    new_yen: int
    reason: str
    on: date


def parse_yen(text: str) -> int | None:
    """「５０万」 is not accepted, 「500,000」「５００，０００」「¥500000」 are."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for char in ("¥", "￥", "\\", ",", "円", " "):
        cleaned = cleaned.replace(char, "")
    if not cleaned.isascii() or not cleaned.isdigit():
        return None
    return int(cleaned)


class _FieldRow(QWidget):
    """An input with its error message right under it."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self.field = field
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)

    def show_error(self, message: str) -> None:
        self.field.setStyleSheet(_ERROR_STYLE if message else "")
        self.error.setText(message)
        self.error.setVisible(bool(message))


class ChangeLimitDialog(QDialog):
    def __init__(
        self, customer_name: str, current_yen: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("月間購入上限金額の変更"))
        self._current = current_yen
        self._today = today
        self.request: LimitChangeRequest | None = None

        note = QLabel(_(
            "月間購入上限金額は申込時の審査で決まり、入会後は原則として変更されません"
            "(FAQ「月間購入上限金額」)。KDDI の承認など例外で変わったときだけ、"
            "理由と日付を添えて記録してください。"
        ))
        note.setWordWrap(True)
        note.setObjectName("faq_note")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("例: 500,000"))
        self.amount.setAccessibleName(_("新しい上限額"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("例: 与信再審査の結果、増額(KDDI 承認済み)"))
        self.reason.setAccessibleName(_("理由"))
        self.reason.setMaxLength(300)
        self.on = QDateEdit(QDate(today))
        self.on.setDisplayFormat("yyyy/MM/dd")
        self.on.setCalendarPopup(True)
        # The service changes the limit at once: a future date would contradict it.
        self.on.setMaximumDate(QDate(today))
        self.on.setAccessibleName(_("変更日"))
        self.amount_row = _FieldRow(self.amount)
        self.reason_row = _FieldRow(self.reason)
        self.summary = QLabel()
        self.summary.setObjectName("summary")

        form = QFormLayout()
        form.addRow(_("お客さま"), QLabel(customer_name))
        form.addRow(_("現在の上限額"), QLabel(format_yen(current_yen)))
        form.addRow(_("新しい上限額(円)"), self.amount_row)
        form.addRow(_("変更日"), self.on)
        form.addRow(_("理由(必須)"), self.reason_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("変更を記録"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("キャンセル"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)  # Esc too

        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.amount.textChanged.connect(self._update_summary)
        self._update_summary()
        self.setMinimumWidth(460)

    def _update_summary(self) -> None:
        new = parse_yen(self.amount.text())
        if new is None:
            self.summary.setText("")
        else:
            self.summary.setText(_("{old} → {new}").format(
                old=format_yen(self._current), new=format_yen(new)))

    def check(self) -> LimitChangeRequest | None:
        """The request, or None with each problem shown on its field."""
        new = parse_yen(self.amount.text())
        amount_error = ""
        if not self.amount.text().strip():
            amount_error = _("新しい上限額を入力してください")
        elif new is None:
            amount_error = _("金額は半角または全角の数字で入力してください")
        elif new > MAX_LIMIT_YEN:
            amount_error = _("{max} 以下で入力してください").format(max=format_yen(MAX_LIMIT_YEN))
        elif new == self._current:
            amount_error = _("現在の上限額と同じです")
        reason = normalize_text(self.reason.text())
        reason_error = "" if reason else _("変更の理由を入力してください")
        self.amount_row.show_error(amount_error)
        self.reason_row.show_error(reason_error)
        if amount_error:
            self.amount.setFocus()
        elif reason_error:
            self.reason.setFocus()
        if amount_error or reason_error or new is None:
            return None
        return LimitChangeRequest(new, reason, self.on.date().toPython())  # type: ignore[arg-type]

    def submit(self) -> None:
        request = self.check()
        if request is not None:
            self.request = request
            self.accept()
