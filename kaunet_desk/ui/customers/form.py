"""The detail form of one customer: every ledger field, its states, Kaunet IDs, change log.

Reads and writes through services.customers, one unit of work per call (each ≈ms, so on
the GUI thread). 「保存」 is enabled only for a valid, changed form, and says why
otherwise; Esc cancels the edit and asks first when something would be lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.errors import ValidationFailed
from kaunet_desk.ui.customers import prompts
from kaunet_desk.ui.customers.accounts_box import AccountsBox
from kaunet_desk.ui.customers.change_log import ChangeLog
from kaunet_desk.ui.customers.labels import field_label
from kaunet_desk.ui.customers.ledger_fields import LedgerFields
from kaunet_desk.ui.customers.limit_dialog import LimitChangeDialog
from kaunet_desk.ui.customers.reminder import HelpLineReminder
from kaunet_desk.ui.customers.save_bar import SaveBar
from kaunet_desk.ui.customers.status_box import StatusBox


class CustomerForm(QWidget):
    saved = Signal(int)  # customer id; the table reloads and selects it
    changed = Signal(int)  # a state, ID or limit was recorded (no form edit involved)
    closed = Signal()  # Esc: the edit was cancelled, focus goes back to the table

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.setObjectName("customer_form")
        self.today = today
        self._database: Database | None = None
        self._record: svc.CustomerRecord | None = None
        self._baseline: svc.CustomerDraft | None = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.reminder = HelpLineReminder()
        self.fields = LedgerFields()
        self.save_bar = SaveBar()
        self.status_box = StatusBox(lambda: self.today())
        self.accounts = AccountsBox(lambda: self.today())
        self.change_log = ChangeLog()
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.reminder, self.fields, self.save_bar,
                       self.status_box, self.accounts, self.change_log):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.fields.edited.connect(self._refresh_state)
        self.fields.limit_button.clicked.connect(self.change_limit)
        self.save_bar.save_clicked.connect(self.save)
        self.save_bar.cancel_clicked.connect(self.cancel_edit)
        self.save_bar.field_link.connect(self.fields.focus_field)
        for box in (self.status_box, self.accounts):
            box.changed.connect(self._recorded)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_edit, context=context)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=context)
        self.clear()

    # -- what is shown -------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._record.id if self._record else None

    def set_database(self, database: Database | None) -> None:
        self._database = database

    def clear(self) -> None:
        """Nothing selected: an empty, disabled form."""
        self._show(None, editable=False)
        self.heading.setText(_("お客さまを選ぶか「新規」(Ctrl+N) を押してください"))

    def load(self, customer_id: int) -> None:
        if self._database is None:
            return
        detail = svc.customer_detail(self._database, customer_id)
        self._show(detail, editable=True)

    def start_new(self) -> None:
        self._show(None, editable=True)
        self.heading.setText(_("新規お客さま"))
        self.fields.focus_field("name")

    def _show(self, detail: svc.CustomerDetail | None, *, editable: bool) -> None:
        record = detail.customer if detail else None
        self._record = record
        self.setEnabled(editable)
        self.reminder.hide()
        self.fields.set_draft(record.draft if record else None, new=record is None)
        # What "unchanged" means: the stored customer, or the blank form of a new one.
        self._baseline = self.fields.draft().normalised()
        self.heading.setText(record.draft.name if record else "")
        self.status_box.set_customer(self._database, record)
        self.accounts.set_customer(self._database, record.id if record else None,
                                   record.accounts if record else ())
        self.change_log.set_entries(detail.contact_changes if detail else (),
                                    detail.limit_changes if detail else ())
        self.status_box.setVisible(editable)
        self.accounts.setVisible(editable)
        self.change_log.setVisible(record is not None)
        self._refresh_state()

    # -- state ---------------------------------------------------------------------
    def is_dirty(self) -> bool:
        if not self.isEnabled() or self._baseline is None:
            return False
        return self.fields.draft().normalised() != self._baseline

    def _refresh_state(self) -> None:
        problems = self.fields.problems() if self.isEnabled() else []
        self.fields.show_problems(problems)
        to_fix = list(dict.fromkeys((p.field, field_label(p.field)) for p in problems))
        self.save_bar.set_state(dirty=self.is_dirty(), to_fix=to_fix)
        self.save_bar.setVisible(self.isEnabled())

    def save_reason(self) -> str:
        return self.save_bar.reason_text()

    # -- actions -------------------------------------------------------------------
    def save(self) -> bool:
        """Save the edit; True when nothing is left unsaved."""
        if self._database is None or not self.is_dirty():
            return not self.is_dirty()
        if not self.save_bar.save_button.isEnabled():
            self.fields.touch_all()
            self._refresh_state()
            return False
        draft = self.fields.draft()
        try:
            if self._record is None:
                customer_id = svc.create_customer(self._database, draft).id
                changes: tuple[svc.ContactChangeRecord, ...] = ()
            else:
                result = svc.update_customer(self._database, self._record.id, draft,
                                             today=self.today())
                customer_id, changes = result.customer.id, result.contact_changes
        except ValidationFailed as failed:
            self.fields.touch_all()
            self.fields.show_problems(failed.problems)
            return False
        except Exception as error:  # shown, never lost: the form keeps what was typed
            prompts.show_error(self, _("保存できません"), str(error))
            return False
        self.load(customer_id)
        self.reminder.show_for(changes)  # FAQ: the move is reported to カウネットヘルプコール
        self.saved.emit(customer_id)
        return True

    def cancel_edit(self) -> None:
        """Esc: throw the edit away (asking first if there is one) and go back."""
        if self.is_dirty() and not prompts.confirm_discard(self):
            return
        if self._record is not None:
            self.load(self._record.id)
        else:
            self.clear()
        self.closed.emit()

    def confirm_leave(self) -> bool:
        """Before another customer is shown: True when it is fine to leave this one."""
        if not self.is_dirty():
            return True
        answer = prompts.ask_leave(self)
        if answer is prompts.Leave.SAVE:
            return self.save()
        return answer is prompts.Leave.DISCARD

    def change_limit(self) -> None:
        record, database = self._record, self._database
        if record is None or database is None:
            return
        dialog = LimitChangeDialog(self, record.draft.monthly_limit_yen, self.today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        svc.change_limit(database, record.id, request.new_yen, request.reason, request.on)
        self._recorded()

    def _recorded(self) -> None:
        """A state, ID or limit was recorded: show it, keeping any edit in progress."""
        if self._record is None or self._database is None:
            return
        draft = self.fields.draft()
        dirty = self.is_dirty()
        self.load(self._record.id)
        if dirty and self._record is not None:
            stored_limit = self._record.draft.monthly_limit_yen
            self.fields.set_draft(replace(draft, monthly_limit_yen=stored_limit), new=False)
            self._refresh_state()
        self.changed.emit(self._record.id)
