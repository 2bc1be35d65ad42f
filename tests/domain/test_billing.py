"""The invoice month of a shipped purchase (FAQ: カウネットの請求)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from kaunet_desk.domain import billing_month

from .support import PROPERTY, days


@pytest.mark.parametrize(
    ("shipped", "expected"),
    [
        (date(2026, 9, 1), date(2026, 11, 1)),  # the FAQ's example: September → November
        (date(2026, 9, 30), date(2026, 11, 1)),
        (date(2026, 10, 31), date(2026, 12, 1)),
        (date(2026, 11, 15), date(2027, 1, 1)),
        (date(2026, 12, 31), date(2027, 2, 1)),  # December → February next year
        (date(2028, 2, 29), date(2028, 4, 1)),
    ],
)
def test_billing_month(shipped: date, expected: date) -> None:
    assert billing_month(shipped) == expected


@PROPERTY
@given(days)
def test_billing_month_is_the_first_two_months_later(shipped: date) -> None:
    month = billing_month(shipped)
    assert month.day == 1
    assert (month.year * 12 + month.month) - (shipped.year * 12 + shipped.month) == 2


def test_end_of_calendar_names_the_argument() -> None:
    with pytest.raises(ValueError, match="shipped"):
        billing_month(date(9999, 11, 1))
