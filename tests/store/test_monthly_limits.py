"""Month totals against the monthly limit (FAQ 月間購入上限金額), on a real SQLite file.

Expected totals are worked out by hand from the subtotals (10 % tax rounded down, 8 %
likewise), never read back from the service.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text, update

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, OrderStatus, PaymentMethod
from kaunet_desk.domain.rates import LIMIT_WARNING_PCT
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Order
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.monthly_limits import (
    MonthUsage,
    UsageLevel,
    _totals_statement,
    limit_in_force,
    month_orders,
    month_usage,
    office_warning_pct,
    usage_levels,
)
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.store.services.rates import add_rate

NOV = date(2026, 11, 1)


def _customer(db: Database, name: str, kana: str, limit: int, kaunet_id: str) -> tuple[int, int]:
    record = svc.create_customer(
        db,
        svc.CustomerDraft(
            name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=limit,
            phone="0312345678", email=f"{kaunet_id.lower()}@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


def _order(db: Database, account: int, no: str, day: date, s10: int, s8: int = 0,
           **kw: object) -> None:
    enter_order(db, OrderDraft(account, no, day, s10, s8, **kw))  # type: ignore[arg-type]


def _cancel(db: Database, order_no: str) -> None:
    """A plain cancellation (not for the limit): there is no service for it yet."""
    with db.unit_of_work() as session:
        session.execute(
            update(Order).where(Order.order_no == order_no)
            .values(status=OrderStatus.CANCELLED.value)
        )


@pytest.fixture
def ledger(db: Database) -> dict[str, int]:
    a, a_acc = _customer(db, "株式会社あさひ", "アサヒ", 10_000, "KA")
    b, b_acc = _customer(db, "株式会社いろは", "イロハ", 50_000, "KB")
    c, _ = _customer(db, "株式会社うみ", "ウミ", 30_000, "KC")
    # A, November: 5,000 → 5,500; 2,000 + 1,000 at 8 % → 2,200 + 1,080 = 3,280.
    _order(db, a_acc, "A1", date(2026, 11, 1), 5_000)
    _order(db, a_acc, "A2", date(2026, 11, 30), 2_000, 1_000, shipped_on=date(2026, 12, 1))
    # Not counted: card, plain cancellation, October, and one refused for the limit
    # (9,999 → 10,998 would take 8,780 over 10,000).
    _order(db, a_acc, "A3", date(2026, 11, 10), 90_000, payment=PaymentMethod.CARD.value)
    _order(db, a_acc, "A4", date(2026, 11, 11), 1_000)
    _cancel(db, "A4")
    _order(db, a_acc, "A5", date(2026, 10, 31), 3_000)
    _order(db, a_acc, "A6", date(2026, 11, 12), 9_999)
    # B, November: 40,000 → 44,000; December's order is another month.
    _order(db, b_acc, "B1", date(2026, 11, 15), 40_000)
    _order(db, b_acc, "B2", date(2026, 12, 1), 1_000)
    return {"a": a, "b": b, "c": c}


def test_month_totals_count_kddi_invoice_orders_of_the_order_month(
    db: Database, ledger: dict[str, int]
) -> None:
    usage = month_usage(db, date(2026, 11, 17))
    assert usage.month == NOV
    assert usage.name_kana == ("アサヒ", "イロハ", "ウミ")  # 五十音順
    rows = {usage.customer_ids[i]: usage.row(i) for i in range(len(usage))}
    a, b, c = rows[ledger["a"]], rows[ledger["b"]], rows[ledger["c"]]
    assert (a.total_yen, a.counted_orders, a.cancelled_over_limit) == (5_500 + 3_280, 2, 1)
    assert (b.total_yen, b.counted_orders, b.cancelled_over_limit) == (44_000, 1, 0)
    assert (c.total_yen, c.counted_orders, c.cancelled_over_limit) == (0, 0, 0)
    assert a.remaining_yen == 10_000 - 8_780
    assert a.excess_yen == 0
    assert a.usage_permille == 878
    october = month_usage(db, date(2026, 10, 1))
    assert october.totals_yen[october.customer_ids.index(ledger["a"])] == 3_300


def test_levels_reached_is_total_at_or_over_the_limit(db: Database) -> None:
    ids = (1, 2, 3, 4, 5, 6, 7)
    totals = (0, 7_999, 8_000, 9_999, 10_000, 12_000, 0)
    limits = (10_000,) * 6 + (0,)
    usage = MonthUsage(NOV, ids, ("x",) * 7, ("エックス",) * 7, limits, totals, (0,) * 7,
                       (0,) * 7)
    ok, near, reached = UsageLevel.OK, UsageLevel.NEAR, UsageLevel.REACHED
    assert usage_levels(usage, 80) == (ok, ok, near, near, reached, reached, reached)
    assert usage_levels(usage, 90) == (ok, ok, ok, near, reached, reached, reached)
    row = usage.row(5)
    assert (row.remaining_yen, row.excess_yen) == (0, 2_000)
    assert usage.row(6).usage_permille is None
    with pytest.raises(ValueError):
        usage_levels(usage, 0)


def test_the_limit_of_a_month_is_the_one_in_force_at_its_end(
    db: Database, ledger: dict[str, int]
) -> None:
    svc.change_limit(db, ledger["b"], 40_000, "与信再審査の結果、減額", date(2026, 11, 20))
    november = month_usage(db, NOV)
    i = november.customer_ids.index(ledger["b"])
    assert november.limits_yen[i] == 40_000
    assert november.row(i).excess_yen == 4_000  # lowered after the orders
    october = month_usage(db, date(2026, 10, 1))
    assert october.limits_yen[october.customer_ids.index(ledger["b"])] == 50_000


def test_limit_in_force_walks_the_log() -> None:
    log = [(date(2026, 3, 10), 100, 200), (date(2026, 6, 1), 200, 150)]
    assert limit_in_force(150, log, date(2026, 3, 9)) == 100
    assert limit_in_force(150, log, date(2026, 3, 10)) == 200
    assert limit_in_force(150, log, date(2026, 5, 31)) == 200
    assert limit_in_force(150, log, date(2026, 6, 30)) == 150
    assert limit_in_force(150, [], date(2000, 1, 1)) == 150


def test_month_orders_lists_the_counted_and_the_refused(
    db: Database, ledger: dict[str, int]
) -> None:
    orders = month_orders(db, ledger["a"], NOV)
    assert [o.order_no for o in orders.counted] == ["A1", "A2"]
    assert [o.order_no for o in orders.cancelled_over_limit] == ["A6"]
    refused = orders.cancelled_over_limit[0]
    assert (refused.decided_month_total_yen, refused.decided_limit_yen) == (8_780, 10_000)


def test_office_warning_share_comes_from_the_rate_table(db: Database) -> None:
    assert office_warning_pct(db, NOV) == 80
    add_rate(db, LIMIT_WARNING_PCT, date(2026, 11, 1), "75")
    assert office_warning_pct(db, NOV) == 75
    assert office_warning_pct(db, date(2026, 10, 31)) == 80


def test_an_empty_ledger_gives_an_empty_month(db: Database) -> None:
    usage = month_usage(db, NOV)
    assert len(usage) == 0
    assert usage_levels(usage, 80) == ()


@pytest.mark.sqlite_only
def test_the_totals_walk_the_order_date_index(db: Database) -> None:
    statement = _totals_statement(NOV, date(2026, 12, 1))
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        )
    assert "ix_orders_order_date" in plan
