"""Fees, rebate and surcharge of the KDDI まとめて請求 terms (約款 第9条の2, 9の3, 13, 14).

Fees and rebate are returned tax excluded, as the terms state them; the surcharge
includes its tax, because the terms add it (第9条の3). `on` is the day the amount is
charged and picks the value in force; today when not given.
"""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import day_or_today, require_flag, require_yen
from kaunet_desk.domain.rates import (
    FEE_COUNTER_YEN,
    FEE_SLIP_YEN,
    REBATE_COMBINED_YEN,
    SURCHARGE_MULTIPLIER,
    TAX_STANDARD_PCT,
    RateTable,
    table_or_default,
)
from kaunet_desk.domain.tax import tax_for


def _fee_unless_exempt(
    fee_key: str,
    corporate: bool,
    disability_discount: bool,
    on: date | None,
    rates: RateTable | None,
) -> int:
    # 約款 第13条/第14条 ただし書 (1) 法人, (2) 障がい者等に係る基本使用料の割引.
    # (3) "other conditions KDDI sets" are not known to us: the clerk waives by hand.
    corporate = require_flag("corporate", corporate)
    disability_discount = require_flag("disability_discount", disability_discount)
    fee = table_or_default(rates).int_value(fee_key, day_or_today("on", on))
    return 0 if corporate or disability_discount else fee


def slip_fee(
    corporate: bool, disability_discount: bool, *,
    on: date | None = None, rates: RateTable | None = None
) -> int:
    """払込取扱票発行等手数料 per slip issued for an overdue invoice (約款 第13条), tax excluded."""
    return _fee_unless_exempt(FEE_SLIP_YEN, corporate, disability_discount, on, rates)


def counter_fee(
    corporate: bool, disability_discount: bool, *,
    on: date | None = None, rates: RateTable | None = None
) -> int:
    """窓口取扱等手数料 per slip and paper invoice issued on request (約款 第14条), tax excluded."""
    return _fee_unless_exempt(FEE_COUNTER_YEN, corporate, disability_discount, on, rates)


def combined_billing_rebate(
    mobile_charges: bool,
    matome_line_fee: bool,
    ikkatsu_discount: bool,
    *,
    on: date | None = None,
    rates: RateTable | None = None,
) -> int:
    """Rebate credited against a combined invoice (約款 第9条の2), tax excluded.

    Only for an invoice under KDDI まとめて請求 (第9条の2 第2項): callers do not ask for
    invoices outside it.
    """
    mobile_charges = require_flag("mobile_charges", mobile_charges)  # ① 5G/LTE/au
    matome_line_fee = require_flag("matome_line_fee", matome_line_fee)  # ② auまとめライン
    ikkatsu_discount = require_flag("ikkatsu_discount", ikkatsu_discount)  # ③ 一括請求割引
    rebate = table_or_default(rates).int_value(REBATE_COMBINED_YEN, day_or_today("on", on))
    return rebate if mobile_charges and matome_line_fee and not ikkatsu_discount else 0


def surcharge(evaded_yen: int, *, on: date | None = None, rates: RateTable | None = None) -> int:
    """割増金 for charges evaded unlawfully, tax included (約款 第9条の3).

    2 × the evaded amount (tax excluded) plus the standard consumption tax on that,
    rounded down; payable on top of the evaded amount itself.
    """
    evaded_yen = require_yen("evaded_yen", evaded_yen)
    table = table_or_default(rates)
    day = day_or_today("on", on)
    base = evaded_yen * table.int_value(SURCHARGE_MULTIPLIER, day)
    return base + tax_for(base, table.int_value(TAX_STANDARD_PCT, day))
