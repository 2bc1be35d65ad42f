"""What My KDDI Biz 総合 shows of a customer's Kaunet purchases (FAQ: 購入履歴)."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import optional_date, require_date, require_flag
from kaunet_desk.domain.calendar import next_business_day
from kaunet_desk.domain.enums import HistoryVisibility
from kaunet_desk.domain.months import add_months, first_of_month
from kaunet_desk.domain.rates import RateTable

# FAQ: 購入履歴 — 今月も含めた 6 カ月分: this month and the five before it.
_HISTORY_MONTHS = 6


def reflection_date(shipped: date, *, rates: RateTable | None = None) -> date:
    """The day (afternoon) a shipped purchase appears on My KDDI Biz 総合.

    FAQ: 購入履歴 — 発送された翌営業日の午後に反映.
    """
    return next_business_day(shipped, rates=rates, name="shipped")


def history_window(today: date) -> tuple[date, date]:
    """(first day shown, last day shown) on My KDDI Biz 総合, both inclusive."""
    today = require_date("today", today)
    start = add_months(first_of_month(today), 1 - _HISTORY_MONTHS, name="today")
    return start, today


def history_visibility(
    shipped: date | None, other_dealer: bool, by_card: bool
) -> HistoryVisibility:
    """Why a purchase does not show on My KDDI Biz 総合, or VISIBLE.

    FAQ: 購入履歴 — 未発送, 他社販売店からの購入扱い, カードで支払い. When several apply,
    the first in the FAQ's order is reported: it is the one the clerk checks first.
    """
    shipped = optional_date("shipped", shipped)
    other_dealer = require_flag("other_dealer", other_dealer)
    by_card = require_flag("by_card", by_card)
    if shipped is None:
        return HistoryVisibility.NOT_SHIPPED
    if other_dealer:
        return HistoryVisibility.OTHER_DEALER
    if by_card:
        return HistoryVisibility.CARD
    return HistoryVisibility.VISIBLE
