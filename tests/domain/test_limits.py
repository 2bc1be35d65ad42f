"""The monthly purchase limit (FAQ: 月間購入上限金額)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from kaunet_desk.domain import limit_decision
from kaunet_desk.domain.limits import near_limit

from .support import PROPERTY, negative_yen, yen


@pytest.mark.parametrize(
    ("month_total", "order", "limit", "by_card", "expected"),
    [
        (40_000, 10_000, 50_000, False, "accept"),  # exactly reaching the limit is allowed
        (40_000, 10_001, 50_000, False, "cancel_over_limit"),  # one yen over
        (40_000, 9_999, 50_000, False, "accept"),
        (0, 50_001, 50_000, False, "cancel_over_limit"),  # a single order can exceed it
        (60_000, 1, 50_000, False, "cancel_over_limit"),  # already over (limit lowered)
        (60_000, 99_999, 50_000, True, "accept"),  # card orders do not count
        (0, 0, 0, False, "accept"),
    ],
)
def test_limit_decision(
    month_total: int, order: int, limit: int, by_card: bool, expected: str
) -> None:
    decision = limit_decision(month_total, order, limit, by_card)
    assert decision == expected
    assert isinstance(decision, str)


@PROPERTY
@given(yen, yen, yen)
def test_card_always_accepted(month_total: int, order: int, limit: int) -> None:
    assert limit_decision(month_total, order, limit, True) == "accept"


@PROPERTY
@given(yen, yen, yen)
def test_invoice_orders_accepted_iff_within_limit(month_total: int, order: int, limit: int) -> None:
    accepted = limit_decision(month_total, order, limit, False) == "accept"
    assert accepted == (month_total + order <= limit)


@PROPERTY
@given(negative_yen)
def test_negative_amounts_name_the_argument(amount: int) -> None:
    for args, name in [
        ((amount, 0, 0, False), "month_total_yen"),
        ((0, amount, 0, False), "order_yen"),
        ((0, 0, amount, False), "limit_yen"),
    ]:
        with pytest.raises(ValueError, match=name):
            limit_decision(*args)


def test_by_card_must_be_a_flag() -> None:
    with pytest.raises(ValueError, match="by_card"):
        limit_decision(0, 0, 0, None)  # type: ignore[arg-type]


def test_near_limit_warns_from_80_percent() -> None:
    on = date(2026, 6, 1)
    assert not near_limit(39_999, 50_000, on=on)
    assert near_limit(40_000, 50_000, on=on)  # 80 % of 50,000
    assert near_limit(60_000, 50_000, on=on)
