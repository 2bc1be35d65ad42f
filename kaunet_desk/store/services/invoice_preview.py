"""Gathering what a KDDI invoice of one month carries for one customer (see
kaunet_desk.domain.invoice_preview for the rules and our choices)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from kaunet_desk.domain import (
    combined_billing_rebate,
    counter_fee,
    late_interest,
    slip_fee,
)
from kaunet_desk.domain.enums import CustomerKind, OrderStatus, PaymentMethod
from kaunet_desk.domain.invoice_preview import (
    ChargeLine,
    InterestLine,
    InvoicePreview,
    PurchaseLine,
    assemble_invoice,
)
from kaunet_desk.domain.months import add_months
from kaunet_desk.domain.rates import TAX_REDUCED_PCT, TAX_STANDARD_PCT, RateTable
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import CombinedBillingFacts, Customer, Invoice, Order, Payment
from kaunet_desk.store.services.errors import NotFound
from kaunet_desk.store.services.orders import month_bounds
from kaunet_desk.store.services.rates import load_rates


def shipping_month(billing: date) -> date:
    """FAQ カウネットの請求: shipped in September → billed in November."""
    return add_months(billing, -2)


def reaches_kddi_invoice(first: date, following: date) -> ColumnElement[bool]:
    """Orders on the KDDI invoice of the billing month whose shipping month is [first,
    following): KDDI-invoice orders of our dealer that shipped then (FAQ カウネットの請求).
    A cancelled order keeps its ship date if it had one, and stays off the invoice."""
    return and_(
        Order.shipped_on >= first,
        Order.shipped_on < following,
        Order.payment == PaymentMethod.KDDI_INVOICE.value,
        Order.other_dealer.is_(False),
        Order.status == OrderStatus.SHIPPED.value,
    )


def _purchases(session: Session, customer_id: int, first: date, following: date) -> list:
    rows = session.execute(
        select(
            Order.order_no,
            Order.order_date,
            Order.shipped_on,
            Order.subtotal_10_yen,
            Order.subtotal_8_yen,
            Order.points_used_yen,
        )
        .where(Order.customer_id == customer_id, reaches_kddi_invoice(first, following))
        .order_by(Order.shipped_on, Order.order_no)
    )
    return [PurchaseLine(*row) for row in rows]


def _charges(
    session: Session, customer: Customer, billing: date, rates: RateTable
) -> list[ChargeLine]:
    corporate = customer.kind == CustomerKind.CORPORATE.value
    charges: list[ChargeLine] = []
    invoice = session.scalar(
        select(Invoice).where(Invoice.customer_id == customer.id, Invoice.billing_month == billing)
    )
    if invoice is not None:
        # 約款 第13条 / 第14条: per slip or counter request, exempt for 法人 and 障がい者割引.
        slip = slip_fee(corporate, customer.disability_discount, on=billing, rates=rates)
        counter = counter_fee(corporate, customer.disability_discount, on=billing, rates=rates)
        if invoice.slips_issued and slip:
            charges.append(ChargeLine("slip_fee", invoice.slips_issued, slip))
        if invoice.counter_requests and counter:
            charges.append(ChargeLine("counter_fee", invoice.counter_requests, counter))
    if customer.combined_billing:  # 約款 第9条の2: no combined billing, no rebate
        facts = session.scalar(
            select(CombinedBillingFacts).where(
                CombinedBillingFacts.customer_id == customer.id,
                CombinedBillingFacts.billing_month == billing,
            )
        )
        if facts is not None:
            rebate = combined_billing_rebate(
                facts.mobile_charges, facts.matome_line_fee, facts.ikkatsu_discount,
                on=billing, rates=rates,
            )
            if rebate:
                charges.append(ChargeLine("rebate", 1, -rebate))
    return charges


def _interest(
    session: Session, customer_id: int, billing: date, today: date, rates: RateTable
) -> list[InterestLine]:
    """Interest on earlier invoices paid late in the month before ``billing`` (or unpaid)."""
    previous_first = add_months(billing, -1)
    # Correlated, so it reads ix_payments_invoice_id for this customer's invoices only: a
    # grouped subquery over all payments was rebuilt for every invoice of a batch.
    last_paid = (
        select(func.max(Payment.paid_on))
        .where(Payment.invoice_id == Invoice.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Invoice.billing_month, Invoice.due_on, Invoice.amount_yen, last_paid)
        .where(Invoice.customer_id == customer_id, Invoice.due_on < previous_first)
        .order_by(Invoice.billing_month)
    )
    lines: list[InterestLine] = []
    for month, due_on, amount, paid_on in rows:
        estimated = paid_on is None
        if estimated:
            paid_on = today
        elif not previous_first <= paid_on < billing:
            continue  # billed on another month's invoice
        interest = late_interest(amount, due_on, paid_on, rates=rates)
        if interest:
            lines.append(InterestLine(month, due_on, paid_on, amount, interest, estimated))
    return lines


def invoice_preview(
    db: Database,
    customer_id: int,
    billing: date,
    *,
    today: date | None = None,
    rates: RateTable | None = None,
) -> InvoicePreview:
    """The customer's invoice of the month of ``billing``.

    ``rates`` is the office's rate table (services.rates.load_rates), read here when
    omitted; a batch of invoices reads it once and passes it (see invoice_previews).
    """
    billing = billing.replace(day=1)
    today = today or date.today()
    rates = load_rates(db) if rates is None else rates
    shipped_first = shipping_month(billing)
    _, shipped_following = month_bounds(shipped_first)
    with db.unit_of_work() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound("customer", customer_id)
        return assemble_invoice(
            customer_id=customer.id,
            customer_name=customer.name,
            billing_month=billing,
            period=(shipped_first, date.fromordinal(shipped_following.toordinal() - 1)),
            purchases=_purchases(session, customer.id, shipped_first, shipped_following),
            charges=_charges(session, customer, billing, rates),
            interest=_interest(session, customer.id, billing, today, rates),
            standard_pct=rates.int_value(TAX_STANDARD_PCT, billing),
            reduced_pct=rates.int_value(TAX_REDUCED_PCT, billing),
            on=billing,
            rates=rates,
        )


def invoice_previews(
    db: Database,
    customer_ids: Iterable[int],
    billing: date,
    *,
    today: date | None = None,
) -> Iterator[InvoicePreview]:
    """The invoices of ``billing`` for ``customer_ids`` in that order, one at a time (a batch
    is drawn as it is read), with the rate table and today read once for the whole batch."""
    today = today or date.today()
    rates = load_rates(db)
    for customer_id in customer_ids:
        yield invoice_preview(db, customer_id, billing, today=today, rates=rates)
