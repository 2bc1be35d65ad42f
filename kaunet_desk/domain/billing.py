"""Which KDDI invoice a Kaunet purchase lands on (FAQ: カウネットの請求)."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import require_date
from kaunet_desk.domain.months import add_months, first_of_month

# FAQ: 出荷された月の 2 カ月後に KDDI 請求書が送付 (shipped in September → November).
_MONTHS_AFTER_SHIPPING = 2


def billing_month(shipped: date) -> date:
    """First day of the month of the KDDI invoice that bills a purchase shipped that day."""
    shipped = require_date("shipped", shipped)
    return add_months(first_of_month(shipped), _MONTHS_AFTER_SHIPPING, name="shipped")
