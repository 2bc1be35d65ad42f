"""Entering a Kaunet order; the monthly limit decides at once (FAQ 月間購入上限金額).

An order paid by KDDI invoice that takes the month over the limit is recorded as
「上限超過キャンセル」 by orders.enter_order; the dialog then shows the numbers that decided
it and offers the card alternative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.domain.enums import LimitDecision, PaymentMethod
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow
from kaunet_desk.store.services.errors import Duplicate, NotFound
from kaunet_desk.store.services.orders import OrderDraft, OrderEntry, enter_order
from kaunet_desk.store.services.purchase_history import card_order_no
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.purchases.limit_result import LimitResult
from kaunet_desk.ui.purchases.order_form import OrderForm


class OrderEntryDialog(QDialog):
    """``entered`` carries each OrderEntry saved: the cancelled one, then the card one."""

    entered = Signal(object)

    def __init__(
        self,
        database: Database,
        background: Background,
        *,
        today: date,
        customer: CustomerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("order_entry_dialog")
        self.setWindowTitle(_("注文を入力"))
        self.database = database
        self.entries: list[OrderEntry] = []
        self._cancelled_draft: OrderDraft | None = None

        self.form = OrderForm(database, background, today)
        self.result = LimitResult()
        self.result.pay_by_card.connect(self.pay_by_card)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.result)

        self.save_reason = QLabel()
        self.save_reason.setObjectName("save_reason")
        self.save_reason.setStyleSheet("color: #c62828;")
        self.save_reason.setWordWrap(True)
        self.save_button = QPushButton(_("保存"))
        self.save_button.setObjectName("save")
        # No default button: Enter in the customer search picks a customer, never saves.
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(_("キャンセル"))
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._save_shortcut)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._save_shortcut)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_reason, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.form.changed.connect(self._update_save)
        if customer is not None:
            self.form.set_customer(customer)
        self._update_save()
        self.resize(620, 560)

    # -- save --------------------------------------------------------------------
    def _update_save(self) -> None:
        reason = self.form.first_problem()
        self.save_button.setEnabled(not reason)
        text = _("保存できません: {reason}").format(reason=reason) if reason else ""
        self.save_reason.setText(text)
        self.save_button.setToolTip(text or _("注文を保存します(Ctrl+Enter)"))

    def _save_shortcut(self) -> None:
        if self.stack.currentWidget() is self.form and self.save_button.isEnabled():
            self.save()

    def save(self) -> None:
        self.form.touch_all()
        if self.form.problems:
            return
        draft = self.form.draft()
        entry = self._enter(draft, self.form.fields["order_no"].set_error)
        if entry is None:
            return
        if entry.decision == LimitDecision.CANCEL_OVER_LIMIT:
            self._cancelled_draft = draft
            self.result.show_entry(entry)
            self.stack.setCurrentWidget(self.result)
            self.save_button.hide()
            self.save_reason.setText("")
            self.close_button.setText(_("閉じる"))
            self.result.card_button.setFocus()
        else:
            self.accept()

    def _enter(
        self, draft: OrderDraft, show_error: Callable[[str], None]
    ) -> OrderEntry | None:
        try:
            entry = enter_order(self.database, draft)
        except Duplicate:
            # Someone else saved the same number meanwhile.
            show_error(_("このカウネット ID には同じ注文番号がすでにあります"))
            return None
        except NotFound:
            show_error(_("このカウネット ID は削除されています"))
            return None
        self.entries.append(entry)
        self.entered.emit(entry)
        return entry

    def pay_by_card(self) -> None:
        """FAQ 月間購入上限金額: カードで再度購入 — the same order again, paid by card.

        The cancelled order stays as it is (it explains the cancellation to the customer);
        the card order gets the same number with 「-C」 so both stay unique per Kaunet ID.
        """
        draft = self._cancelled_draft
        if draft is None:
            return
        number = card_order_no(self.database, draft.kaunet_account_id, draft.order_no)
        card = replace(draft, payment=PaymentMethod.CARD.value, order_no=number)
        entry = self._enter(card, self.result.show_card_error)
        if entry is not None:
            self._cancelled_draft = None
            self.result.show_card_entry(entry)
            self.close_button.setFocus()

    # -- closing -----------------------------------------------------------------
    def reject(self) -> None:
        if (self.stack.currentWidget() is self.form and self.form.is_dirty()
                and not confirm_discard(self)):
            return
        super().reject()


def confirm_discard(parent: QWidget) -> bool:
    """Nothing typed is lost without asking; "back to the form" is the default answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("入力の破棄"))
    box.setText(_("入力した内容を保存せずに閉じますか?"))
    # Our own captions: Qt's standard buttons stay English without Qt's catalog.
    discard = box.addButton(_("保存せずに閉じる"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(_("入力に戻る"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard
