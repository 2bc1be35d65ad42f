"""購入履歴: the real tab offscreen vs the same queries through sqlite3 directly.

The tab (all customers, the default 6-month window ending on the demo's day): attach →
first rows painted; → every id of the window loaded; scroll to the end → last rows
painted. Once per fresh process: the first open of the tab is what the clerk waits for
(Babel's locale data and the holiday tables load then too).

The raw baseline runs the statements the service runs (ids_statement with and without its
LIMIT, and the page query of history_rows) on a fresh sqlite3 connection: the first page
(ids + rows), all ids, the last page.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from _sql import EXPANDING, compiled, digest, run_in

PAGE = 200


def _statements(today: date) -> dict[str, Any]:
    from sqlalchemy import bindparam, select

    from kaunet_desk.domain import history_window
    from kaunet_desk.store.models import Customer, KaunetAccount, Order
    from kaunet_desk.store.services import purchase_history

    first, last = history_window(today)
    ids = purchase_history.ids_statement(None, first, last)
    rows = (  # as history_rows builds it
        select(*purchase_history._ROW_COLUMNS)
        .join(Customer, Customer.id == Order.customer_id)
        .join(KaunetAccount, KaunetAccount.id == Order.kaunet_account_id)
        .where(Order.id.in_(bindparam("ids", expanding=True)))
    )
    rows_sql, _ = compiled(rows, postcompile=False)
    assert EXPANDING in rows_sql, rows_sql
    return {"window": [first.isoformat(), last.isoformat()], "ids": compiled(ids),
            "head": compiled(ids.limit(PAGE)), "rows": rows_sql}


def raw(db: str, today: str) -> dict[str, Any]:
    import sqlite3

    plan = _statements(date.fromisoformat(today))
    connection = sqlite3.connect(db)
    try:
        def page(ids: list[int]) -> list[Any]:
            return connection.execute(run_in(plan["rows"], ids), ids).fetchall()

        started = time.perf_counter()
        head = [r[0] for r in connection.execute(*plan["head"])]
        page(head)
        first_rows = time.perf_counter()
        ids = [r[0] for r in connection.execute(*plan["ids"])]
        all_ids = time.perf_counter()
        page(ids[-PAGE:])
        last_page = time.perf_counter()
    finally:
        connection.close()
    return {"first_rows_ms": (first_rows - started) * 1000,
            "all_ids_ms": (all_ids - first_rows) * 1000,
            "scroll_end_ms": (last_page - all_ids) * 1000,
            "rows": len(ids), "window": plan["window"], "head_digest": digest(head)}


def app(db: str, today: str, timeout_s: float = 120) -> dict[str, Any]:
    from _qt_wait import until, until_painted
    from PySide6.QtCore import QSettings

    import kaunet_desk.ui  # noqa: F401  # the PySide6 6.12 refcount workaround, as the app
    from kaunet_desk.store.database import Database
    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.background import Background
    from kaunet_desk.ui.purchases.view import PurchasesTab

    application = make_application()
    folder = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(folder.name) / "bench.ini"), QSettings.Format.IniFormat)
    database = Database.open(db)  # the migration check, outside the timing
    background = Background()
    tab = PurchasesTab(background, settings)
    tab.set_today(date.fromisoformat(today))
    tab.resize(1280, 760)
    tab.show()
    application.processEvents()
    viewport = tab.view.viewport()
    model = tab.model

    started = time.perf_counter()
    first_rows = until_painted(viewport, lambda: tab.attach(database),
                               lambda: model.rowCount() > 0 and model.pages_fetched > 0,
                               timeout_s)
    until(lambda: not tab.is_loading(), timeout_s)
    all_ids = (time.perf_counter() - started) * 1000 - first_rows
    bar = tab.view.verticalScrollBar()
    fetched = model.pages_fetched
    scroll_end = until_painted(
        viewport, tab.view.scrollToBottom,
        lambda: bar.value() == bar.maximum() and model.pages_fetched > fetched, timeout_s)
    first, last = tab.months.bounds()
    result = {"first_rows_ms": first_rows, "all_ids_ms": all_ids, "scroll_end_ms": scroll_end,
              "rows": model.rowCount(), "window": [first.isoformat(), last.isoformat()],
              "head_digest": digest(model.ids()[:PAGE])}
    background.wait()
    tab.close()
    database.close()
    folder.cleanup()
    return result
