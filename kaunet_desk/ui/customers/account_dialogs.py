"""Adding a Kaunet ID and changing its application status.

FAQ: additional IDs are applied for on My KDDI Biz 総合 (まとめてオフィス → カウネット契約追加
申込); the status says which of the three causes keeps the icon from showing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from kaunet_desk.domain.enums import ApplicationStatus
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.i18n import _
from kaunet_desk.ui.customers.guarded_dialog import GuardedDialog
from kaunet_desk.ui.customers.labels import application_cause, application_label


def _status_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("application_status")
    for status in ApplicationStatus:
        combo.addItem(application_label(status.value), status.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _cause_label() -> QLabel:
    label = QLabel()
    label.setObjectName("cause")
    label.setWordWrap(True)
    label.setMinimumWidth(360)
    return label


class AddAccountDialog(GuardedDialog):
    def __init__(self, parent: QWidget | None, today: date, taken: Callable[[str], bool]) -> None:
        super().__init__(parent, _("カウネット ID の追加"), _("追加"))
        self._taken = taken
        note = QLabel(_("追加の ID は My KDDI Biz 総合の「まとめてオフィス」→"
                        "「カウネット契約追加申込」で申し込まれたものです。"))
        note.setWordWrap(True)
        self.kaunet_id = QLineEdit()
        self.kaunet_id.setObjectName("kaunet_id")
        self.kaunet_id.setPlaceholderText(_("例: K123456789"))
        self.status = _status_combo(ApplicationStatus.IN_PROGRESS.value)
        self.applied_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.applied_on.setObjectName("applied_on")
        self.applied_on.setCalendarPopup(True)
        self.applied_on.setDisplayFormat("yyyy/MM/dd")
        self.cause = _cause_label()
        form = QFormLayout()
        form.addRow(_("カウネット ID"), self.kaunet_id)
        form.addRow(_("申込状況"), self.status)
        form.addRow("", self.cause)
        form.addRow(_("申込日"), self.applied_on)
        self.body.addWidget(note)
        self.body.addLayout(form)
        self.kaunet_id.textChanged.connect(self._check)
        self.status.currentIndexChanged.connect(self._show_cause)
        self._show_cause()
        self._check()

    def _show_cause(self) -> None:
        self.cause.setText(application_cause(self.status.currentData()))

    def _check(self) -> None:
        value = normalize_text(self.kaunet_id.text())
        if not value:
            self.set_problem(_("カウネット ID を入力してください"))
        elif self._taken(value):
            self.set_problem(_("このカウネット ID はすでに登録されています"))
        else:
            self.set_problem(None)

    def values(self) -> tuple[str, str, date]:
        return (self.kaunet_id.text(), self.status.currentData(),
                self.applied_on.date().toPython())


class StatusDialog(GuardedDialog):
    def __init__(self, parent: QWidget | None, kaunet_id: str, current: str) -> None:
        super().__init__(parent, _("申込状況の変更"), _("変更"))
        self.current = current
        self.status = _status_combo(current)
        self.cause = _cause_label()
        form = QFormLayout()
        form.addRow(_("カウネット ID"), QLabel(kaunet_id))
        form.addRow(_("申込状況"), self.status)
        form.addRow("", self.cause)
        self.body.addLayout(form)
        self.status.currentIndexChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.cause.setText(application_cause(self.status.currentData()))
        same = self.status.currentData() == self.current
        self.set_problem(_("現在と同じ申込状況です") if same else None)

    def value(self) -> str:
        return self.status.currentData()
