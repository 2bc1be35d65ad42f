"""Benchmark of the 購入履歴 tab at 100,000 customers / 1,000,000 orders (not a test).

    /work/venv/bin/python tests/bench/bench_purchases.py [--db /tmp/kaunet-bench.sqlite]

Builds the demo database once if it is missing (``kaunet-desk demo --customers 100000
--orders 1000000``, into a temporary name then renamed, so a build another engineer runs at
the same time is not clobbered) and reuses it afterwards. Prints, as medians over rounds:
the id queries and a page of rows (service level, with their query plans), and through
the real tab offscreen: opening it for all customers and for one customer (attach or pick →
first rows painted) and scrolling to the end.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _demo_ledger import ensure_database, scale_parser, timed


def busiest_customer(db: object) -> tuple[int, int]:
    from sqlalchemy import text

    with db.engine.connect() as connection:  # type: ignore[attr-defined]
        row = connection.execute(text(
            "SELECT customer_id, count(*) FROM orders GROUP BY customer_id "
            "ORDER BY 2 DESC LIMIT 1"
        )).one()
    return int(row[0]), int(row[1])


def query_plan(db: object, customer_id: int | None, first: date, last: date) -> str:
    from kaunet_desk.store.services.purchase_history import ids_statement

    statement = ids_statement(customer_id, first, last)
    compiled = statement.compile(dialect=db.engine.dialect)  # type: ignore[attr-defined]
    params = tuple(
        v.isoformat() if isinstance(v, date) else v
        for v in (compiled.params[k] for k in compiled.positiontup or ())
    )
    with db.engine.connect() as connection:  # type: ignore[attr-defined]
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params).all()
    return "; ".join(str(r[-1]) for r in rows)


def bench_services(db: object, customer_id: int, today: date, rounds: int) -> None:
    from kaunet_desk.domain import history_window
    from kaunet_desk.store.services.purchase_history import history_ids, history_rows
    from kaunet_desk.store.services.rates import load_rates

    first, last = history_window(today)
    print(f"\nwindow {first} – {last}")
    for label, who in (("all customers", None), (f"customer {customer_id}", customer_id)):
        ms, ids = timed(lambda who=who: history_ids(db, who, first, last), rounds)  # type: ignore[misc]
        assert isinstance(ids, list)
        print(f"history_ids {label:>18}: {ms:7.1f} ms  {len(ids):>9,} ids")
        print(f"  plan: {query_plan(db, who, first, last)}")
    ids = history_ids(db, None, first, last)
    rates = load_rates(db)
    ms, _rows = timed(lambda: history_rows(db, ids[:200], rates=rates), rounds)
    print(f"history_rows first page (200): {ms:6.1f} ms")
    ms, _rows = timed(lambda: history_rows(db, ids[-200:], rates=rates), rounds)
    print(f"history_rows last page (200):  {ms:6.1f} ms")
    ms, _rates = timed(lambda: load_rates(db), rounds)
    print(f"load_rates:                    {ms:6.1f} ms")


def bench_tab(db: object, customer_id: int, today: date, rounds: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kaunet_desk.store.services.customer_list import customer_rows
    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.background import Background
    from kaunet_desk.ui.purchases.view import PurchasesTab

    app = make_application()
    settings = QSettings(str(Path("/tmp") / "bench-purchases.ini"), QSettings.Format.IniFormat)
    customer = customer_rows(db, [customer_id])[customer_id]  # type: ignore[arg-type]

    def wait_loaded(tab: PurchasesTab) -> None:
        while tab.is_loading():
            app.processEvents()
            time.sleep(0.0005)

    def wait_first_rows(tab: PurchasesTab) -> None:
        while tab.model.rowCount() == 0 and tab.is_loading():
            app.processEvents()
            time.sleep(0.0005)

    def paint(tab: PurchasesTab) -> None:
        """Until the rows are on screen: a paint is what fetches the pages it shows."""
        fetched = tab.model.pages_fetched
        app.processEvents()
        if tab.model.pages_fetched == fetched:
            tab.view.viewport().repaint()

    opened: list[float] = []
    all_ids: list[float] = []
    attach_returned: list[float] = []
    one_customer: list[float] = []
    scrolled: list[float] = []
    back_to_top: list[float] = []
    rows = 0
    for _ in range(rounds):
        background = Background()
        tab = PurchasesTab(background, settings)
        tab.clock = lambda: today
        tab.resize(1280, 760)
        tab.show()
        app.processEvents()

        started = time.perf_counter()
        tab.attach(db)  # type: ignore[arg-type]
        attach_returned.append((time.perf_counter() - started) * 1000)
        wait_first_rows(tab)
        paint(tab)
        opened.append((time.perf_counter() - started) * 1000)
        wait_loaded(tab)
        all_ids.append((time.perf_counter() - started) * 1000)
        rows = tab.model.rowCount()

        started = time.perf_counter()
        tab.view.scrollToBottom()
        paint(tab)
        scrolled.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        tab.view.scrollToTop()
        paint(tab)
        back_to_top.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        tab.picker.set_customer(customer)
        wait_first_rows(tab)
        paint(tab)
        wait_loaded(tab)
        one_customer.append((time.perf_counter() - started) * 1000)
        background.wait()
        tab.close()
        tab.deleteLater()
        QApplication.processEvents()

    print(f"\ntab, all customers ({rows:,} rows), attach → first rows painted: "
          f"median {statistics.median(opened):.0f} ms, first round {opened[0]:.0f} ms "
          f"(attach returns in {statistics.median(attach_returned):.1f} ms); "
          f"all ids in: {statistics.median(all_ids):.0f} ms")
    print(f"tab, one customer ({customer.name}), pick → first rows painted: "
          f"median {statistics.median(one_customer):.0f} ms")
    print(f"tab, scroll to the end and paint: median {statistics.median(scrolled):.0f} ms; "
          f"back to the top: {statistics.median(back_to_top):.0f} ms")


def main() -> int:
    parser = scale_parser(__doc__.splitlines()[0])
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the day the window is computed from (default: today)")
    args = parser.parse_args()

    ensure_database(args.db, args.customers, args.orders)
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.services.orders import count_orders

    db = Database.open(args.db)
    today = args.today or date.today()
    print(f"{count_orders(db):,} orders; today {today}")
    customer_id, orders = busiest_customer(db)
    print(f"busiest customer {customer_id} ({orders:,} orders in all)")
    bench_services(db, customer_id, today, args.rounds)
    bench_tab(db, customer_id, today, args.rounds)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
