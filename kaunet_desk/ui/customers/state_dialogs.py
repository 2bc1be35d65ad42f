"""Recording a catalogue stop or a cancellation, with its date.

FAQ: the periodic catalogue is stopped through 「カウネットヘルプコール」; Kaunet is cancelled
through 「KDDI まとめてオフィスサポートデスク」. The ledger records that it happened, and when.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLabel, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.ui.customers.guarded_dialog import GuardedDialog


class StateDialog(GuardedDialog):
    def __init__(self, parent: QWidget | None, title: str, ok_text: str, note: str,
                 today: date) -> None:
        super().__init__(parent, title, ok_text)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(380)
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setObjectName("state_on")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy/MM/dd")
        form = QFormLayout()
        form.addRow(_("日付"), self.on)
        self.body.addWidget(self.note)
        self.body.addLayout(form)
        self.set_problem(None)

    def day(self) -> date:
        return self.on.date().toPython()


def catalogue_stop_dialog(parent: QWidget | None, name: str, today: date) -> StateDialog:
    return StateDialog(
        parent, _("カタログ送付停止の記録"), _("送付停止を記録"),
        _("「{name}」の定期カタログ送付停止を記録します。\n"
          "送付停止のお申し出は、お客さまから「カウネットヘルプコール」へご連絡いただきます。")
        .format(name=name),
        today,
    )


def cancellation_dialog(parent: QWidget | None, name: str, today: date) -> StateDialog:
    return StateDialog(
        parent, _("解約の記録"), _("解約を記録…"),
        _("「{name}」の解約を記録します。\n"
          "カウネットの解約は「KDDI まとめてオフィスサポートデスク」で手続きします。"
          "手続きが済んだ日付を入力してください。").format(name=name),
        today,
    )
