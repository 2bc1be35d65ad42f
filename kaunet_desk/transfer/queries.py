"""The read-only side of the exports: streamed selects over one connection.

Each export reads inside ONE read transaction (a consistent snapshot: on SQLite's WAL a
clerk saving a customer meanwhile does not tear the file) and streams the rows, so
1,000,000 orders never sit in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select

from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, DealerChangeRequest, KaunetAccount, Order
from kaunet_desk.store.services.dealer_change import DealerChangeRow

_STREAM = {"stream_results": True, "yield_per": 5_000}

CUSTOMER_FIELDS = (
    "name", "name_kana", "kind", "disability_discount", "postal_code", "address", "phone",
    "fax", "contact_person", "email", "invoice_payment", "combined_billing",
    "monthly_limit_yen", "status", "cancelled_on", "catalogue_stopped_on",
)


def customers(db: Database) -> Iterator[tuple[dict[str, object], list[tuple[str, str]]]]:
    """Every customer in id order with its Kaunet IDs (kaunet_id, application status)."""
    columns = [Customer.__table__.c[name] for name in CUSTOMER_FIELDS]
    statement = (
        select(Customer.id, *columns, KaunetAccount.kaunet_id, KaunetAccount.application_status)
        .outerjoin(KaunetAccount, KaunetAccount.customer_id == Customer.id)
        .order_by(Customer.id, KaunetAccount.id)
    )
    with db.engine.connect() as connection, connection.begin():
        current: int | None = None
        values: dict[str, object] = {}
        accounts: list[tuple[str, str]] = []
        for row in connection.execution_options(**_STREAM).execute(statement):
            if row[0] != current:
                if current is not None:
                    yield values, accounts
                current = row[0]
                values = dict(zip(CUSTOMER_FIELDS, row[1:-2], strict=True))
                accounts = []
            if row[-2] is not None:
                accounts.append((row[-2], row[-1]))
        if current is not None:
            yield values, accounts


def orders(db: Database) -> Iterator[tuple]:
    """(kaunet_id, customer name, order_no, order_date, shipped_on, subtotal 10 %, 8 %,
    total, points, payment, other_dealer, dealer_name, status) in id order."""
    statement = (
        select(
            KaunetAccount.kaunet_id, Customer.name, Order.order_no, Order.order_date,
            Order.shipped_on, Order.subtotal_10_yen, Order.subtotal_8_yen, Order.total_yen,
            Order.points_used_yen, Order.payment, Order.other_dealer, Order.dealer_name,
            Order.status,
        )
        .join(KaunetAccount, KaunetAccount.id == Order.kaunet_account_id)
        .join(Customer, Customer.id == Order.customer_id)
        .order_by(Order.id)
    )
    with db.engine.connect() as connection, connection.begin():
        yield from connection.execution_options(**_STREAM).execute(statement)


def dealer_change_rows(db: Database) -> Iterator[DealerChangeRow]:
    """Every dealer-change request, nearest deadline first (as the tab lists them)."""
    statement = (
        select(
            DealerChangeRequest.id, DealerChangeRequest.customer_id, Customer.name,
            DealerChangeRequest.kaunet_account_id, func.coalesce(KaunetAccount.kaunet_id, ""),
            DealerChangeRequest.fax_sent_on, DealerChangeRequest.deadline,
            DealerChangeRequest.returned_on, DealerChangeRequest.effective_month,
            DealerChangeRequest.notification_seen_on, DealerChangeRequest.logo_confirmed_on,
        )
        .join(Customer, Customer.id == DealerChangeRequest.customer_id)
        .outerjoin(KaunetAccount, KaunetAccount.id == DealerChangeRequest.kaunet_account_id)
        .order_by(DealerChangeRequest.deadline, DealerChangeRequest.id)
    )
    with db.engine.connect() as connection, connection.begin():
        for row in connection.execution_options(**_STREAM).execute(statement):
            yield DealerChangeRow(*row)


