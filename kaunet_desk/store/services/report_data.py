"""Read-only queries the printed reports need and the other services do not offer.

Each call is one unit of work returning frozen dataclasses. Nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select

from kaunet_desk.domain.enums import CustomerStatus, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, DealerChangeRequest, KaunetAccount, Order
from kaunet_desk.store.services.orders import COUNTED_STATUSES, month_bounds


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

    FAQ 月間購入上限金額 (our choice, as orders.month_total): tax-included totals of
    KDDI-invoice orders that are ordered or shipped, by the month of the order date.
    One grouped query over the month's orders (ix_orders_order_date), joined to customers.
    ``include_unused`` adds active customers without a counted order in the month.

    Same sums as kaunet_desk.store.services.monthly_limits (the limits tab); to be merged.
    """
    first, following = month_bounds(month)
    used = (
        select(Order.customer_id, func.sum(Order.total_yen).label("used_yen"))
        .where(
            Order.order_date >= first,
            Order.order_date < following,
            Order.payment == PaymentMethod.KDDI_INVOICE.value,
            Order.status.in_(COUNTED_STATUSES),
        )
        .group_by(Order.customer_id)
        .subquery()
    )
    used_yen = func.coalesce(used.c.used_yen, 0)
    query = select(
        Customer.id, Customer.name, Customer.name_kana, Customer.monthly_limit_yen, used_yen
    )
    if include_unused:
        query = query.outerjoin(used, used.c.customer_id == Customer.id).where(
            (Customer.status == CustomerStatus.ACTIVE.value) | used.c.used_yen.is_not(None)
        )
    else:
        query = query.join(used, used.c.customer_id == Customer.id)
    query = query.order_by(Customer.name_kana, Customer.id)
    with db.unit_of_work() as session:
        return [
            LimitUsageRow(row[0], row[1], row[2], int(row[3]), int(row[4]))
            for row in session.execute(query)
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


def _fax_request_query() -> Select:
    return (
        select(
            DealerChangeRequest.id,
            Customer.id,
            Customer.name,
            Customer.contact_person,
            Customer.phone,
            Customer.fax,
            func.coalesce(KaunetAccount.kaunet_id, ""),
            DealerChangeRequest.fax_sent_on,
            DealerChangeRequest.deadline,
            DealerChangeRequest.returned_on,
            DealerChangeRequest.effective_month,
            DealerChangeRequest.closed_on,
        )
        .join(Customer, Customer.id == DealerChangeRequest.customer_id)
        .outerjoin(KaunetAccount, KaunetAccount.id == DealerChangeRequest.kaunet_account_id)
    )


def latest_dealer_change(db: Database, customer_id: int) -> FaxRequestRow | None:
    """The customer's most recent FAX request (by sending day), if any."""
    query = (
        _fax_request_query()
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
    it counts as not returned) and those due soon, earliest deadline first; walks
    ix_dealer_change_requests_deadline. Requests the clerk closed (closed_on) are dealt with
    and left out, as the 販売店変更 FAX tab's 「期限切れ」 count does
    (store.services.dealer_change._overdue — the same rule; to be merged).
    """
    query = (
        _fax_request_query()
        .where(
            DealerChangeRequest.returned_on.is_(None)
            | (DealerChangeRequest.returned_on > DealerChangeRequest.deadline),
            DealerChangeRequest.effective_month.is_(None),
            DealerChangeRequest.closed_on.is_(None),
            DealerChangeRequest.deadline <= due_by,
        )
        .order_by(DealerChangeRequest.deadline, Customer.name_kana, DealerChangeRequest.id)
    )
    with db.unit_of_work() as session:
        return [FaxRequestRow(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class HistoryOrderRow:
    order_no: str
    kaunet_id: str
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


def customer_orders_between(
    db: Database, customer_id: int, first: date, last: date
) -> list[HistoryOrderRow]:
    """The customer's orders dated ``first``..``last`` (both inclusive), oldest first."""
    query = (
        select(
            Order.order_no,
            KaunetAccount.kaunet_id,
            Order.order_date,
            Order.shipped_on,
            Order.subtotal_10_yen,
            Order.subtotal_8_yen,
            Order.total_yen,
            Order.points_used_yen,
            Order.payment,
            Order.other_dealer,
            Order.dealer_name,
            Order.status,
        )
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
    フリガナ order: whose KDDI invoice carries Kaunet purchases (FAQ カウネットの請求)."""
    shipped = (
        select(Order.customer_id)
        .where(
            Order.shipped_on >= first,
            Order.shipped_on < following,
            Order.payment == PaymentMethod.KDDI_INVOICE.value,
            Order.other_dealer.is_(False),
        )
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
