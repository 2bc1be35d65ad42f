"""The monthly-limit tab's test ledger: every order says by hand whether it counts.

The expected totals are summed from those flags with domain.order_total_yen, never read
from the service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kaunet_desk.domain import order_total_yen

TODAY = date(2026, 11, 22)
NOV = date(2026, 11, 1)


@dataclass(frozen=True)
class Planned:
    customer: str
    no: str
    day: date
    s10: int
    s8: int = 0
    card: bool = False
    cancel: bool = False  # cancelled by the clerk afterwards (not for the limit)
    counts: bool = True  # toward November's limit, decided by hand
    refused: bool = False  # cancelled for the limit when entered


CUSTOMERS = {  # name: (フリガナ, limit)
    "株式会社あさひ": ("アサヒ", 10_000),
    "株式会社いろは": ("イロハ", 50_000),
    "株式会社うみ": ("ウミ", 30_000),
    "株式会社えがお": ("エガオ", 100_000),
    "株式会社おか": ("オカ", 20_000),
}

ORDERS = (
    Planned("株式会社あさひ", "A1", date(2026, 11, 1), 5_000),  # 5,500
    Planned("株式会社あさひ", "A2", date(2026, 11, 30), 2_000, 1_000),  # 2,200 + 1,080
    Planned("株式会社あさひ", "A3", date(2026, 11, 10), 90_000, card=True, counts=False),
    Planned("株式会社あさひ", "A4", date(2026, 11, 11), 1_000, cancel=True, counts=False),
    Planned("株式会社あさひ", "A5", date(2026, 10, 31), 3_000, counts=False),  # October
    # 8,780 + 10,998 > 10,000: refused at entry.
    Planned("株式会社あさひ", "A6", date(2026, 11, 12), 9_999, counts=False, refused=True),
    Planned("株式会社いろは", "B1", date(2026, 11, 15), 40_000),  # 44,000 of 50,000: 88 %
    Planned("株式会社いろは", "B2", date(2026, 12, 1), 1_000, counts=False),  # December
    Planned("株式会社うみ", "C1", date(2026, 11, 2), 27_273),  # 27,273 + 2,727 = 30,000
    Planned("株式会社えがお", "D1", date(2026, 11, 3), 10_000),  # 11 %
)


@dataclass(frozen=True)
class Ledger:
    ids: dict[str, int]  # name → customer id
    accounts: dict[str, int]

    def expected_total(self, name: str) -> int:
        return sum(
            order_total_yen(o.s10, o.s8) for o in ORDERS if o.customer == name and o.counts
        )

    def expected_counted(self, name: str) -> int:
        return sum(1 for o in ORDERS if o.customer == name and o.counts)

    def expected_refused(self, name: str) -> int:
        return sum(1 for o in ORDERS if o.customer == name and o.refused)
