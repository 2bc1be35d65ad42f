"""report_data's read-only queries, on SQLite and (with KAUNET_TEST_PG_URL) PostgreSQL —
this folder is named store/ so tests/conftest.py runs it on both backends."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain import order_total_yen
from kaunet_desk.domain.enums import OrderStatus
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import DealerChangeRequest, Order
from kaunet_desk.store.services.customers import change_limit
from kaunet_desk.store.services.monthly_limits import month_usage
from kaunet_desk.store.services.report_data import (
    customer_orders_between,
    customers_shipped_between,
    latest_dealer_change,
    month_limit_usage,
    unreturned_dealer_changes,
)

from ..ledger import new_customer, order


def test_month_limit_usage(db: Database) -> None:
    a = new_customer(db, "あおば", "アオバ", kaunet_ids=("KA",), limit=100_000)
    b = new_customer(db, "いずみ", "イズミ", kaunet_ids=("KB",), limit=50_000)
    new_customer(db, "うみ", "ウミ", kaunet_ids=("KC",))
    order(db, a.accounts[0].id, "1", date(2026, 11, 1), 1_000, 500)
    order(db, a.accounts[0].id, "2", date(2026, 11, 30), 2_000, shipped=date(2026, 12, 1))
    order(db, a.accounts[0].id, "3", date(2026, 11, 5), 9_000, card=True)
    order(db, a.accounts[0].id, "4", date(2026, 12, 1), 9_000)
    order(db, b.accounts[0].id, "1", date(2026, 11, 2), 60_000)  # over: cancelled
    rows = month_limit_usage(db, date(2026, 11, 15))
    assert [(r.name, r.limit_yen, r.used_yen) for r in rows] == [
        ("あおば", 100_000, order_total_yen(1_000, 500) + order_total_yen(2_000, 0)),
    ]
    everyone = month_limit_usage(db, date(2026, 11, 1), include_unused=True)
    assert [(r.name, r.used_yen) for r in everyone][1:] == [("いずみ", 0), ("うみ", 0)]


def test_dealer_change_queries(db: Database) -> None:
    a = new_customer(db, "あおば", "アオバ", kaunet_ids=("KA",))
    b = new_customer(db, "いずみ", "イズミ", kaunet_ids=("KB",))
    with db.unit_of_work() as session:
        session.add_all([
            DealerChangeRequest(customer_id=a.id, fax_sent_on=date(2026, 10, 1),
                                deadline=date(2026, 10, 15)),
            DealerChangeRequest(customer_id=a.id, kaunet_account_id=a.accounts[0].id,
                                fax_sent_on=date(2026, 11, 1), deadline=date(2026, 11, 15)),
            DealerChangeRequest(customer_id=b.id, fax_sent_on=date(2026, 11, 1),
                                deadline=date(2026, 11, 10), returned_on=date(2026, 11, 10)),
            DealerChangeRequest(customer_id=b.id, fax_sent_on=date(2026, 11, 1),
                                deadline=date(2026, 11, 10), returned_on=date(2026, 11, 11)),
            # Closed by the clerk: dealt with, not chased any more.
            DealerChangeRequest(customer_id=b.id, fax_sent_on=date(2026, 9, 1),
                                deadline=date(2026, 9, 10), closed_on=date(2026, 9, 20)),
        ])
    latest = latest_dealer_change(db, a.id)
    assert latest is not None
    assert (latest.deadline, latest.kaunet_id) == (date(2026, 11, 15), "KA")
    assert latest_dealer_change(db, 999) is None
    due = unreturned_dealer_changes(db, date(2026, 11, 20))
    # Returned on the deadline counts as returned; returned after it does not (FAQ).
    assert [(r.customer_name, r.deadline) for r in due] == [
        ("あおば", date(2026, 10, 15)),
        ("いずみ", date(2026, 11, 10)),
        ("あおば", date(2026, 11, 15)),
    ]
    assert [r.kaunet_id for r in due] == ["", "", "KA"]
    assert len(unreturned_dealer_changes(db, date(2026, 11, 14))) == 2


def test_orders_and_billed_customers(db: Database) -> None:
    a = new_customer(db, "あおば", "アオバ", kaunet_ids=("KA", "KA2"))
    b = new_customer(db, "いずみ", "イズミ", kaunet_ids=("KB",))
    order(db, a.accounts[1].id, "X", date(2026, 9, 30), 100, shipped=date(2026, 9, 30))
    order(db, a.accounts[0].id, "Y", date(2026, 6, 1), 100)
    order(db, b.accounts[0].id, "Z", date(2026, 9, 3), 100, shipped=date(2026, 9, 4),
          other_dealer=True)
    rows = customer_orders_between(db, a.id, date(2026, 6, 1), date(2026, 9, 30))
    assert [(r.order_no, r.kaunet_id) for r in rows] == [("Y", "KA"), ("X", "KA2")]
    assert customers_shipped_between(db, date(2026, 9, 1), date(2026, 10, 1)) == [a.id]


def test_month_limit_usage_uses_the_limit_in_force_that_month(db: Database) -> None:
    """A past month's list shows the limit of that month, as the 月間購入上限 tab does."""
    a = new_customer(db, "あおば", "アオバ", kaunet_ids=("KA",), limit=100_000)
    order(db, a.accounts[0].id, "1", date(2026, 10, 5), 1_000)
    order(db, a.accounts[0].id, "2", date(2026, 11, 5), 1_000)
    change_limit(db, a.id, 300_000, "増額の審査を通過", on=date(2026, 11, 10))
    october = month_limit_usage(db, date(2026, 10, 1))
    november = month_limit_usage(db, date(2026, 11, 1))
    assert [r.limit_yen for r in october] == [100_000]
    assert [r.limit_yen for r in november] == [300_000]
    assert month_usage(db, date(2026, 10, 1)).limits_yen == (100_000,)


def test_a_cancelled_order_with_a_ship_date_bills_no_one(db: Database) -> None:
    """Such an order (imported so) is not on the invoice: no empty preview in the batch."""
    a = new_customer(db, "あおば", "アオバ", kaunet_ids=("KA",))
    b = new_customer(db, "いずみ", "イズミ", kaunet_ids=("KB",))
    order(db, a.accounts[0].id, "X", date(2026, 9, 3), 100, shipped=date(2026, 9, 4))
    cancelled = order(db, b.accounts[0].id, "Y", date(2026, 9, 3), 100, shipped=date(2026, 9, 4))
    with db.unit_of_work() as session:
        row = session.get(Order, cancelled.order.id)
        assert row is not None
        row.status = OrderStatus.CANCELLED.value
    assert customers_shipped_between(db, date(2026, 9, 1), date(2026, 10, 1)) == [a.id]
