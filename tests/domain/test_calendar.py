"""Business days and when a purchase shows on My KDDI Biz 総合 (FAQ: 購入履歴)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given

from kaunet_desk.domain import DEFAULT_RATES, RateEntry, is_business_day, reflection_date
from kaunet_desk.domain.rates import CALENDAR_CLOSED_DAYS

from .support import PROPERTY, days


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 5, 1), True),  # Friday
        (date(2026, 5, 2), False),  # Saturday
        (date(2026, 5, 3), False),  # Sunday, 憲法記念日
        (date(2026, 5, 6), False),  # Wednesday, 振替休日 for 5/3
        (date(2026, 5, 7), True),
        (date(2026, 9, 21), False),  # 敬老の日
        (date(2026, 9, 22), False),  # Tuesday, 国民の休日 between two holidays
        (date(2026, 9, 23), False),  # 秋分の日
        (date(2026, 9, 24), True),
        (date(2026, 12, 28), True),  # Monday, last business day of the year
    ],
)
def test_business_days(day: date, expected: bool) -> None:
    assert is_business_day(day) is expected


def test_year_end_closed_days() -> None:
    # 2026-12-29 (Tue) … 2027-01-03 (Sun) are closed; 2027-01-04 (Mon) is open.
    start = date(2026, 12, 29)
    closed = [start + timedelta(days=n) for n in range(6)]
    assert [is_business_day(day) for day in closed] == [False] * 6
    assert is_business_day(date(2027, 1, 4))


def test_closed_days_come_from_the_rate_table() -> None:
    rates = DEFAULT_RATES.with_entries(
        RateEntry(CALENDAR_CLOSED_DAYS, date(2027, 1, 1), "12-29,12-30,12-31,01-01,01-02,01-04")
    )
    assert is_business_day(date(2027, 1, 4))  # default table
    assert not is_business_day(date(2027, 1, 4), rates=rates)
    # Before the revision the old list still applies.
    assert not is_business_day(date(2026, 12, 31), rates=rates)
    assert is_business_day(date(2026, 1, 5), rates=rates)
    no_closed = DEFAULT_RATES.with_entries(RateEntry(CALENDAR_CLOSED_DAYS, date(2030, 1, 1), ""))
    assert is_business_day(date(2030, 12, 30), rates=no_closed)  # a Monday


@pytest.mark.parametrize(
    ("shipped", "expected"),
    [
        (date(2026, 6, 5), date(2026, 6, 8)),  # Friday → Monday
        (date(2026, 6, 6), date(2026, 6, 8)),  # Saturday → Monday
        (date(2026, 6, 8), date(2026, 6, 9)),  # Monday → Tuesday
        (date(2026, 5, 1), date(2026, 5, 7)),  # Friday before ゴールデンウィーク
        (date(2026, 9, 18), date(2026, 9, 24)),  # Friday before シルバーウィーク
        (date(2026, 12, 28), date(2027, 1, 4)),  # over the year-end closing
        (date(2027, 1, 8), date(2027, 1, 12)),  # Friday before 成人の日
    ],
)
def test_reflection_date(shipped: date, expected: date) -> None:
    assert reflection_date(shipped) == expected


@PROPERTY
@given(days)
def test_reflection_is_the_next_business_day(shipped: date) -> None:
    shown = reflection_date(shipped)
    assert shown > shipped
    assert is_business_day(shown)
    between = (shipped + timedelta(days=n) for n in range(1, (shown - shipped).days))
    assert not any(is_business_day(day) for day in between)


def test_no_business_day_at_all_is_refused() -> None:
    every_day = ",".join(f"{(date(2000, 1, 1) + timedelta(days=n)):%m-%d}" for n in range(366))
    rates = DEFAULT_RATES.with_entries(RateEntry(CALENDAR_CLOSED_DAYS, date(2026, 1, 1), every_day))
    with pytest.raises(ValueError, match="rates"):
        reflection_date(date(2026, 6, 1), rates=rates)


def test_before_the_first_rate_entry_is_refused() -> None:
    with pytest.raises(ValueError, match="on"):
        is_business_day(date(1999, 12, 31))
