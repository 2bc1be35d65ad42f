"""上限変更…: the exception to FAQ 月間購入上限金額 (fixed after screening), with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from kaunet_desk.domain.text import normalize_text
from kaunet_desk.formatting import format_yen
from kaunet_desk.i18n import _
from kaunet_desk.ui.customers.guarded_dialog import GuardedDialog
from kaunet_desk.ui.customers.yen_spin_box import YenSpinBox


@dataclass(frozen=True)
class LimitChangeRequest:
    new_yen: int
    reason: str
    on: date


class LimitChangeDialog(GuardedDialog):
    def __init__(self, parent: QWidget | None, current_yen: int, today: date) -> None:
        super().__init__(parent, _("月間購入上限金額の変更"), _("変更を記録"))
        self.current_yen = current_yen
        note = QLabel(_(
            "月間購入上限金額はお申込み時の審査で決まり、通常は変更されません。"
            "KDDI の承認を得た例外だけを、理由とともに記録してください。"
        ))
        note.setWordWrap(True)
        self.amount = YenSpinBox()
        self.amount.setObjectName("new_limit")
        self.amount.set_yen(current_yen)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("limit_reason")
        self.reason_edit.setPlaceholderText(_("例: 事業拡大に伴う増額(KDDI 審査承認済み)"))
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setObjectName("limit_on")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy/MM/dd")
        form = QFormLayout()
        form.addRow(_("現在の上限"), QLabel(format_yen(current_yen)))
        form.addRow(_("新しい上限"), self.amount)
        form.addRow(_("理由"), self.reason_edit)
        form.addRow(_("変更日"), self.on)
        self.body.addWidget(note)
        self.body.addLayout(form)
        self.amount.valueChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        if self.amount.value() == self.current_yen:
            self.set_problem(_("新しい上限が現在と同じです"))
        elif not normalize_text(self.reason_edit.text()):
            self.set_problem(_("理由を入力してください"))
        else:
            self.set_problem(None)

    def request(self) -> LimitChangeRequest:
        return LimitChangeRequest(
            self.amount.value(), normalize_text(self.reason_edit.text()), self.on.date().toPython()
        )
