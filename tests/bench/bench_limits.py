"""Benchmark of the 月間購入上限 tab at 100,000 customers / 1,000,000 orders (not a test).

    /work/venv/bin/python tests/bench/bench_limits.py [--db /tmp/kaunet-bench.sqlite]

Builds the demo database once if it is missing (``kaunet-desk demo --customers 100000
--orders 1000000``, into a temporary name then renamed, so a build another engineer runs at
the same time is not clobbered) and reuses it afterwards; it only reads it. Prints medians
over rounds: the one grouped query of a month's totals (with its plan), the whole
month_usage service, the levels, and through the real tab offscreen: attach → rows shown,
another month, a new warning share, a filter switch.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _demo_ledger import ensure_database, scale_parser, timed


def latest_month(db: object) -> date:
    from sqlalchemy import text

    with db.engine.connect() as connection:  # type: ignore[attr-defined]
        latest = connection.execute(text("SELECT max(order_date) FROM orders")).scalar_one()
    return date.fromisoformat(str(latest)).replace(day=1)


def bench_services(db: object, month: date, rounds: int) -> None:
    from kaunet_desk.domain.months import add_months
    from kaunet_desk.store.services.monthly_limits import (
        _totals_statement,
        month_usage,
        office_warning_pct,
        usage_levels,
    )
    from kaunet_desk.store.services.orders import month_bounds

    first, following = month_bounds(month)
    statement = _totals_statement(first, following)
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})  # type: ignore[attr-defined]
    with db.engine.connect() as connection:  # type: ignore[attr-defined]
        plan = "; ".join(
            str(r[-1]) for r in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        )

        def grouped() -> list[object]:
            return list(connection.execute(statement).all())

        ms, rows = timed(grouped, rounds)
    assert isinstance(rows, list)
    print(f"\ngrouped totals of {month:%Y-%m} (one query): {ms:6.1f} ms, "
          f"{len(rows):,} customers with orders")
    print(f"  plan: {plan}")
    for m in (month, add_months(month, -1), add_months(month, -6)):
        ms, usage = timed(lambda m=m: month_usage(db, m), rounds)  # type: ignore[misc, arg-type]
        print(f"month_usage {m:%Y-%m} (totals + every customer + limit log): {ms:6.1f} ms, "
              f"{len(usage):,} rows")  # type: ignore[arg-type]
    usage = month_usage(db, month)  # type: ignore[arg-type]
    pct = office_warning_pct(db, month)  # type: ignore[arg-type]
    ms, levels = timed(lambda: usage_levels(usage, pct), rounds)
    near = sum(1 for level in levels if level == "near")  # type: ignore[union-attr]
    reached = sum(1 for level in levels if level == "reached")  # type: ignore[union-attr]
    print(f"usage_levels at {pct} %: {ms:6.1f} ms ({near:,} 注意, {reached:,} 上限到達)")


def bench_tab(db: object, month: date, rounds: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.background import Background
    from kaunet_desk.ui.limits.model import LimitFilter
    from kaunet_desk.ui.limits.view import LimitsTab
    from kaunet_desk.ui.limits.warning_share import THRESHOLD_DELAY_MS

    app = make_application()
    settings_path = Path("/tmp") / f"bench-limits-{os.getpid()}.ini"
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)

    def until_loaded(tab: LimitsTab, action: Callable[[], None]) -> float:
        done: list[bool] = []
        tab.loaded.connect(lambda: done.append(True))
        started = time.perf_counter()
        action()
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()  # paint
        elapsed = (time.perf_counter() - started) * 1000
        tab.loaded.disconnect()
        return elapsed

    opened: list[float] = []
    previous: list[float] = []
    relevel: list[float] = []
    filtered: list[float] = []
    for index in range(rounds):
        background = Background()
        tab = LimitsTab(background, settings)
        tab.set_today(month)
        tab.resize(1280, 760)
        tab.show()
        app.processEvents()
        opened.append(until_loaded(tab, lambda tab=tab: tab.attach(db)))  # type: ignore[misc]
        previous.append(until_loaded(tab, lambda tab=tab: tab.month_picker.step(-1)))  # type: ignore[misc]
        pct = 70 + index % 2 * 5
        relevel.append(until_loaded(tab, lambda tab=tab, pct=pct: tab.warning.spin.setValue(pct)))  # type: ignore[misc]
        started = time.perf_counter()
        tab.filter_buttons[LimitFilter.NEAR].setChecked(True)
        tab.filter_buttons[LimitFilter.ALL].setChecked(True)
        app.processEvents()
        filtered.append((time.perf_counter() - started) * 1000)
        background.wait()
        tab.close()
        tab.deleteLater()
        QApplication.processEvents()
    settings_path.unlink(missing_ok=True)
    print(f"\ntab: attach → month shown: median {statistics.median(opened):.0f} ms "
          f"(first round {opened[0]:.0f} ms)")
    print(f"tab: previous month shown: median {statistics.median(previous):.0f} ms")
    print(f"tab: new warning share applied: median {statistics.median(relevel):.0f} ms "
          f"(of which {THRESHOLD_DELAY_MS} ms is the pause that lets the spin box settle)")
    print(f"tab: filter 注意 then すべて: median {statistics.median(filtered):.0f} ms")


def main() -> int:
    parser = scale_parser(__doc__.splitlines()[0])
    parser.add_argument("--month", type=date.fromisoformat, default=None,
                        help="YYYY-MM-DD in the month to measure (default: the latest with orders)")
    args = parser.parse_args()
    ensure_database(args.db, args.customers, args.orders)

    from kaunet_desk.store.database import Database

    db = Database.open(args.db)
    month = (args.month or latest_month(db)).replace(day=1)
    bench_services(db, month, args.rounds)
    bench_tab(db, month, args.rounds)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
