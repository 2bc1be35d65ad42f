"""Business days: when Kaunet's history and KDDI's office count a day as worked.

domain.md (our choice, configurable): not Saturday or Sunday, not a national holiday,
not one of the closed days in the rate table (default 12/29–1/3).
"""

from __future__ import annotations

from datetime import date, timedelta

import jpholiday

from kaunet_desk.domain.arguments import require_date
from kaunet_desk.domain.rates import (
    CALENDAR_CLOSED_DAYS,
    RateTable,
    parse_closed_days,
    table_or_default,
)

# A year of closed days can leave no business day at all; stop instead of looping.
_SEARCH_LIMIT_DAYS = 400


def is_business_day(day: date, *, rates: RateTable | None = None) -> bool:
    day = require_date("day", day)
    # Looked up first so a date before the table's first entry fails the same way
    # whatever its weekday.
    closed = parse_closed_days(table_or_default(rates).text_value(CALENDAR_CLOSED_DAYS, day))
    if day.weekday() >= 5:
        return False
    # jpholiday includes 振替休日 and 国民の休日 (e.g. 2026-05-06, 2026-09-22).
    if jpholiday.is_holiday(day):
        return False
    return (day.month, day.day) not in closed


def next_business_day(after: date, *, rates: RateTable | None = None, name: str = "after") -> date:
    """The first business day strictly after `after`; `name` is the caller's argument."""
    after = require_date(name, after)
    table = table_or_default(rates)
    for offset in range(1, _SEARCH_LIMIT_DAYS + 1):
        try:
            day = after + timedelta(days=offset)
        except OverflowError:
            raise ValueError(f"{name}: {after} is the end of the calendar") from None
        if is_business_day(day, rates=table):
            return day
    raise ValueError(f"rates: no business day within {_SEARCH_LIMIT_DAYS} days after {after}")
