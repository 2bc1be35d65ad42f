"""Entering orders and the month totals the monthly limit is checked against.

Rules: domain.md「Monthly purchase limit」(FAQ 月間購入上限金額) — our choice: tax-included
amounts, the month of the order date, cancelled orders not counted, card orders not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kaunet_desk.domain import limit_decision, order_total_yen
from kaunet_desk.domain.enums import OrderStatus, PaymentMethod
from kaunet_desk.domain.months import add_months, first_of_month
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, KaunetAccount, Order
from kaunet_desk.store.services.errors import Duplicate, NotFound
from kaunet_desk.store.services.record_fields import copy_fields, field_names

COUNTED_STATUSES = (OrderStatus.ORDERED.value, OrderStatus.SHIPPED.value)


@dataclass(frozen=True)
class OrderDraft:
    kaunet_account_id: int
    order_no: str
    order_date: date
    subtotal_10_yen: int
    subtotal_8_yen: int
    payment: str = PaymentMethod.KDDI_INVOICE.value
    shipped_on: date | None = None
    points_used_yen: int = 0
    other_dealer: bool = False
    dealer_name: str = ""


@dataclass(frozen=True)
class OrderLine:
    """An order as entered and where it stands: what every list of orders shows.

    The fields are named as the orders columns (ORDER_LINE_COLUMNS selects them in order).
    """

    order_no: str
    order_date: date
    shipped_on: date | None
    subtotal_10_yen: int
    subtotal_8_yen: int
    total_yen: int
    points_used_yen: int
    payment: str
    other_dealer: bool
    dealer_name: str
    status: str


ORDER_LINE_COLUMNS = tuple(getattr(Order, name) for name in field_names(OrderLine))


@dataclass(frozen=True)
class OrderRecord(OrderLine):
    id: int
    customer_id: int
    kaunet_account_id: int
    decided_month_total_yen: int | None
    decided_limit_yen: int | None


@dataclass(frozen=True)
class OrderEntry:
    """The saved order and the numbers that decided it."""

    order: OrderRecord
    decision: str  # "accept" or "cancel_over_limit"
    month_total_before_yen: int
    limit_yen: int


def month_bounds(day: date) -> tuple[date, date]:
    """[first day of the month, first day of the next month)."""
    first = first_of_month(day)
    return first, add_months(first, 1)


def counts_toward_limit() -> ColumnElement[bool]:
    """The orders a month total counts: KDDI invoice, ordered or shipped (FAQ 月間購入上限金額)."""
    return and_(
        Order.payment == PaymentMethod.KDDI_INVOICE.value, Order.status.in_(COUNTED_STATUSES)
    )


def ordered_between(first: date, following: date) -> ColumnElement[bool]:
    """Order date in [first, following): the month a total belongs to."""
    return and_(Order.order_date >= first, Order.order_date < following)


def _month_total(session: Session, customer_id: int, month: date) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Order.total_yen), 0)).where(
            Order.customer_id == customer_id,
            ordered_between(*month_bounds(month)),
            counts_toward_limit(),
        )
    )
    return int(total or 0)


def month_total(db: Database, customer_id: int, month: date) -> int:
    """The KDDI-invoice total that counts toward the customer's limit in ``month``."""
    with db.unit_of_work() as session:
        return _month_total(session, customer_id, month)


def record_of(row: Order) -> OrderRecord:
    return copy_fields(OrderRecord, row)


def enter_order(db: Database, draft: OrderDraft) -> OrderEntry:
    """Save an order, applying the monthly-limit decision at once (FAQ 月間購入上限金額).

    An order that takes the month over the limit is kept, as cancelled_over_limit with the
    month total and limit that decided it, so the clerk can explain the cancellation.
    """
    PaymentMethod(draft.payment)
    total = order_total_yen(draft.subtotal_10_yen, draft.subtotal_8_yen)
    if draft.points_used_yen < 0:
        raise ValueError("points_used_yen must not be negative")
    with db.unit_of_work() as session:
        account = session.get(KaunetAccount, draft.kaunet_account_id)
        if account is None:
            raise NotFound("kaunet_account", draft.kaunet_account_id)
        customer = session.get(Customer, account.customer_id)
        assert customer is not None  # foreign key
        before = _month_total(session, customer.id, draft.order_date)
        by_card = draft.payment == PaymentMethod.CARD.value
        decision = limit_decision(before, total, customer.monthly_limit_yen, by_card)
        over = decision == "cancel_over_limit"
        if over:
            status = OrderStatus.CANCELLED_OVER_LIMIT.value
        elif draft.shipped_on is not None:
            status = OrderStatus.SHIPPED.value
        else:
            status = OrderStatus.ORDERED.value
        row = Order(
            customer_id=customer.id,
            kaunet_account_id=account.id,
            order_no=normalize_text(draft.order_no),
            order_date=draft.order_date,
            shipped_on=None if over else draft.shipped_on,
            subtotal_10_yen=draft.subtotal_10_yen,
            subtotal_8_yen=draft.subtotal_8_yen,
            total_yen=total,
            points_used_yen=draft.points_used_yen,
            payment=draft.payment,
            other_dealer=draft.other_dealer,
            dealer_name=normalize_text(draft.dealer_name),
            status=status,
            decided_month_total_yen=before if over else None,
            decided_limit_yen=customer.monthly_limit_yen if over else None,
        )
        session.add(row)
        try:
            session.flush()
        except IntegrityError as error:  # uq_orders_account_order_no
            raise Duplicate("order", "order_no", row.order_no) from error
        audit.record(
            session,
            action="create",
            entity="order",
            entity_id=row.id,
            customer_id=customer.id,
            changes={"order_no": [None, row.order_no], "total_yen": [None, total],
                     "status": [None, status]},
        )
        return OrderEntry(record_of(row), decision, before, customer.monthly_limit_yen)


def count_orders(db: Database) -> int:
    with db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Order)) or 0
