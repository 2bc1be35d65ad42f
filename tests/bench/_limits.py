"""月間購入上限: every customer's total of one month, ``monthly_limits.month_usage`` vs the
same SQL through sqlite3 directly.

The service runs three statements — the grouped totals of the month's orders (one pass
over ix_orders_order_date), the customers (id, names, limit) and the limit-change log —
and merges them into columns in フリガナ order. The baseline runs the same three
statements and fetches their rows (its JSON also gives the grouped query alone). Each
child times ``calls`` calls; the first one is on a cold connection.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from typing import Any

from _sql import compiled, digest


def _statements(month: date) -> dict[str, tuple[str, list[Any]]]:
    from sqlalchemy import select

    from kaunet_desk.store.models import Customer, LimitChange
    from kaunet_desk.store.services.monthly_limits import _totals_statement
    from kaunet_desk.store.services.orders import month_bounds

    first, following = month_bounds(month)
    return {  # as _month_usage builds them
        "totals": compiled(_totals_statement(first, following)),
        "customers": compiled(select(
            Customer.id, Customer.name, Customer.name_kana, Customer.monthly_limit_yen
        ).order_by(Customer.id)),
        "changes": compiled(select(
            LimitChange.customer_id, LimitChange.changed_on, LimitChange.old_yen,
            LimitChange.new_yen,
        ).order_by(LimitChange.customer_id, LimitChange.changed_on, LimitChange.id)),
    }


def raw(db: str, month: str, calls: int = 3) -> dict[str, Any]:
    import sqlite3

    plan = _statements(date.fromisoformat(month))
    connection = sqlite3.connect(db)
    times: list[float] = []
    grouped: list[float] = []
    totals: list[Any] = []
    customers = 0
    try:
        for _ in range(calls):
            started = time.perf_counter()
            totals = connection.execute(*plan["totals"]).fetchall()
            middle = time.perf_counter()
            customers = len(connection.execute(*plan["customers"]).fetchall())
            connection.execute(*plan["changes"]).fetchall()
            times.append((time.perf_counter() - started) * 1000)
            grouped.append((middle - started) * 1000)
    finally:
        connection.close()
    return {"ms": statistics.median(times), "first_call_ms": times[0],
            "grouped_only_ms": statistics.median(grouped), "customers": customers,
            "totals_digest": digest(sorted((int(r[0]), int(r[1])) for r in totals if r[1]))}


def app(db: str, month: str, calls: int = 3) -> dict[str, Any]:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.services.monthly_limits import month_usage

    database = Database.open(db)
    times: list[float] = []
    usage: Any = None
    try:
        for _ in range(calls):
            started = time.perf_counter()
            usage = month_usage(database, date.fromisoformat(month))
            times.append((time.perf_counter() - started) * 1000)
    finally:
        database.close()
    pairs = sorted((cid, total) for cid, total in zip(
        usage.customer_ids, usage.totals_yen, strict=True) if total)
    return {"ms": statistics.median(times), "first_call_ms": times[0],
            "customers": len(usage), "totals_digest": digest(pairs)}
