"""What a customer's KDDI invoice for one billing month will carry for Kaunet.

Rules: domain.md「Invoice」— FAQ カウネットの請求 (billed in the second month after
shipping; points shown as a negative 「ポイント de ショッピングご利用分一式」), 約款 第9条の2
(rebate), 第9条の4 (late interest), 第13条/第14条 (fees), and the 適格請求書 tax rule.

Our choices, stated once here:
- Fees and the rebate are standard-rate (10 %) items: fees add to, the rebate reduces, the
  10 % subtotal before tax is taken.
- Points are a means of payment: deducted after tax.
- Late interest is not subject to consumption tax and is added after tax.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kaunet_desk.domain.arguments import require_yen
from kaunet_desk.domain.rates import RateTable
from kaunet_desk.domain.tax import invoice_tax

POINTS_LABEL = "ポイント de ショッピングご利用分一式"  # FAQ カウネットの請求: printed as is


@dataclass(frozen=True)
class PurchaseLine:
    order_no: str
    order_date: date
    shipped_on: date
    subtotal_10_yen: int
    subtotal_8_yen: int
    points_used_yen: int


@dataclass(frozen=True)
class ChargeLine:
    """A fee (positive) or the rebate (negative), tax excluded, at the standard rate."""

    kind: str  # "slip_fee", "counter_fee", "rebate"
    count: int
    unit_yen: int

    @property
    def amount_yen(self) -> int:
        return self.count * self.unit_yen


@dataclass(frozen=True)
class InterestLine:
    billing_month: date
    due_on: date
    paid_on: date
    overdue_yen: int
    interest_yen: int
    estimated: bool  # unpaid: computed as if paid on the preview day


@dataclass(frozen=True)
class InvoicePreview:
    customer_id: int
    customer_name: str
    billing_month: date
    period: tuple[date, date]  # ship dates covered: the month two months earlier
    purchases: tuple[PurchaseLine, ...]
    charges: tuple[ChargeLine, ...]
    interest: tuple[InterestLine, ...]
    subtotals: dict[int, int] = field(default_factory=dict)  # rate % → tax-excluded yen
    taxes: dict[int, int] = field(default_factory=dict)
    points_yen: int = 0  # shown negative
    late_interest_yen: int = 0
    total_yen: int = 0


def assemble_invoice(
    *,
    customer_id: int,
    customer_name: str,
    billing_month: date,
    period: tuple[date, date],
    purchases: list[PurchaseLine],
    charges: list[ChargeLine],
    interest: list[InterestLine],
    standard_pct: int,
    reduced_pct: int,
    on: date,
    rates: RateTable | None = None,
) -> InvoicePreview:
    subtotal_standard = sum(p.subtotal_10_yen for p in purchases)
    subtotal_reduced = sum(p.subtotal_8_yen for p in purchases)
    subtotal_standard += sum(c.amount_yen for c in charges)
    # A rebate larger than the 10 % items cannot make the subtotal negative.
    subtotal_standard = max(subtotal_standard, 0)
    subtotals = {standard_pct: subtotal_standard, reduced_pct: subtotal_reduced}
    taxes = invoice_tax(subtotals, on=on, rates=rates)
    points = require_yen("points", sum(p.points_used_yen for p in purchases))
    interest_yen = sum(i.interest_yen for i in interest)
    goods_with_tax = sum(subtotals.values()) + sum(taxes.values())
    # Points cannot pay more than the purchases themselves.
    points = min(points, goods_with_tax)
    return InvoicePreview(
        customer_id=customer_id,
        customer_name=customer_name,
        billing_month=billing_month,
        period=period,
        purchases=tuple(purchases),
        charges=tuple(charges),
        interest=tuple(interest),
        subtotals=subtotals,
        taxes=taxes,
        points_yen=points,
        late_interest_yen=interest_yen,
        total_yen=goods_with_tax - points + interest_yen,
    )
