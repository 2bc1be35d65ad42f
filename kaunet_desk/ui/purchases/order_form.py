"""The fields of one Kaunet order as the clerk types them, checked as they type.

Each problem is shown on its field (once the clerk touched it) and the first one is the
reason the dialog gives for a disabled Save button.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from kaunet_desk.domain import limit_decision, order_total_yen
from kaunet_desk.domain.enums import LimitDecision, PaymentMethod
from kaunet_desk.domain.months import first_of_month
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.formatting import format_month, format_yen
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import CustomerRow
from kaunet_desk.store.services.orders import OrderDraft, month_total
from kaunet_desk.store.services.purchase_history import (
    AccountChoice,
    kaunet_accounts,
    order_no_taken,
)
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.purchases.customer_picker import CustomerPicker
from kaunet_desk.ui.purchases.order_fields import ORDER_NO_MAX, FieldWithError, parse_yen

DATE_FORMAT = "yyyy/MM/dd"  # the same as formatting.format_date in Japanese


def _date_edit(today: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(today))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    # Nothing is ordered or shipped in the future; refused by the field itself.
    edit.setMaximumDate(QDate(today))
    return edit


class OrderForm(QWidget):
    changed = Signal()

    def __init__(
        self, database: Database, background: Background, today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.accounts: list[AccountChoice] = []
        self.touched: set[str] = set()
        self.problems: dict[str, str] = {}
        self._month_totals: dict[tuple[int, date], int] = {}

        self.picker = CustomerPicker(background, allow_all=False)
        self.picker.set_database(database)
        self.picker.customer_chosen.connect(self._customer_chosen)
        self.account = QComboBox()
        self.account.setObjectName("account")
        self.order_no = QLineEdit()
        self.order_no.setObjectName("order_no")
        self.order_no.setMaxLength(ORDER_NO_MAX)
        self.order_date = _date_edit(today, "order_date")
        self.shipped = QCheckBox(_("発送済"))
        self.shipped.setObjectName("shipped")
        self.shipped_on = _date_edit(today, "shipped_on")
        self.shipped_on.setEnabled(False)
        self.subtotal_10 = self._yen_edit("subtotal_10")
        self.subtotal_8 = self._yen_edit("subtotal_8")
        self.points = self._yen_edit("points")
        self.kddi = QRadioButton(_("KDDI 請求書"))
        self.kddi.setObjectName("pay_kddi")
        self.kddi.setChecked(True)
        self.card = QRadioButton(_("クレジットカード"))
        self.card.setObjectName("pay_card")
        self.payment_group = QButtonGroup(self)
        self.payment_group.addButton(self.kddi)
        self.payment_group.addButton(self.card)
        self.other_dealer = QCheckBox(_("他社販売店からの購入扱い"))
        self.other_dealer.setObjectName("other_dealer")
        self.dealer_name = QLineEdit()
        self.dealer_name.setObjectName("dealer_name")
        self.dealer_name.setPlaceholderText(_("販売店名(わかれば)"))
        self.dealer_name.setEnabled(False)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.limit_note = QLabel()
        self.limit_note.setObjectName("limit_note")
        self.limit_note.setWordWrap(True)

        self.fields = {
            "customer": FieldWithError(self.picker),
            "account": FieldWithError(self.account),
            "order_no": FieldWithError(self.order_no),
            "order_date": FieldWithError(self.order_date),
            "shipped_on": FieldWithError(self.shipped_on),
            "subtotal_10": FieldWithError(self.subtotal_10),
            "subtotal_8": FieldWithError(self.subtotal_8),
            "points": FieldWithError(self.points),
        }
        self._lay_out()
        self._connect()
        self.validate()

    def _yen_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText("0")
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.addRow(_("お客さま"), self.fields["customer"])
        form.addRow(_("カウネット ID"), self.fields["account"])
        form.addRow(_("注文番号"), self.fields["order_no"])
        form.addRow(_("注文日"), self.fields["order_date"])
        shipped = QHBoxLayout()
        shipped.addWidget(self.shipped)
        shipped.addWidget(self.fields["shipped_on"], 1)
        form.addRow(_("発送日"), shipped)
        form.addRow(_("小計 10% 対象(税抜)"), self.fields["subtotal_10"])
        form.addRow(_("小計 8% 対象(税抜)"), self.fields["subtotal_8"])
        form.addRow(_("ポイント利用"), self.fields["points"])
        payment = QHBoxLayout()
        payment.addWidget(self.kddi)
        payment.addWidget(self.card)
        payment.addStretch(1)
        form.addRow(_("支払方法"), payment)
        dealer = QHBoxLayout()
        dealer.addWidget(self.other_dealer)
        dealer.addWidget(self.dealer_name, 1)
        form.addRow(_("販売店"), dealer)
        form.addRow(_("合計(税込)"), self.total)
        form.addRow("", self.limit_note)
        chain = [self.picker.line_edit, self.account, self.order_no, self.order_date,
                 self.shipped, self.shipped_on, self.subtotal_10, self.subtotal_8, self.points,
                 self.kddi, self.card, self.other_dealer, self.dealer_name]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        def touch(name: str) -> None:
            self.touched.add(name)
            self.validate()

        self.account.currentIndexChanged.connect(lambda _i: touch("account"))
        self.order_no.textEdited.connect(lambda _t: touch("order_no"))
        self.order_date.dateChanged.connect(lambda _d: touch("order_date"))
        self.shipped.toggled.connect(self.shipped_on.setEnabled)
        self.shipped.toggled.connect(lambda _c: touch("shipped_on"))
        self.shipped_on.dateChanged.connect(lambda _d: touch("shipped_on"))
        for name in ("subtotal_10", "subtotal_8", "points"):
            edit: QLineEdit = getattr(self, name)
            edit.textEdited.connect(lambda _t, n=name: touch(n))
        self.kddi.toggled.connect(lambda _c: self.validate())
        self.other_dealer.toggled.connect(self.dealer_name.setEnabled)
        self.other_dealer.toggled.connect(lambda _c: self.validate())

    # -- customer ----------------------------------------------------------------
    def set_customer(self, row: CustomerRow | None) -> None:
        self.picker.set_customer(row)

    def _customer_chosen(self, customer_id: int | None) -> None:
        self.touched.add("customer")
        self.accounts = [] if customer_id is None else kaunet_accounts(self.database, customer_id)
        self.account.blockSignals(True)
        self.account.clear()
        for choice in self.accounts:
            self.account.addItem(choice.kaunet_id, choice.id)
        self.account.blockSignals(False)
        self.validate()

    # -- checking ----------------------------------------------------------------
    def amounts(self) -> dict[str, int | None]:
        return {name: parse_yen(getattr(self, name).text())[0]
                for name in ("subtotal_10", "subtotal_8", "points")}

    def by_card(self) -> bool:
        return self.card.isChecked()

    def _check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if self.picker.customer is None:
            problems["customer"] = _("お客さまを選んでください")
        elif not self.accounts:
            problems["account"] = _("このお客さまにはカウネット ID が登録されていません")
        order_no = normalize_text(self.order_no.text())
        if not order_no:
            problems["order_no"] = _("注文番号を入力してください")
        elif self.account.currentData() is not None and order_no_taken(
            self.database, self.account.currentData(), order_no
        ):
            problems["order_no"] = _("このカウネット ID には同じ注文番号がすでにあります")
        order_date = self.order_date.date().toPython()
        if self.shipped.isChecked() and self.shipped_on.date().toPython() < order_date:
            problems["shipped_on"] = _("発送日が注文日より前になっています")
        for name in ("subtotal_10", "subtotal_8", "points"):
            _amount, message = parse_yen(getattr(self, name).text())
            if message:
                problems[name] = message
        amounts = self.amounts()
        if "subtotal_10" not in problems and "subtotal_8" not in problems:
            total = self.total_yen()
            if total == 0:
                problems["subtotal_10"] = _("小計を入力してください(10% 対象・8% 対象のどちらか)")
            elif "points" not in problems and (amounts["points"] or 0) > total:
                problems["points"] = _("ポイント利用が合計(税込)を超えています")
        return problems

    def total_yen(self) -> int:
        amounts = self.amounts()
        return order_total_yen(amounts["subtotal_10"] or 0, amounts["subtotal_8"] or 0)

    def validate(self) -> None:
        self.problems = self._check()
        for name, field in self.fields.items():
            shown = name in self.touched or name == "account"
            field.set_error(self.problems.get(name, "") if shown else "")
        if "subtotal_10" in self.problems or "subtotal_8" in self.problems:
            self.total.setText("")
        else:
            self.total.setText(format_yen(self.total_yen()))
        self._update_limit_note()
        self.changed.emit()

    def _update_limit_note(self) -> None:
        """Tells before saving what the monthly limit will decide (FAQ 月間購入上限金額)."""
        customer = self.picker.customer
        if customer is None or self.by_card():
            self.limit_note.setText(
                _("カード払いの注文は月間購入上限金額に数えません。") if self.by_card() else ""
            )
            self.limit_note.setStyleSheet("")
            return
        month = first_of_month(self.order_date.date().toPython())
        key = (customer.id, month)
        if key not in self._month_totals:
            self._month_totals[key] = month_total(self.database, customer.id, month)
        before = self._month_totals[key]
        text = _("{month}の KDDI 請求書払い合計 {before} / 月間購入上限金額 {limit}").format(
            month=format_month(month), before=format_yen(before),
            limit=format_yen(customer.monthly_limit_yen),
        )
        order = 0 if self.total.text() == "" else self.total_yen()
        over = limit_decision(before, order, customer.monthly_limit_yen, False)
        if over == LimitDecision.CANCEL_OVER_LIMIT:
            text += "\n" + _(
                "この注文で上限を {excess} 超えます。保存すると「上限超過キャンセル」として"
                "記録されます。"
            ).format(excess=format_yen(before + order - customer.monthly_limit_yen))
            self.limit_note.setStyleSheet("color: #c62828;")
        else:
            self.limit_note.setStyleSheet("")
        self.limit_note.setText(text)

    def first_problem(self) -> str:
        return next(iter(self.problems.values()), "")

    def touch_all(self) -> None:
        self.touched.update(self.fields)
        self.validate()

    def is_dirty(self) -> bool:
        return bool(self.touched - {"customer"})

    def draft(self) -> OrderDraft:
        """Only when ``problems`` is empty."""
        amounts = self.amounts()
        return OrderDraft(
            kaunet_account_id=self.account.currentData(),
            order_no=normalize_text(self.order_no.text()),
            order_date=self.order_date.date().toPython(),
            subtotal_10_yen=amounts["subtotal_10"] or 0,
            subtotal_8_yen=amounts["subtotal_8"] or 0,
            payment=(PaymentMethod.CARD if self.by_card() else PaymentMethod.KDDI_INVOICE).value,
            shipped_on=self.shipped_on.date().toPython() if self.shipped.isChecked() else None,
            points_used_yen=amounts["points"] or 0,
            other_dealer=self.other_dealer.isChecked(),
            dealer_name=normalize_text(self.dealer_name.text())
            if self.other_dealer.isChecked() else "",
        )
