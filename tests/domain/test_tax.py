"""Consumption tax per invoice and per order (適格請求書: round down once per rate)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaunet_desk.domain import DEFAULT_RATES, RateEntry, invoice_tax, order_total_yen
from kaunet_desk.domain.rates import TAX_STANDARD_PCT

from .support import PROPERTY, negative_yen, yen

ON = date(2026, 6, 1)


def test_worked_example() -> None:
    # 1,999 × 10 % = 199.9 → 199; 1,999 × 8 % = 159.92 → 159.
    assert invoice_tax({10: 1999, 8: 1999}, on=ON) == {10: 199, 8: 159}


def test_once_per_rate_not_per_line() -> None:
    # Three lines of 105 yen at 8 %: per line 8 + 8 + 8 = 24, per invoice 315 × 8 % = 25.2 → 25.
    assert invoice_tax({8: 3 * 105}, on=ON) == {8: 25}


def test_empty_and_single_rate() -> None:
    assert invoice_tax({}, on=ON) == {}
    assert invoice_tax({10: 0}, on=ON) == {10: 0}
    assert invoice_tax({10: 1000}) == {10: 100}  # on defaults to today


@pytest.mark.parametrize("pct", [0, 5, 12, 10.0, True, "10"])
def test_unknown_rate_is_refused(pct: object) -> None:
    with pytest.raises(ValueError, match="subtotals"):
        invoice_tax({pct: 1000}, on=ON)  # type: ignore[dict-item]


def test_valid_rates_follow_the_table() -> None:
    rates = DEFAULT_RATES.with_entries(RateEntry(TAX_STANDARD_PCT, date(2030, 4, 1), 12))
    assert invoice_tax({10: 1000}, on=date(2030, 3, 31), rates=rates) == {10: 100}
    assert invoice_tax({12: 1000}, on=date(2030, 4, 1), rates=rates) == {12: 120}
    with pytest.raises(ValueError, match="subtotals"):
        invoice_tax({10: 1000}, on=date(2030, 4, 1), rates=rates)


def test_wrong_container_is_refused() -> None:
    with pytest.raises(ValueError, match="subtotals"):
        invoice_tax([(10, 1000)], on=ON)  # type: ignore[arg-type]


def test_order_total() -> None:
    # 1,000 + 100 + 1,000 + 80 = 2,180.
    assert order_total_yen(1000, 1000) == 2180
    # 999 + floor(99.9) + 999 + floor(79.92) = 999 + 99 + 999 + 79 = 2,176.
    assert order_total_yen(999, 999) == 2176
    assert order_total_yen(0, 0) == 0


@PROPERTY
@given(st.dictionaries(st.sampled_from([10, 8]), yen))
def test_tax_is_the_exact_tax_rounded_down(subtotals: dict[int, int]) -> None:
    taxes = invoice_tax(subtotals, on=ON)
    assert taxes.keys() == subtotals.keys()
    for pct, tax in taxes.items():
        exact = Fraction(subtotals[pct] * pct, 100)
        assert tax <= exact
        assert exact - tax < 1


@PROPERTY
@given(yen, yen)
def test_order_total_matches_invoice_tax(subtotal_10: int, subtotal_8: int) -> None:
    taxes = invoice_tax({10: subtotal_10, 8: subtotal_8}, on=ON)
    assert order_total_yen(subtotal_10, subtotal_8) == subtotal_10 + subtotal_8 + sum(
        taxes.values()
    )


@PROPERTY
@given(negative_yen)
def test_negative_subtotals_name_the_argument(amount: int) -> None:
    with pytest.raises(ValueError, match="subtotal"):
        invoice_tax({10: amount}, on=ON)
    with pytest.raises(ValueError, match="subtotal_10"):
        order_total_yen(amount, 0)
    with pytest.raises(ValueError, match="subtotal_8"):
        order_total_yen(0, amount)
