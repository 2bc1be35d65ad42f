"""What the お客さま tab calls stored values, fields and problems, in the clerk's words."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.customer_fields import FieldProblem
from kaunet_desk.domain.enums import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    InvoicePaymentMethod,
)
from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import N_, _

KIND = {
    CustomerKind.CORPORATE.value: N_("法人"),
    CustomerKind.SOLE_PROPRIETOR.value: N_("個人事業主"),
}

# FAQ カウネットの支払い: the three ways the KDDI invoice itself is paid.
INVOICE_PAYMENT = {
    InvoicePaymentMethod.POSTAL_CONVENI.value: N_("郵便コンビニ払い"),
    InvoicePaymentMethod.BANK_DEBIT.value: N_("口座引き落とし"),
    InvoicePaymentMethod.ACCOUNT_TRANSFER.value: N_("口座振替"),
}

APPLICATION_STATUS = {
    ApplicationStatus.ACTIVE.value: N_("利用中"),
    ApplicationStatus.IN_PROGRESS.value: N_("登録直後・申込手続中"),
    ApplicationStatus.OTHER_DEALER.value: N_("他社販売店で登録済み"),
    ApplicationStatus.NOT_ACCEPTED.value: N_("申込が未受付"),
}

# FAQ: My KDDI Biz 総合にカウネットのアイコンが表示されません — the three causes, and where
# the clerk sends the customer.
APPLICATION_CAUSE = {
    ApplicationStatus.ACTIVE.value: N_(
        "利用中です。My KDDI Biz 総合のホーム画面にカウネットのアイコンが表示されます。"
    ),
    ApplicationStatus.IN_PROGRESS.value: N_(
        "アイコンが表示されない理由: 登録直後または申込手続中です。"
        "登録手続きの進捗は「KDDI まとめてオフィスサポートデスク」へお問い合わせください。"
    ),
    ApplicationStatus.OTHER_DEALER.value: N_(
        "アイコンが表示されない理由: 申込の電話番号が他社販売店で登録されています。"
    ),
    ApplicationStatus.NOT_ACCEPTED.value: N_(
        "アイコンが表示されない理由: 申込が正常に受付されていません。"
    ),
}

FIELD = {
    "name": N_("お客さま名"),
    "name_kana": N_("フリガナ"),
    "kind": N_("区分"),
    "disability_discount": N_("障がい者等割引"),
    "postal_code": N_("郵便番号"),
    "address": N_("住所"),
    "phone": N_("電話番号"),
    "fax": N_("FAX 番号"),
    "contact_person": N_("ご担当者"),
    "email": N_("メールアドレス"),
    "invoice_payment": N_("KDDI 請求書の支払方法"),
    "combined_billing": N_("KDDI まとめて請求"),
    "monthly_limit_yen": N_("月間購入上限金額"),
    "kaunet_id": N_("カウネット ID"),
    "reason": N_("理由"),
}

PROBLEM = {
    "required": N_("入力してください"),
    "not_kana": N_("カタカナかひらがなで入力してください"),
    "invalid_postal": N_("郵便番号は 7 桁の数字で入力してください(例: 100-0001)"),
    "invalid_phone": N_("日本の電話番号として正しくありません(例: 03-1234-5678)"),
    "invalid_email": N_("メールアドレスの形式が正しくありません(例: info@example.co.jp)"),
    "negative": N_("0 円以上で入力してください"),
    "duplicate": N_("このカウネット ID はすでに登録されています"),
}


def kind_label(value: str) -> str:
    return _(KIND[value]) if value in KIND else value


def payment_label(value: str) -> str:
    return _(INVOICE_PAYMENT[value]) if value in INVOICE_PAYMENT else value


def application_label(value: str) -> str:
    return _(APPLICATION_STATUS[value]) if value in APPLICATION_STATUS else value


def application_cause(value: str) -> str:
    return _(APPLICATION_CAUSE[value]) if value in APPLICATION_CAUSE else ""


def field_label(name: str) -> str:
    return _(FIELD[name]) if name in FIELD else name


def problem_text(problem: FieldProblem) -> str:
    return _(PROBLEM[problem.code]) if problem.code in PROBLEM else problem.code


def status_text(status: str, catalogue_stopped_on: date | None, cancelled_on: date | None) -> str:
    """「解約 2026/11/01」, 「契約中・カタログ停止 2026/10/01」: the ledger's recorded states."""
    if status == CustomerStatus.CANCELLED.value:
        return _("解約 {date}").format(date=format_date(cancelled_on)).strip()
    if catalogue_stopped_on is not None:
        return _("契約中・カタログ停止 {date}").format(date=format_date(catalogue_stopped_on))
    return _("契約中")
