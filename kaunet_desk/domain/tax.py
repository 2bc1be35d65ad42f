"""Consumption tax on invoices and orders (domain.md: our choice, configurable)."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import day_or_today, require_yen
from kaunet_desk.domain.rates import (
    TAX_REDUCED_PCT,
    TAX_STANDARD_PCT,
    RateTable,
    table_or_default,
)

_STANDARD_PCT = 10
_REDUCED_PCT = 8


def tax_for(subtotal_yen: int, pct: int) -> int:
    """Tax on a tax-excluded amount, rounded down to the yen (integers, so exact)."""
    return subtotal_yen * pct // 100


def valid_tax_rates(on: date, rates: RateTable | None = None) -> tuple[int, int]:
    """(standard, reduced) percent in force on `on`."""
    table = table_or_default(rates)
    return table.int_value(TAX_STANDARD_PCT, on), table.int_value(TAX_REDUCED_PCT, on)


def invoice_tax(
    subtotals: dict[int, int], *, on: date | None = None, rates: RateTable | None = None
) -> dict[int, int]:
    """Tax per rate for an invoice's tax-excluded subtotals per rate percent.

    適格請求書 rule: rounded down once per rate per invoice, never per line.
    `on` (the invoice date) picks the valid rates; today when not given.
    """
    if not isinstance(subtotals, dict):
        raise ValueError(f"subtotals must be a dict of rate percent to yen, got {subtotals!r}")
    valid = valid_tax_rates(day_or_today("on", on), rates)
    taxes: dict[int, int] = {}
    for pct, subtotal in subtotals.items():
        if isinstance(pct, bool) or not isinstance(pct, int) or pct not in valid:
            raise ValueError(f"subtotals: {pct!r} % is not a valid tax rate {valid}")
        taxes[pct] = tax_for(require_yen(f"subtotals[{pct}]", subtotal), pct)
    return taxes


def order_total_yen(subtotal_10: int, subtotal_8: int) -> int:
    """Tax-included total of one order, what the monthly limit sums (our choice).

    Each rate's subtotal plus its tax rounded down, as the order's receipt shows it.
    """
    subtotal_10 = require_yen("subtotal_10", subtotal_10)
    subtotal_8 = require_yen("subtotal_8", subtotal_8)
    return (
        subtotal_10
        + tax_for(subtotal_10, _STANDARD_PCT)
        + subtotal_8
        + tax_for(subtotal_8, _REDUCED_PCT)
    )
