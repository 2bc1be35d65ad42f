"""延滞利息 on an overdue KDDI invoice (約款 第9条の4)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal, localcontext

from kaunet_desk.domain.arguments import require_date, require_yen
from kaunet_desk.domain.rates import (
    INTEREST_DAYS_PER_YEAR,
    INTEREST_GRACE_DAYS,
    INTEREST_LATE_ANNUAL_PCT,
    RateTable,
    table_or_default,
)


def late_interest(
    overdue_yen: int, due: date, paid: date, *, rates: RateTable | None = None
) -> int:
    """Late interest on `overdue_yen` (interest itself excluded) due on `due`, paid on `paid`.

    約款 第9条の4: 支払期日の翌日から支払いの日の前日までの日数 × 年 14.5 %, on a 365-day
    year even in leap years; none when paid within 10 days counted from the day after
    the due date. Rounded down to the yen (our choice). Rate, grace and year length are
    those in force on the due date.
    """
    overdue_yen = require_yen("overdue_yen", overdue_yen)
    due = require_date("due", due)
    paid = require_date("paid", paid)
    table = table_or_default(rates)
    annual_pct = table.decimal_value(INTEREST_LATE_ANNUAL_PCT, due)
    grace_days = table.int_value(INTEREST_GRACE_DAYS, due)
    days_per_year = table.int_value(INTEREST_DAYS_PER_YEAR, due)

    # 約款 第9条の4 ただし書: due + 1 … due + grace is "within grace days".
    if paid <= due + timedelta(days=grace_days):
        return 0
    # 翌日から前日まで: both ends excluded.
    days = (paid - due).days - 1
    with localcontext(prec=60):
        exact = Decimal(overdue_yen) * annual_pct * days / (100 * days_per_year)
        return int(exact.to_integral_value(rounding=ROUND_FLOOR))
