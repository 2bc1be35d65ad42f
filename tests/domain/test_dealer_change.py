"""The dealer-change FAX form (FAQ: 販売店について)."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk.domain import DealerChangeState, dealer_change_months, dealer_change_state

DEADLINE = date(2026, 7, 15)


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (date(2026, 7, 15), (date(2026, 8, 1), date(2026, 9, 1))),  # 翌月 or 翌々月
        (date(2026, 10, 31), (date(2026, 11, 1), date(2026, 12, 1))),
        (date(2026, 11, 1), (date(2026, 12, 1), date(2027, 1, 1))),  # November wraps
        (date(2026, 12, 31), (date(2027, 1, 1), date(2027, 2, 1))),  # December wraps
    ],
)
def test_dealer_change_months(returned: date, expected: tuple[date, date]) -> None:
    assert dealer_change_months(returned) == expected


@pytest.mark.parametrize(
    ("returned", "today", "expected"),
    [
        (None, date(2026, 7, 1), "waiting"),
        (None, DEADLINE, "waiting"),  # the deadline day is still open
        (None, date(2026, 7, 16), "expired"),
        (date(2026, 7, 10), date(2026, 7, 10), "returned"),
        (DEADLINE, DEADLINE, "returned"),  # returned on the deadline day still counts
        (DEADLINE, date(2026, 9, 1), "returned"),  # stays returned after the deadline
        (date(2026, 7, 16), date(2026, 7, 16), "expired"),  # returned too late
    ],
)
def test_dealer_change_state(returned: date | None, today: date, expected: str) -> None:
    state = dealer_change_state(DEADLINE, returned, today)
    assert state == expected
    assert state is DealerChangeState(expected)


def test_impossible_input_names_the_argument() -> None:
    with pytest.raises(ValueError, match="deadline"):
        dealer_change_state(None, None, DEADLINE)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="today"):
        dealer_change_state(DEADLINE, None, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="returned"):
        dealer_change_months(None)  # type: ignore[arg-type]
