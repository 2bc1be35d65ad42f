"""Read-only queries the printed reports need, in the shape the reports print them.

Each call is one unit of work returning frozen dataclasses. Nothing here writes. What counts
toward the monthly limit, which FAX forms are overdue and which columns an order carries are
the services' own conditions and columns (orders, dealer_change), reused here, so a report
and its tab never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from kaunet_desk.domain.enums import CustomerStatus
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, DealerChangeRequest, KaunetAccount, Order
from kaunet_desk.store.services.dealer_change import KAUNET_ID, overdue, request_query
from kaunet_desk.store.services.invoice_preview import reaches_kddi_invoice
from kaunet_desk.store.services.monthly_limits import limit_change_log, limit_in_force
from kaunet_desk.store.services.orders import (
    ORDER_LINE_COLUMNS,
    OrderLine,
    counts_toward_limit,
    month_bounds,
    ordered_between,
)


@dataclass(frozen=True)
class LimitUsageRow:
    customer_id: int
    name: str
    name_kana: str
    limit_yen: int
    used_yen: int


def month_limit_usage(
    db: Database, month: date, *, include_unused: bool = False
) -> list[LimitUsageRow]:
    """Each customer's month total against the monthly limit, in フリガナ order.

    What counts is the rule of orders.month_total and the 月間購入上限 tab
    (orders.counts_toward_limit, by the month of the order date). One grouped query over
    the month's orders (ix_orders_order_date), joined to customers. ``include_unused`` adds
    active customers without a counted order in the month. The limit is the one in force
    at the end of the month (monthly_limits.limit_in_force), as the tab shows it.
    """
    used = (
        select(Order.customer_id, func.sum(Order.total_yen).label("used_yen"))
        .where(ordered_between(*month_bounds(month)), counts_toward_limit())
        .group_by(Order.customer_id)
        .subquery()
    )
    query = select(
        Customer.id,
        Customer.name,
        Customer.name_kana,
        Customer.monthly_limit_yen,
        func.coalesce(used.c.used_yen, 0),
    )
    if include_unused:
        query = query.outerjoin(used, used.c.customer_id == Customer.id).where(
            (Customer.status == CustomerStatus.ACTIVE.value) | used.c.used_yen.is_not(None)
        )
    else:
        query = query.join(used, used.c.customer_id == Customer.id)
    query = query.order_by(Customer.name_kana, Customer.id)
    last = month_bounds(month)[1] - timedelta(days=1)
    with db.unit_of_work() as session:
        rows = session.execute(query).all()
        logs = limit_change_log(session.connection())
    return [
        LimitUsageRow(
            customer_id, name, kana,
            limit_in_force(int(limit), logs[customer_id], last) if customer_id in logs
            else int(limit),
            int(used),
        )
        for customer_id, name, kana, limit, used in rows
    ]


@dataclass(frozen=True)
class FaxRequestRow:
    """A dealer-change FAX request with what the clerk needs to chase it (FAQ 販売店について)."""

    request_id: int
    customer_id: int
    customer_name: str
    contact_person: str
    phone: str
    fax: str
    kaunet_id: str  # the account the request moves; "" when it names none
    fax_sent_on: date
    deadline: date
    returned_on: date | None
    effective_month: date | None
    closed_on: date | None


_FAX_REQUEST_COLUMNS = (
    DealerChangeRequest.id,
    Customer.id,
    Customer.name,
    Customer.contact_person,
    Customer.phone,
    Customer.fax,
    KAUNET_ID,
    DealerChangeRequest.fax_sent_on,
    DealerChangeRequest.deadline,
    DealerChangeRequest.returned_on,
    DealerChangeRequest.effective_month,
    DealerChangeRequest.closed_on,
)


def latest_dealer_change(db: Database, customer_id: int) -> FaxRequestRow | None:
    """The customer's most recent FAX request (by sending day), if any."""
    query = (
        request_query(*_FAX_REQUEST_COLUMNS)
        .where(DealerChangeRequest.customer_id == customer_id)
        .order_by(DealerChangeRequest.fax_sent_on.desc(), DealerChangeRequest.id.desc())
        .limit(1)
    )
    with db.unit_of_work() as session:
        row = session.execute(query).first()
        return FaxRequestRow(*row) if row is not None else None


def unreturned_dealer_changes(db: Database, due_by: date) -> list[FaxRequestRow]:
    """Requests not returned in time and not effective, deadline on or before ``due_by``.

    Past deadlines (FAQ: not returned by the deadline → no change; a form returned after
    it counts as not returned) and those due soon, earliest deadline first: what the
    販売店変更 FAX tab counts as 期限切れ (dealer_change.overdue) once ``due_by`` is over.
    Requests the clerk closed (closed_on) are dealt with and left out.
    """
    query = (
        request_query(*_FAX_REQUEST_COLUMNS)
        .where(
            overdue(due_by + timedelta(days=1)),
            # Also bounds the walk of ix_dealer_change_requests_deadline.
            DealerChangeRequest.deadline <= due_by,
        )
        .order_by(DealerChangeRequest.deadline, Customer.name_kana, DealerChangeRequest.id)
    )
    with db.unit_of_work() as session:
        return [FaxRequestRow(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class HistoryOrderRow(OrderLine):
    """An order of the history statement, with the Kaunet ID it was placed with."""

    kaunet_id: str


def customer_orders_between(
    db: Database, customer_id: int, first: date, last: date
) -> list[HistoryOrderRow]:
    """The customer's orders dated ``first``..``last`` (both inclusive), oldest first."""
    query = (
        select(*ORDER_LINE_COLUMNS, KaunetAccount.kaunet_id)
        .join(KaunetAccount, KaunetAccount.id == Order.kaunet_account_id)
        .where(
            Order.customer_id == customer_id,
            Order.order_date >= first,
            Order.order_date <= last,
        )
        .order_by(Order.order_date, Order.order_no, Order.id)
    )
    with db.unit_of_work() as session:
        return [HistoryOrderRow(*row) for row in session.execute(query)]


def customers_shipped_between(db: Database, first: date, following: date) -> list[int]:
    """Ids of customers with a shipped KDDI-invoice order in [first, following), in
    フリガナ order: whose KDDI invoice carries Kaunet purchases (FAQ カウネットの請求) —
    the same orders an invoice preview lists, so no preview of the batch comes out empty."""
    shipped = (
        select(Order.customer_id)
        .where(reaches_kddi_invoice(first, following))
        .distinct()
        .subquery()
    )
    query = (
        select(Customer.id)
        .join(shipped, shipped.c.customer_id == Customer.id)
        .order_by(Customer.name_kana, Customer.id)
    )
    with db.unit_of_work() as session:
        return list(session.scalars(query))
