"""Every customer's month total against their monthly limit, and one customer's detail.

Rules: domain.md「Monthly purchase limit」(FAQ 月間購入上限金額) — our choice: tax-included
totals, the month of the order date, cancelled orders not counted, card orders not counted;
exactly reaching the limit is allowed. What counts is decided exactly as when an order is
entered (orders.counts_toward_limit: KDDI invoice, ordered or shipped), so this tab and the
cancellation decision never disagree.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from operator import itemgetter

from sqlalchemy import Connection, Select, case, func, select

from kaunet_desk.domain.enums import OrderStatus
from kaunet_desk.domain.limits import near_limit
from kaunet_desk.domain.rates import LIMIT_WARNING_PCT, RateEntry, RateTable
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, LimitChange, Order
from kaunet_desk.store.services.orders import (
    OrderRecord,
    counts_toward_limit,
    month_bounds,
    ordered_between,
    record_of,
)
from kaunet_desk.store.services.rates import load_rates


@dataclass(frozen=True, slots=True)
class LimitUsage:
    """One customer in one month: what counted toward the limit, and what was refused."""

    customer_id: int
    name: str
    name_kana: str
    limit_yen: int  # in force at the end of the month (see limit_in_force)
    total_yen: int
    counted_orders: int
    cancelled_over_limit: int

    @property
    def remaining_yen(self) -> int:
        return max(self.limit_yen - self.total_yen, 0)

    @property
    def excess_yen(self) -> int:
        # Only after a limit was lowered: orders are checked when entered (FAQ).
        return max(self.total_yen - self.limit_yen, 0)

    @property
    def usage_permille(self) -> int | None:
        """Share of the limit used, in tenths of a percent, rounded down; None for a 0 limit."""
        if self.limit_yen == 0:
            return None
        return self.total_yen * 1000 // self.limit_yen


@dataclass(frozen=True)
class MonthUsage:
    """Every customer of one month, column by column, in フリガナ order.

    Columns rather than 100,000 row objects: building them costs a zip, not 100,000
    constructor calls, and the tab sorts and filters an index over them.
    """

    month: date
    customer_ids: tuple[int, ...]
    names: tuple[str, ...]
    name_kana: tuple[str, ...]
    limits_yen: tuple[int, ...]
    totals_yen: tuple[int, ...]
    counted_orders: tuple[int, ...]
    cancelled_over_limit: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.customer_ids)

    def row(self, index: int) -> LimitUsage:
        return LimitUsage(
            self.customer_ids[index],
            self.names[index],
            self.name_kana[index],
            self.limits_yen[index],
            self.totals_yen[index],
            self.counted_orders[index],
            self.cancelled_over_limit[index],
        )


class UsageLevel(StrEnum):
    OK = "ok"
    NEAR = "near"  # 注意: at or above the warning share, still below the limit
    REACHED = "reached"  # 上限到達: total ≥ limit (exactly reaching is allowed, FAQ)


def usage_level(total_yen: int, limit_yen: int, warning: RateTable, on: date) -> UsageLevel:
    """上限到達 once nothing more can be bought on the KDDI invoice this month.

    At exactly the limit the next order of any amount is cancelled (FAQ 月間購入上限金額),
    so reaching the limit is where the clerk must act, not only going beyond it.
    """
    if total_yen >= limit_yen:
        return UsageLevel.REACHED
    if near_limit(total_yen, limit_yen, on=on, rates=warning):
        return UsageLevel.NEAR
    return UsageLevel.OK


def usage_levels(usage: MonthUsage, warning_pct: int) -> tuple[UsageLevel, ...]:
    """The level of every row at a warning share of ``warning_pct`` %.

    The share is the office's (office_warning_pct) or the clerk's override for the tab;
    near_limit reads it from a one-entry rate table.
    """
    if isinstance(warning_pct, bool) or not isinstance(warning_pct, int):
        raise ValueError(f"warning_pct must be a whole percent, got {warning_pct!r}")
    if not 1 <= warning_pct <= 100:
        raise ValueError(f"warning_pct must be from 1 to 100, got {warning_pct!r}")
    warning = RateTable([RateEntry(LIMIT_WARNING_PCT, date.min, warning_pct)])
    on = usage.month
    # Most customers buy nothing in a given month: 0 yen against a positive limit is OK
    # at any share of 1 % or more, without asking near_limit 70,000 times.
    return tuple(
        UsageLevel.OK if total == 0 and limit > 0 else usage_level(total, limit, warning, on)
        for total, limit in zip(usage.totals_yen, usage.limits_yen, strict=True)
    )


def office_warning_pct(db: Database, on: date) -> int:
    """The office's warning share (rate key limit.warning_pct) in force on ``on``."""
    return load_rates(db).int_value(LIMIT_WARNING_PCT, on)


def _totals_statement(first: date, following: date) -> Select[tuple[int, int, int, int]]:
    """ONE grouped pass over the month's orders: a range on ix_orders_order_date.

    SQLite then groups the month's rows in a temporary b-tree; the test checks the plan,
    because walking ix_orders_customer_date instead would read every order ever made.
    """
    counted = counts_toward_limit()
    over = Order.status == OrderStatus.CANCELLED_OVER_LIMIT.value
    return (
        select(
            Order.customer_id,
            func.sum(case((counted, Order.total_yen), else_=0)),
            func.count(case((counted, 1))),
            func.count(case((over, 1))),
        )
        .where(ordered_between(first, following))
        .group_by(Order.customer_id)
    )


def limit_in_force(
    current_yen: int, changes: Iterable[tuple[date, int, int]], day: date
) -> int:
    """The limit on ``day`` from the change log (changed_on, old, new) in date order.

    The log records every exception to "not changed after joining" (FAQ): the first
    change after ``day`` says what the limit was before it; with none, the current one.
    """
    for changed_on, old_yen, _new_yen in changes:
        if changed_on > day:
            return old_yen
    return current_yen


def limit_change_log(connection: Connection) -> dict[int, list[tuple[date, int, int]]]:
    """The limit-change log by customer, each in date order, for limit_in_force. Read whole:
    it holds only the exceptions to "not changed after joining" (FAQ), a small table."""
    rows = connection.execute(
        select(
            LimitChange.customer_id,
            LimitChange.changed_on,
            LimitChange.old_yen,
            LimitChange.new_yen,
        ).order_by(LimitChange.customer_id, LimitChange.changed_on, LimitChange.id)
    )
    by_customer: dict[int, list[tuple[date, int, int]]] = {}
    for customer_id, changed_on, old_yen, new_yen in rows:
        by_customer.setdefault(customer_id, []).append((changed_on, old_yen, new_yen))
    return by_customer


def month_usage(db: Database, month: date) -> MonthUsage:
    """Every customer in フリガナ order with the month's counted total and order counts.

    One grouped query for the totals, one read of the customers (id, names, limit) and
    one of the small limit-change log; merged here.
    """
    with _collector_paused():
        return _month_usage(db, month)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building 100,000 rows of tuples makes the cyclic GC run full passes over every
    live object — ≈ 0.15 s of 0.5 s measured at 100,000 customers. Tuples of ints and
    strings hold no cycles, so collecting can wait until they are built."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _month_usage(db: Database, month: date) -> MonthUsage:
    first, following = month_bounds(month)
    last = following - timedelta(days=1)
    # Core rows through the session's connection: the ORM's per-row loading costs more
    # than the query at 100,000 customers, and these are plain columns anyway.
    with db.unit_of_work() as session:
        connection = session.connection()
        totals = {
            customer_id: (int(total), counted, over)
            for customer_id, total, counted, over in connection.execute(
                _totals_statement(first, following)
            ).all()
        }
        # Read in id order (a sequential scan) and sorted here: walking the フリガナ index
        # looks every row up at random and took twice as long at 100,000 customers.
        customers = connection.execute(
            select(
                Customer.id, Customer.name, Customer.name_kana, Customer.monthly_limit_yen
            ).order_by(Customer.id)
        ).all()
        logs = limit_change_log(connection)
    if not customers:
        return MonthUsage(first, (), (), (), (), (), (), ())
    customers.sort(key=itemgetter(2))  # stable: equal フリガナ stay in id order
    ids, names, kana, limits = zip(*customers, strict=True)
    if logs:
        limits = tuple(
            limit_in_force(limit, logs[cid], last) if cid in logs else limit
            for cid, limit in zip(ids, limits, strict=True)
        )
    none = (0, 0, 0)
    month_totals, counted, over = zip(*(totals.get(cid, none) for cid in ids), strict=True)
    return MonthUsage(first, ids, names, kana, limits, month_totals, counted, over)


@dataclass(frozen=True)
class MonthOrders:
    """One customer's orders of one month that matter to the limit."""

    counted: tuple[OrderRecord, ...]
    cancelled_over_limit: tuple[OrderRecord, ...]


def month_orders(db: Database, customer_id: int, month: date) -> MonthOrders:
    """The orders that count (by order date) and the ones cancelled for the limit."""
    first, following = month_bounds(month)
    relevant = (Order.status == OrderStatus.CANCELLED_OVER_LIMIT.value) | counts_toward_limit()
    with db.unit_of_work() as session:
        rows = session.scalars(
            select(Order)
            .where(Order.customer_id == customer_id, ordered_between(first, following), relevant)
            .order_by(Order.order_date, Order.id)
        )
        records = [record_of(row) for row in rows]
    over = OrderStatus.CANCELLED_OVER_LIMIT.value
    return MonthOrders(
        counted=tuple(r for r in records if r.status != over),
        cancelled_over_limit=tuple(r for r in records if r.status == over),
    )
