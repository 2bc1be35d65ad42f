"""What the clerk reads for the stored codes of an order (FAQ 購入履歴, カウネットの支払い)."""

from __future__ import annotations

from kaunet_desk.domain.enums import HistoryVisibility, OrderStatus, PaymentMethod
from kaunet_desk.i18n import N_, _

_STATUS = {
    OrderStatus.ORDERED.value: N_("受注"),
    OrderStatus.SHIPPED.value: N_("発送済"),
    OrderStatus.CANCELLED.value: N_("キャンセル済"),
    # FAQ 月間購入上限金額 — kept apart so the clerk can explain it.
    OrderStatus.CANCELLED_OVER_LIMIT.value: N_("上限超過キャンセル"),
}

_PAYMENT = {
    PaymentMethod.KDDI_INVOICE.value: N_("KDDI 請求書"),
    PaymentMethod.CARD.value: N_("クレジットカード"),
}

# FAQ 購入履歴: the three reasons a purchase is not reflected on My KDDI Biz 総合.
_VISIBILITY = {
    HistoryVisibility.VISIBLE: N_("表示"),
    HistoryVisibility.NOT_SHIPPED: N_("未発送"),
    HistoryVisibility.OTHER_DEALER: N_("他販売店経由"),
    HistoryVisibility.CARD: N_("カード払い"),
}

_VISIBILITY_WHY = {
    HistoryVisibility.NOT_SHIPPED: N_(
        "商品が未発送のため、My KDDI Biz 総合の購入履歴には表示されません。"
    ),
    HistoryVisibility.OTHER_DEALER: N_(
        "他社販売店からの購入扱いのため、My KDDI Biz 総合の購入履歴には表示されません。"
    ),
    HistoryVisibility.CARD: N_(
        "クレジットカード払いの注文のため、My KDDI Biz 総合の購入履歴には表示されません。"
    ),
}


def status_label(status: str) -> str:
    return _(_STATUS.get(status, status))


def payment_label(payment: str) -> str:
    return _(_PAYMENT.get(payment, payment))


def visibility_label(visibility: HistoryVisibility) -> str:
    return _(_VISIBILITY[visibility])


def visibility_reason(visibility: HistoryVisibility) -> str:
    """The sentence for a row My KDDI Biz 総合 never shows; empty for a visible one."""
    why = _VISIBILITY_WHY.get(visibility)
    return _(why) if why else ""


def dealer_label(other_dealer: bool, dealer_name: str) -> str:
    if not other_dealer:
        return _("当店")
    return dealer_name or _("他販売店")
