"""The words a CSV file uses for the ledger's stored codes, in both directions.

A file format, not UI text: headers and values are the same Japanese whatever the UI
language is, so a file exported on one PC imports on any other. The words are the ones the
tabs show (ui/customers/labels.py, ui/purchases/labels.py); aliases accept what a clerk is
likely to have typed in Excel instead.
"""

from __future__ import annotations

from kaunet_desk.domain.enums import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    InvoicePaymentMethod,
    OrderStatus,
    PaymentMethod,
)
from kaunet_desk.domain.text import normalize_text


def word_key(text: str) -> str:
    """How a cell is compared with the vocabulary: NFKC, no spaces, case-folded."""
    return normalize_text(text).replace(" ", "").casefold()


class Vocabulary:
    """Stored code ↔ the word written in the file (first spelling) and accepted aliases."""

    def __init__(self, words: dict[str, tuple[str, ...]]) -> None:
        self.word = {code: spellings[0] for code, spellings in words.items()}
        self._code = {word_key(s): code for code, spellings in words.items() for s in spellings}
        self.choices = "／".join(self.word.values())

    def code(self, text: str) -> str | None:
        return self._code.get(word_key(text))


KIND = Vocabulary({
    CustomerKind.CORPORATE.value: ("法人",),
    CustomerKind.SOLE_PROPRIETOR.value: ("個人事業主", "個人"),
})
# FAQ カウネットの支払い: the KDDI invoice is paid by one of these three, never by transfer.
INVOICE_PAYMENT = Vocabulary({
    InvoicePaymentMethod.POSTAL_CONVENI.value: ("郵便コンビニ払い", "コンビニ払い", "郵便払い"),
    InvoicePaymentMethod.BANK_DEBIT.value: ("口座引き落とし", "口座引落し", "口座引落"),
    InvoicePaymentMethod.ACCOUNT_TRANSFER.value: ("口座振替",),
})
CUSTOMER_STATUS = Vocabulary({
    CustomerStatus.ACTIVE.value: ("利用中", "有効"),
    CustomerStatus.CANCELLED.value: ("解約", "解約済"),
})
APPLICATION_STATUS = Vocabulary({
    ApplicationStatus.ACTIVE.value: ("利用中",),
    ApplicationStatus.IN_PROGRESS.value: ("登録直後・申込手続中", "申込手続中", "登録直後"),
    ApplicationStatus.OTHER_DEALER.value: ("他社販売店で登録済み", "他社販売店登録"),
    ApplicationStatus.NOT_ACCEPTED.value: ("申込が未受付", "未受付"),
})
# FAQ カウネットの支払い: chosen per order; the KDDI invoice is the default.
PAYMENT = Vocabulary({
    PaymentMethod.KDDI_INVOICE.value: ("KDDI請求書", "請求書", "KDDI"),
    PaymentMethod.CARD.value: ("カード", "クレジットカード", "クレジット"),
})
ORDER_STATUS = Vocabulary({
    OrderStatus.ORDERED.value: ("受注", "注文済", "未発送"),
    OrderStatus.SHIPPED.value: ("発送済", "発送済み"),
    OrderStatus.CANCELLED.value: ("キャンセル",),
    # FAQ 月間購入上限金額 — kept apart so the clerk can explain it.
    OrderStatus.CANCELLED_OVER_LIMIT.value: ("上限超過キャンセル",),
})
YES_NO = Vocabulary({
    "1": ("はい", "する", "あり", "有", "○", "〇", "yes", "true", "1"),
    "0": ("いいえ", "しない", "なし", "無", "×", "-", "no", "false", "0"),
})

# One cell holds a customer's Kaunet IDs (and their statuses, in the same order).
ID_SEPARATORS = (";", "、", "，", ",")
ID_JOINER = ";"
