"""The ledger's fields of one customer, each with its error shown right under it.

Checks come from domain.customer_fields, run on the values normalised the way the
service stores them, so the form and the service never disagree. A field shows its error
once the clerk has left it (or tried to save); the save bar lists every field to fix.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kaunet_desk.domain.customer_fields import FieldProblem, normalize_phone, normalize_postal
from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.domain.text import normalize_text, to_katakana
from kaunet_desk.i18n import _
from kaunet_desk.store.services.customers import CustomerDraft
from kaunet_desk.ui.customers.field_row import FieldRow
from kaunet_desk.ui.customers.labels import field_label, kind_label, payment_label, problem_text
from kaunet_desk.ui.customers.postal_assist import PostalAssist
from kaunet_desk.ui.customers.yen_spin_box import YenSpinBox

# Shown with 「*」: check_customer_fields requires them.
REQUIRED = ("name", "name_kana", "phone", "email", "monthly_limit_yen")
TEXT_FIELDS = ("name", "name_kana", "postal_code", "address", "phone", "fax",
               "contact_person", "email")


class LedgerFields(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.textChanged.connect(self.edited)
            edit.editingFinished.connect(lambda n=name: self._left(n))
            self.edits[name] = edit
        self.edits["name_kana"].setPlaceholderText(_("ひらがな・半角カナでも入力できます"))
        self.edits["postal_code"].setPlaceholderText(_("例: 100-0001(7 桁)"))
        self.edits["postal_code"].setMaxLength(10)
        self.edits["phone"].setPlaceholderText(_("例: 03-1234-5678"))
        self.edits["email"].setPlaceholderText(_("My KDDI Biz 総合のログイン ID"))
        self.kind = QComboBox(objectName="kind")
        for kind in CustomerKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.invoice_payment = QComboBox(objectName="invoice_payment")
        for method in InvoicePaymentMethod:
            self.invoice_payment.addItem(payment_label(method.value), method.value)
        self.disability_discount = QCheckBox(_("障がい者等に係る基本使用料の割引あり"))
        self.disability_discount.setObjectName("disability_discount")
        self.combined_billing = QCheckBox(_("他の KDDI サービスと 1 枚の請求書にまとめる"))
        self.combined_billing.setObjectName("combined_billing")
        self.limit = YenSpinBox(allow_unset=True)
        self.limit.setObjectName("monthly_limit_yen")
        self.limit_button = QPushButton(_("上限変更…"))
        self.limit_button.setObjectName("change_limit")
        for widget in (self.kind, self.invoice_payment):
            widget.currentIndexChanged.connect(self.edited)
        for box in (self.disability_discount, self.combined_billing):
            box.toggled.connect(self.edited)
        self.limit.valueChanged.connect(self.edited)
        self.limit.editingFinished.connect(lambda: self._left("monthly_limit_yen"))
        self.postal_assist = PostalAssist(self.edits["postal_code"], self.edits["address"])
        self.rows: dict[str, FieldRow] = {n: FieldRow(e) for n, e in self.edits.items()}
        limit_box = QWidget()
        limit_layout = QHBoxLayout(limit_box)
        limit_layout.setContentsMargins(0, 0, 0, 0)
        limit_layout.addWidget(self.limit, 1)
        limit_layout.addWidget(self.limit_button)
        self.rows["monthly_limit_yen"] = FieldRow(limit_box)
        self._touched: set[str] = set()
        self._build_layout()

    def _build_layout(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        def add(name: str, widget: QWidget) -> None:
            label = field_label(name) + (" *" if name in REQUIRED else "")
            form.addRow(label, widget)

        add("name", self.rows["name"])
        add("name_kana", self.rows["name_kana"])
        add("kind", self.kind)
        add("disability_discount", self.disability_discount)
        add("postal_code", self.rows["postal_code"])
        add("address", self.rows["address"])
        form.addRow("", self.postal_assist)
        for name in ("phone", "fax", "contact_person", "email"):
            add(name, self.rows[name])
        add("invoice_payment", self.invoice_payment)
        add("combined_billing", self.combined_billing)
        add("monthly_limit_yen", self.rows["monthly_limit_yen"])
        # Tab walks the fields top to bottom, as they are shown.
        chain: list[QWidget] = [
            self.edits["name"], self.edits["name_kana"], self.kind, self.disability_discount,
            self.edits["postal_code"], self.edits["address"], self.postal_assist.replace_button,
            self.edits["phone"], self.edits["fax"], self.edits["contact_person"],
            self.edits["email"], self.invoice_payment, self.combined_billing, self.limit,
            self.limit_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- values ------------------------------------------------------------------
    def set_draft(self, draft: CustomerDraft | None, *, new: bool) -> None:
        """Show a stored customer (or a blank one); nothing is 'touched' afterwards."""
        self.postal_assist.set_enabled(False)
        for name, edit in self.edits.items():
            edit.setText(getattr(draft, name) if draft else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind if draft else "")))
        self.invoice_payment.setCurrentIndex(
            max(0, self.invoice_payment.findData(draft.invoice_payment if draft else ""))
        )
        self.disability_discount.setChecked(bool(draft and draft.disability_discount))
        self.combined_billing.setChecked(draft.combined_billing if draft else True)
        self.limit.set_yen(draft.monthly_limit_yen if draft else None)
        # FAQ 月間購入上限金額: set by screening at application, then only through 上限変更….
        self.limit.setReadOnly(not new)
        self.limit.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.UpDownArrows if new
            else QAbstractSpinBox.ButtonSymbols.NoButtons
        )
        self.limit_button.setVisible(not new)
        self.postal_assist.reset()
        self.postal_assist.set_enabled(True)
        self._touched.clear()
        self.show_problems([])

    def draft(self) -> CustomerDraft:
        """What is typed, as typed (the service normalises it)."""
        return CustomerDraft(
            name=self.edits["name"].text(),
            name_kana=self.edits["name_kana"].text(),
            kind=self.kind.currentData(),
            invoice_payment=self.invoice_payment.currentData(),
            monthly_limit_yen=self.limit.yen(),  # type: ignore[arg-type]  (None: 未入力)
            phone=self.edits["phone"].text(),
            email=self.edits["email"].text(),
            postal_code=self.edits["postal_code"].text(),
            address=self.edits["address"].text(),
            fax=self.edits["fax"].text(),
            contact_person=self.edits["contact_person"].text(),
            disability_discount=self.disability_discount.isChecked(),
            combined_billing=self.combined_billing.isChecked(),
        )

    def problems(self) -> list[FieldProblem]:
        return self.draft().normalised().problems()

    # -- errors --------------------------------------------------------------------
    def touch_all(self) -> None:
        self._touched.update(self.rows)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_field = {p.field: problem_text(p) for p in reversed(problems)}
        for name, row in self.rows.items():
            row.set_error(by_field.get(name) if name in self._touched else None)

    def focus_field(self, name: str) -> None:
        widget = self.limit if name == "monthly_limit_yen" else self.edits.get(name)
        if widget is not None:
            widget.setFocus()

    def _left(self, name: str) -> None:
        """The clerk left a field: show its normalised form, then its error if any."""
        edit = self.edits.get(name)
        if edit is not None:
            text = edit.text()
            if name == "name_kana" and text:
                edit.setText(to_katakana(normalize_text(text)))
            elif name in ("phone", "fax") and text:
                edit.setText(normalize_phone(text))
            elif name == "postal_code" and text:
                edit.setText(normalize_postal(text))
        self._touched.add(name)
        self.show_problems(self.problems())
