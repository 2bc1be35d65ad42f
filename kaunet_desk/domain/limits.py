"""The monthly purchase limit (FAQ: 月間購入上限金額)."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import day_or_today, require_flag, require_yen
from kaunet_desk.domain.enums import LimitDecision
from kaunet_desk.domain.rates import LIMIT_WARNING_PCT, RateTable, table_or_default


def limit_decision(month_total_yen: int, order_yen: int, limit_yen: int, by_card: bool) -> str:
    """Whether an order fits the customer's monthly limit.

    `month_total_yen` is what the month's KDDI-invoice orders already add up to
    (tax included, cancelled orders left out — our choice), without this order.
    FAQ: card orders are the way to buy beyond the limit and do not count; an order
    that takes the month over the limit is cancelled; exactly reaching it is allowed.
    """
    month_total_yen = require_yen("month_total_yen", month_total_yen)
    order_yen = require_yen("order_yen", order_yen)
    limit_yen = require_yen("limit_yen", limit_yen)
    if require_flag("by_card", by_card):
        return LimitDecision.ACCEPT
    if month_total_yen + order_yen <= limit_yen:
        return LimitDecision.ACCEPT
    return LimitDecision.CANCEL_OVER_LIMIT


def near_limit(
    month_total_yen: int,
    limit_yen: int,
    *,
    on: date | None = None,
    rates: RateTable | None = None,
) -> bool:
    """True once the month's total reaches the warning share of the limit (our choice).

    Lets the clerk warn a customer before an order gets cancelled; the share
    ("limit.warning_pct", 80 %) is the one in force on `on`, today when not given.
    """
    month_total_yen = require_yen("month_total_yen", month_total_yen)
    limit_yen = require_yen("limit_yen", limit_yen)
    pct = table_or_default(rates).int_value(LIMIT_WARNING_PCT, day_or_today("on", on))
    return month_total_yen * 100 >= limit_yen * pct
