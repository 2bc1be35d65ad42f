"""Slip and counter fees, the combined-billing rebate and the surcharge."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given

from kaunet_desk.domain import (
    DEFAULT_RATES,
    RateEntry,
    combined_billing_rebate,
    counter_fee,
    slip_fee,
    surcharge,
)
from kaunet_desk.domain.rates import FEE_SLIP_YEN, TAX_STANDARD_PCT

from .support import PROPERTY, negative_yen, yen

ON = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("corporate", "disability", "slip", "counter"),
    [
        (False, False, 100, 300),  # 個人事業主 without the discount pays both (第13条, 第14条)
        (True, False, 0, 0),  # ただし書 (1) 法人
        (False, True, 0, 0),  # ただし書 (2) 障がい者等に係る基本使用料の割引
        (True, True, 0, 0),
    ],
)
def test_fees_and_exemptions(corporate: bool, disability: bool, slip: int, counter: int) -> None:
    assert slip_fee(corporate, disability, on=ON) == slip
    assert counter_fee(corporate, disability, on=ON) == counter


def test_fees_default_to_today() -> None:
    assert slip_fee(False, False) == 100
    assert counter_fee(False, False) == 300


def test_revised_fee_applies_only_from_its_date() -> None:
    rates = DEFAULT_RATES.with_entries(RateEntry(FEE_SLIP_YEN, date(2025, 4, 1), 110))
    assert slip_fee(False, False, on=date(2025, 3, 31), rates=rates) == 100
    assert slip_fee(False, False, on=date(2025, 4, 1), rates=rates) == 110
    assert slip_fee(False, False, on=date(2026, 1, 1), rates=rates) == 110
    assert slip_fee(True, False, on=date(2026, 1, 1), rates=rates) == 0
    assert counter_fee(False, False, on=date(2026, 1, 1), rates=rates) == 300
    assert slip_fee(False, False, on=date(2026, 1, 1)) == 100  # DEFAULT_RATES untouched


@pytest.mark.parametrize(
    ("mobile", "matome_line", "ikkatsu"), list(itertools.product([False, True], repeat=3))
)
def test_rebate_truth_table(mobile: bool, matome_line: bool, ikkatsu: bool) -> None:
    # 約款 第9条の2: all three conditions ① ② ③ or nothing.
    expected = 200 if (mobile, matome_line, ikkatsu) == (True, True, False) else 0
    assert combined_billing_rebate(mobile, matome_line, ikkatsu, on=ON) == expected


def test_surcharge_worked_examples() -> None:
    # 約款 第9条の3: 10,000 evaded → 2 × 10,000 = 20,000 + 10 % tax 2,000 = 22,000.
    assert surcharge(10_000, on=ON) == 22_000
    # 1,234 → 2,468 + floor(246.8) = 2,468 + 246 = 2,714.
    assert surcharge(1_234, on=ON) == 2_714
    assert surcharge(0, on=ON) == 0


def test_surcharge_follows_the_tax_rate_in_force() -> None:
    rates = DEFAULT_RATES.with_entries(RateEntry(TAX_STANDARD_PCT, date(2030, 1, 1), 12))
    assert surcharge(1_000, on=date(2029, 12, 31), rates=rates) == 2_200
    assert surcharge(1_000, on=date(2030, 1, 1), rates=rates) == 2_240


@PROPERTY
@given(yen)
def test_surcharge_is_twice_plus_tax(amount: int) -> None:
    assert surcharge(amount, on=ON) == 2 * amount + (2 * amount * 10) // 100


@PROPERTY
@given(negative_yen)
def test_negative_evaded_names_the_argument(amount: int) -> None:
    with pytest.raises(ValueError, match="evaded_yen"):
        surcharge(amount, on=ON)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: slip_fee(1, False), "corporate"),  # type: ignore[arg-type]
        (lambda: counter_fee(False, None), "disability_discount"),  # type: ignore[arg-type]
        (lambda: combined_billing_rebate(True, "yes", False), "matome_line_fee"),  # type: ignore[arg-type]
        (lambda: slip_fee(False, False, on="2026-01-01"), "on"),  # type: ignore[arg-type]
        (lambda: surcharge(10, rates={}), "rates"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_name_the_argument(call: object, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()  # type: ignore[operator]
