"""The closed sets of states the ledger records; values are what the store saves."""

from __future__ import annotations

from enum import StrEnum


class CustomerKind(StrEnum):
    # 約款 第13条/第14条: a 法人 is exempt from the slip and counter fees, a 個人事業主 is not.
    CORPORATE = "corporate"
    SOLE_PROPRIETOR = "sole_proprietor"


class InvoicePaymentMethod(StrEnum):
    # FAQ: カウネットの支払い — the KDDI invoice is never paid by direct transfer to KDDI.
    POSTAL_CONVENI = "postal_conveni"  # 郵便コンビニ払い
    BANK_DEBIT = "bank_debit"  # 口座引き落とし
    ACCOUNT_TRANSFER = "account_transfer"  # 口座振替


class PaymentMethod(StrEnum):
    # FAQ: カウネットの支払い — chosen per order; the KDDI invoice is the default.
    KDDI_INVOICE = "kddi_invoice"
    CARD = "card"


class OrderStatus(StrEnum):
    ORDERED = "ordered"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    # FAQ: 月間購入上限金額 — kept apart so the clerk can explain the cancellation.
    CANCELLED_OVER_LIMIT = "cancelled_over_limit"


class ApplicationStatus(StrEnum):
    ACTIVE = "active"
    # FAQ: アイコンが表示されません — the three causes of a missing Kaunet icon.
    IN_PROGRESS = "in_progress"  # 登録直後または申込手続中
    OTHER_DEALER = "other_dealer"  # 申込電話番号で他社販売店登録されている
    NOT_ACCEPTED = "not_accepted"  # 申込が正常に受付されていない


class CustomerStatus(StrEnum):
    # Catalogue stop is a separate date on the customer, not a status: an active customer
    # can have stopped the catalogue (FAQ: 定期のカタログ発送を止めるには).
    ACTIVE = "active"
    CANCELLED = "cancelled"  # FAQ: カウネットの解約方法


class DealerChangeState(StrEnum):
    # FAQ: 販売店について — waiting for the FAX, returned in time, deadline missed,
    # and finally the change confirmed by KDDI.
    WAITING = "waiting"
    RETURNED = "returned"
    EXPIRED = "expired"
    EFFECTIVE = "effective"


class HistoryVisibility(StrEnum):
    # FAQ: 購入履歴 — why a purchase never shows on My KDDI Biz 総合.
    VISIBLE = "visible"
    NOT_SHIPPED = "not_shipped"
    OTHER_DEALER = "other_dealer"
    CARD = "card"


class LimitDecision(StrEnum):
    # FAQ: 月間購入上限金額
    ACCEPT = "accept"
    CANCEL_OVER_LIMIT = "cancel_over_limit"
