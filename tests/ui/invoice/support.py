"""The invoice tab's test ledger: September shipments billed on the November invoice.

The expected figures are worked out in the tests from the domain functions (fees,
rebate, invoice_tax, late_interest), not read back from the preview service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TODAY = date(2026, 11, 22)
NOV = date(2026, 11, 1)


@dataclass(frozen=True)
class Shipped:
    no: str
    ordered: date
    shipped: date
    s10: int
    s8: int
    points: int


# On the November invoice (shipped in September, KDDI invoice, our dealer).
ON_INVOICE = (
    Shipped("S1", date(2026, 8, 30), date(2026, 9, 1), 1_999, 999, 300),
    Shipped("S2", date(2026, 9, 20), date(2026, 9, 30), 5_001, 0, 0),
)
SLIPS, COUNTER_REQUESTS = 2, 1
# An August invoice still unpaid: interest is estimated as if paid today.
OVERDUE_YEN, OVERDUE_DUE = 30_000, date(2026, 8, 31)


@dataclass(frozen=True)
class Ledger:
    sole: int  # 個人事業主: pays the fees, gets the rebate
    corporate: int  # 法人: exempt from both fees
