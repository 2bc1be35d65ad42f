"""The six-month history window and why a purchase does not show (FAQ: 購入履歴)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from kaunet_desk.domain import HistoryVisibility, history_visibility, history_window

from .support import PROPERTY, days


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2026, 11, 22), date(2026, 6, 1)),  # Jun, Jul, Aug, Sep, Oct, Nov
        (date(2026, 6, 1), date(2026, 1, 1)),
        (date(2026, 5, 31), date(2025, 12, 1)),
        (date(2026, 1, 15), date(2025, 8, 1)),  # January wraps to the previous year
        (date(2026, 2, 28), date(2025, 9, 1)),  # February too
    ],
)
def test_history_window(today: date, start: date) -> None:
    assert history_window(today) == (start, today)


@PROPERTY
@given(days)
def test_history_window_spans_six_months(today: date) -> None:
    start, end = history_window(today)
    assert end == today
    assert start.day == 1
    assert (today.year * 12 + today.month) - (start.year * 12 + start.month) == 5


@pytest.mark.parametrize(
    ("shipped", "other_dealer", "by_card", "expected"),
    [
        (date(2026, 6, 1), False, False, HistoryVisibility.VISIBLE),
        (None, False, False, HistoryVisibility.NOT_SHIPPED),
        (date(2026, 6, 1), True, False, HistoryVisibility.OTHER_DEALER),
        (date(2026, 6, 1), False, True, HistoryVisibility.CARD),
        # Several reasons: the FAQ's order decides which one the clerk is told.
        (None, True, True, HistoryVisibility.NOT_SHIPPED),
        (date(2026, 6, 1), True, True, HistoryVisibility.OTHER_DEALER),
    ],
)
def test_history_visibility(
    shipped: date | None, other_dealer: bool, by_card: bool, expected: HistoryVisibility
) -> None:
    assert history_visibility(shipped, other_dealer, by_card) is expected
