"""Impossible input is refused with a ValueError that names the argument."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from kaunet_desk.domain import (
    billing_month,
    history_visibility,
    history_window,
    is_business_day,
    reflection_date,
)

DAY = date(2026, 6, 1)
CASES: list[tuple[Callable[[], object], str]] = [
    (lambda: is_business_day(None), "day"),  # type: ignore[arg-type]
    (lambda: is_business_day(datetime(2026, 6, 1, 9, 0)), "day"),
    (lambda: is_business_day(DAY, rates=DAY), "rates"),  # type: ignore[arg-type]
    (lambda: reflection_date(None), "shipped"),  # type: ignore[arg-type]
    (lambda: reflection_date(date.max), "shipped"),
    (lambda: billing_month("2026-06-01"), "shipped"),  # type: ignore[arg-type]
    (lambda: history_window(None), "today"),  # type: ignore[arg-type]
    (lambda: history_visibility(DAY, None, False), "other_dealer"),  # type: ignore[arg-type]
    (lambda: history_visibility(DAY, False, 0), "by_card"),  # type: ignore[arg-type]
    (lambda: history_visibility("x", False, False), "shipped"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "name"), CASES)
def test_impossible_input(call: Callable[[], object], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()
