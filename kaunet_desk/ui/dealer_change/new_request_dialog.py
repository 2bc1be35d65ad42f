"""A new dealer-change FAX form sent to a customer (FAQ 販売店について).

The return deadline is proposed as the sending day plus the reports' setting
「FAX の返送期限(日数)」 (帳票の設定) and follows the sending day until the clerk edits it;
a deadline before the sending day is shown on the field and blocks the next step.

Accepting does not record anything yet: the FAX form is drawn and previewed next, and the
request is recorded when that form is printed, saved or confirmed as sent (send_dialog.py).
``submit`` checks the draft the way the service will, so what gets printed can be recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from kaunet_desk.domain.customer_fields import FieldProblem
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import get_customer
from kaunet_desk.store.services.dealer_change import RequestDraft
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.dealer_change.customer_picker import CustomerPicker
from kaunet_desk.ui.dealer_change.field_errors import (
    block_button,
    date_edit,
    error_label,
    from_qdate,
    show_error,
    to_qdate,
)
from kaunet_desk.ui.dealer_change.ok_cancel import ok_button, ok_cancel_buttons

# Checks the draft; returns the problems to show on the fields (empty: go on).
Submit = Callable[[RequestDraft], list[FieldProblem]]

PROBLEM_TEXT = {
    ("deadline", "before_sent"): N_("返送期限は FAX 送付日以降にしてください。"),
    ("kaunet_account_id", "not_of_customer"): N_("このお客さまのカウネット ID ではありません。"),
    ("customer_id", "not_found"): N_(
        "このお客さまは見つかりません（削除された可能性があります）。"
    ),
}


class NewRequestDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        database: Database,
        background: Background,
        today: date,
        deadline_days: int,
        submit: Submit,
        customer_id: int | None = None,
        kaunet_account_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_request_dialog")
        self.setWindowTitle(_("担当販売店変更 FAX を送る"))
        self._database = database
        self._submit = submit
        self._deadline_days = deadline_days
        self._deadline_edited = False
        self._wanted_account = kaunet_account_id
        self.picker = CustomerPicker(database, background, self)
        self.picker.choose(customer_id)
        self.customer_error = error_label()
        self.customer_error.setObjectName("customer_error")
        # Not an error yet, just the reason 登録 is off: plain text, no red border.
        self.customer_hint = QLabel(_("一覧からお客さまを選んでください。"))
        self.customer_hint.setObjectName("customer_hint")
        self.account = QComboBox()
        self.account.setObjectName("account")
        self.account_error = error_label()
        self.sent = date_edit(today)
        self.sent.setObjectName("sent")
        self.deadline = date_edit(today + timedelta(days=deadline_days))
        self.deadline.setObjectName("deadline")
        self.deadline_error = error_label()
        self.deadline_error.setObjectName("deadline_error")
        hint = QLabel(_("返送期限は FAX 用紙に書く日付です。期限日当日の返送まで有効です。"))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("お客さま(&C)"), self.picker)
        form.addRow("", self.customer_hint)
        form.addRow("", self.customer_error)
        form.addRow(_("カウネット ID(&K)"), self.account)
        form.addRow("", self.account_error)
        form.addRow(_("FAX 送付日(&S)"), self.sent)
        form.addRow(_("返送期限(&D)"), self.deadline)
        form.addRow("", self.deadline_error)
        form.addRow("", hint)
        self.buttons = ok_cancel_buttons(self, _("FAX 用紙を作成…"))
        self.ok_button = ok_button(self.buttons)
        self.ok_button.setObjectName("ok_button")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.picker.search, self.picker.view)
        self.setTabOrder(self.picker.view, self.account)
        self.setTabOrder(self.account, self.sent)
        self.setTabOrder(self.sent, self.deadline)
        self.picker.picked.connect(self._customer_picked)
        self.sent.dateChanged.connect(self._sent_changed)
        self.deadline.dateChanged.connect(self._deadline_changed)
        self.resize(560, 520)
        self._validate()
        self.picker.load()
        self.picker.focus_search()

    # -- fields -----------------------------------------------------------------------
    def _customer_picked(self, customer_id: int | None) -> None:
        self.account.clear()
        if customer_id is not None:
            accounts = get_customer(self._database, customer_id).accounts
            for account in accounts:
                self.account.addItem(account.kaunet_id, account.id)
            if not accounts:
                self.account.addItem(_("（カウネット ID 未登録）"), None)
            if self._wanted_account is not None:
                position = self.account.findData(self._wanted_account)
                self.account.setCurrentIndex(max(position, 0))
                self._wanted_account = None
        self._validate()

    def _sent_changed(self) -> None:
        if not self._deadline_edited:
            proposed = self.sent_on() + timedelta(days=self._deadline_days)
            self.deadline.blockSignals(True)
            self.deadline.setDate(to_qdate(proposed))
            self.deadline.blockSignals(False)
        self._validate()

    def _deadline_changed(self) -> None:
        self._deadline_edited = True
        self._validate()

    def sent_on(self) -> date:
        return from_qdate(self.sent.date())

    def deadline_on(self) -> date:
        return from_qdate(self.deadline.date())

    def draft(self) -> RequestDraft | None:
        customer_id = self.picker.current_id()
        if customer_id is None:
            return None
        return RequestDraft(customer_id, self.account.currentData(), self.sent_on(),
                            self.deadline_on())

    # -- checks -----------------------------------------------------------------------
    def _validate(self) -> bool:
        customer = None if self.picker.current_id() is not None else self.customer_hint.text()
        deadline = None
        if self.deadline_on() < self.sent_on():
            deadline = _(PROBLEM_TEXT["deadline", "before_sent"])
        self.customer_hint.setVisible(customer is not None)
        show_error(self.picker.view, self.customer_error, None)
        show_error(self.deadline, self.deadline_error, deadline)
        show_error(self.account, self.account_error, None)
        block_button(self.ok_button, customer or deadline)
        return customer is None and deadline is None

    def show_problems(self, problems: list[FieldProblem]) -> None:
        fields = {"deadline": (self.deadline, self.deadline_error),
                  "kaunet_account_id": (self.account, self.account_error)}
        for problem in problems:
            field, label = fields.get(problem.field, (self.picker.view, self.customer_error))
            text = PROBLEM_TEXT.get((problem.field, problem.code), problem.code)
            show_error(field, label, _(text))

    def accept(self) -> None:
        draft = self.draft()
        if not self._validate() or draft is None:
            return
        problems = self._submit(draft)
        if problems:
            self.show_problems(problems)
            return
        super().accept()
