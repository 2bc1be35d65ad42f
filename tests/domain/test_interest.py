"""延滞利息 (約款 第9条の4)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaunet_desk.domain import DEFAULT_RATES, RateEntry, late_interest
from kaunet_desk.domain.rates import INTEREST_GRACE_DAYS, INTEREST_LATE_ANNUAL_PCT

from .support import PROPERTY, days, negative_yen, yen

DUE = date(2026, 1, 31)


def test_worked_example() -> None:
    # Due 1/31, paid 3/2: interest days are 2/1 … 3/1 = (3/2 - 1/31) - 1 = 30 - 1 = 29.
    # 100,000 × 14.5 % × 29 / 365 = 420,500 / 365 = 1,152.05… → 1,152.
    assert late_interest(100_000, DUE, date(2026, 3, 2)) == 1152


def test_grace_boundary() -> None:
    # Paid within 10 days counted from 2/1: 2/1 … 2/10 → no interest.
    assert late_interest(100_000, DUE, DUE + timedelta(days=10)) == 0
    # Paid on 2/11: 2/1 … 2/10 = 10 days, 100,000 × 0.145 × 10 / 365 = 397.26… → 397.
    assert late_interest(100_000, DUE, DUE + timedelta(days=11)) == 397


def test_paid_on_or_before_due() -> None:
    assert late_interest(100_000, DUE, DUE) == 0
    assert late_interest(100_000, DUE, DUE - timedelta(days=5)) == 0


def test_leap_year_still_counts_365_days() -> None:
    # Due 2028-02-15, paid 2028-03-17: 2/16 … 3/16 = 30 days (29 February included).
    # 1,000,000 × 0.145 × 30 / 365 = 4,350,000 / 365 = 11,917.8… → 11,917.
    assert late_interest(1_000_000, date(2028, 2, 15), date(2028, 3, 17)) == 11917


def test_exact_yen_is_kept() -> None:
    # 365,000 × 0.145 × 20 / 365 = 2,900 exactly: no off-by-one from rounding down.
    assert late_interest(365_000, date(2026, 4, 30), date(2026, 5, 21)) == 2900


def test_rates_in_force_at_the_due_date() -> None:
    rates = DEFAULT_RATES.with_entries(
        RateEntry(INTEREST_LATE_ANNUAL_PCT, date(2026, 4, 1), Decimal("10")),
        RateEntry(INTEREST_GRACE_DAYS, date(2026, 4, 1), 0),
    )
    # Due 3/31 under the old terms: 21 days late → 20 interest days at 14.5 %.
    assert late_interest(365_000, date(2026, 3, 31), date(2026, 4, 21), rates=rates) == 2900
    # Due 4/1 under the new ones: 10 %, no grace; paid 4/3 → 1 day: 365,000 × 0.1 / 365.
    assert late_interest(365_000, date(2026, 4, 1), date(2026, 4, 3), rates=rates) == 100


def test_zero_overdue() -> None:
    assert late_interest(0, DUE, date(2026, 6, 1)) == 0


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((-1, DUE, DUE), "overdue_yen"),
        ((True, DUE, DUE), "overdue_yen"),
        ((100.0, DUE, DUE), "overdue_yen"),
        ((100, None, DUE), "due"),
        ((100, DUE, None), "paid"),
        ((100, DUE, "2026-02-01"), "paid"),
    ],
)
def test_impossible_input(args: tuple[object, object, object], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        late_interest(*args)  # type: ignore[arg-type]


@PROPERTY
@given(yen, days, st.integers(min_value=-30, max_value=10))
def test_nothing_within_grace(amount: int, due: date, offset: int) -> None:
    assert late_interest(amount, due, due + timedelta(days=offset)) == 0


@PROPERTY
@given(yen, days, st.integers(min_value=-30, max_value=3000), st.integers(0, 400))
def test_non_decreasing_in_paid_date(amount: int, due: date, offset: int, more: int) -> None:
    earlier = due + timedelta(days=offset)
    later = earlier + timedelta(days=more)
    assert late_interest(amount, due, earlier) <= late_interest(amount, due, later)


@PROPERTY
@given(yen, yen, days, st.integers(min_value=0, max_value=3000))
def test_non_decreasing_in_amount(a: int, b: int, due: date, offset: int) -> None:
    paid = due + timedelta(days=offset)
    low, high = sorted((a, b))
    assert late_interest(low, due, paid) <= late_interest(high, due, paid)


@PROPERTY
@given(yen, days, st.integers(min_value=11, max_value=3000))
def test_matches_the_exact_formula(amount: int, due: date, offset: int) -> None:
    # 14.5 % = 29/200, so the exact interest is amount × 29 × days / 73,000.
    days_late = offset - 1
    expected = amount * 29 * days_late // (200 * 365)
    assert late_interest(amount, due, due + timedelta(days=offset)) == expected


@PROPERTY
@given(negative_yen, days)
def test_negative_amount_names_the_argument(amount: int, due: date) -> None:
    with pytest.raises(ValueError, match="overdue_yen"):
        late_interest(amount, due, due)
