"""Benchmark of the お客さま tab's incremental search at 100,000 customers (not a test).

    /work/venv/bin/python tests/bench/bench_customer_search.py [--db PATH] [--customers N]

Builds the demo ledger once (kaunet_desk.demo.build_demo, no orders) or reuses the file,
then times ``customer_list.customer_ids`` — the whole service call a keystroke makes — for
queries drawn from the data itself: 1-, 2- and 3+-character Japanese substrings of names
and フリガナ (typed as hiragana or half-width kana half of the time) and phone numbers.
It also times the alternatives that were not chosen, on a raw connection:
  * the plan before migration 0002 (walk ix_customers_name_kana_id, look up each row),
  * FTS5 trigram for 3+ characters (a TEMP table, so the file is not changed),
and checks that FTS5 and the scan return the same ids for 3+ characters.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path

import jaconv

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kaunet_desk.domain import search_key  # noqa: E402
from kaunet_desk.store.database import Database  # noqa: E402
from kaunet_desk.store.services.customer_list import count_customers, customer_ids  # noqa: E402

DEFAULT_DB = Path("/tmp/kaunet-bench/customers-100k.sqlite")
REPEATS = 3  # each query is timed this many times (after one warm-up run)
PER_CLASS = 40  # queries per class


def ensure_database(path: Path, customers: int) -> Database:
    db = Database.open(path)
    have = count_customers(db)
    if have >= customers:
        print(f"reusing {path} ({have:,} customers)")
        return db
    if have:
        raise SystemExit(f"{path} holds {have:,} customers, fewer than {customers:,}: delete it")
    from kaunet_desk.demo import build_demo

    print(f"building {customers:,} demo customers in {path} …", flush=True)
    started = time.perf_counter()
    build_demo(db, customers=customers, orders=0, seed=1)
    print(f"built in {time.perf_counter() - started:.1f} s")
    return db


def _variant(rng: random.Random, text: str) -> str:
    """How a clerk might type it: as stored, in hiragana, or in half-width kana."""
    roll = rng.random()
    if roll < 0.25:
        return jaconv.kata2hira(text)
    if roll < 0.5:
        return jaconv.z2h(text, kana=True, ascii=False, digit=False)
    return text


def draw_queries(path: Path, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    with closing(sqlite3.connect(path)) as conn:
        (top,) = conn.execute("SELECT MAX(id) FROM customers").fetchone()
        ids = [rng.randint(1, top) for _ in range(PER_CLASS * 4)]
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT name, name_kana, phone FROM customers WHERE id IN ({marks})", ids
        ).fetchall()
    rng.shuffle(rows)
    queries: dict[str, list[str]] = {"1 文字": [], "2 文字": [], "3 文字以上": [], "電話番号": []}
    for name, kana, phone in rows:
        for label, size in (("1 文字", 1), ("2 文字", 2), ("3 文字以上", rng.randint(3, 5))):
            source = rng.choice((name, kana))
            if len(source) < size:
                continue
            start = rng.randrange(len(source) - size + 1)
            queries[label].append(_variant(rng, source[start : start + size]))
        digits = phone.replace("-", "")
        cut = rng.choice((4, 6, len(digits)))
        queries["電話番号"].append(phone[: cut + phone[:cut].count("-")] if cut else phone)
    return {label: qs[:PER_CLASS] for label, qs in queries.items()}


def time_ms(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def measure(queries: Sequence[str], run: Callable[[str], Sequence[int]]) -> tuple[list[float], int]:
    times: list[float] = []
    hits = 0
    for query in queries:
        run(query)  # warm-up: what the page cache holds after the previous keystroke
        for _ in range(REPEATS):
            ms, result = time_ms(lambda q=query: run(q))
            times.append(ms)
        hits += len(result)  # type: ignore[arg-type]
    return times, hits // max(len(queries), 1)


def p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(label: str, times: list[float], mean_hits: int) -> None:
    print(
        f"  {label:<12} p50 {p(times, 0.5):6.1f} ms   p95 {p(times, 0.95):6.1f} ms   "
        f"max {max(times):6.1f} ms   (≈{mean_hits:,} hits/query, n={len(times)})"
    )


def old_plan(conn: sqlite3.Connection) -> Callable[[str], list[int]]:
    sql = (
        "SELECT id FROM customers INDEXED BY ix_customers_name_kana_id "
        "WHERE instr(search_text, ?) > 0 ORDER BY name_kana, id"
    )
    return lambda q: [r[0] for r in conn.execute(sql, (search_key(q),))]


def fts_plan(conn: sqlite3.Connection) -> Callable[[str], list[int]]:
    started = time.perf_counter()
    conn.execute("DROP TABLE IF EXISTS temp.customers_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.customers_fts USING fts5(search_text, tokenize='trigram')"
    )
    conn.execute(
        "INSERT INTO temp.customers_fts(rowid, search_text) SELECT id, search_text FROM customers"
    )
    print(f"  (FTS5 trigram index built in {time.perf_counter() - started:.1f} s)")
    sql = (
        "SELECT id FROM customers WHERE id IN "
        "(SELECT rowid FROM temp.customers_fts WHERE customers_fts MATCH ?) ORDER BY name_kana, id"
    )

    def run(q: str) -> list[int]:
        phrase = '"' + search_key(q).replace('"', '""') + '"'
        return [r[0] for r in conn.execute(sql, (phrase,))]

    return run


def time_to_first_rows(db: Database, folder: Path, runs: int = 3) -> list[float]:
    """The tab attached to the ledger → rows painted, through the real event loop."""
    import ctypes
    import os

    # PySide6 6.12 on Python 3.11 leaks references to None (see tests/ui/customers/conftest.py).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from kaunet_desk.ui.background import Background
    from kaunet_desk.ui.customers.view import CustomersTab

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)
    times: list[float] = []
    for _ in range(runs):
        tab = CustomersTab(Background(), settings)
        tab.resize(1280, 800)
        tab.show()
        app.processEvents()
        loop = QEventLoop()
        tab.loader.loaded.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        started = time.perf_counter()
        tab.attach(db)
        loop.exec()
        tab.table.viewport().grab()  # paints the first page: fetches its rows
        times.append((time.perf_counter() - started) * 1000)
        assert tab.model.rowCount() and tab.model.pages_fetched, "no rows shown"
        tab.close()
        tab.deleteLater()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--no-alternatives", action="store_true")
    parser.add_argument("--cache-mb", type=int, default=0,
                        help="try a bigger SQLite page cache (PRAGMA cache_size) than the 2 MB "
                             "default, as database.py could set on connect")
    args = parser.parse_args()
    db = ensure_database(args.db, args.customers)
    if args.cache_mb:
        from sqlalchemy import event

        db.engine.dispose()
        event.listen(db.engine, "connect", lambda conn, _record: conn.execute(
            f"PRAGMA cache_size=-{args.cache_mb * 1024}"))
        print(f"PRAGMA cache_size = {args.cache_mb} MB")
    queries = draw_queries(args.db)
    print(f"SQLite {sqlite3.sqlite_version}; {REPEATS} timed runs per query after a warm-up")
    for label, sample in (("一覧 (全件)", [""]),):
        times, hits = measure(sample * 10, lambda q: customer_ids(db, q))
        report(label, times, hits)
    print("customer_list.customer_ids (chosen: substring scan over ix_customers_kana_search)")
    for label, sample in queries.items():
        times, hits = measure(sample, lambda q: customer_ids(db, q))
        report(label, times, hits)
    print("  examples:", {label: sample[:4] for label, sample in queries.items()})
    first = time_to_first_rows(db, args.db.parent)
    print("tab attached → first rows painted: "
          + ", ".join(f"{ms:.0f} ms" for ms in first) + " (budget 1,000 ms)")
    if args.no_alternatives:
        return
    with closing(sqlite3.connect(args.db)) as conn:
        print("before 0002: walk ix_customers_name_kana_id and look up every row")
        for label in ("1 文字", "3 文字以上"):
            times, hits = measure(queries[label][:10], old_plan(conn))
            report(label, times, hits)
        print("FTS5 trigram (3+ characters only)")
        fts = fts_plan(conn)
        long_queries = queries["3 文字以上"]
        times, hits = measure(long_queries, fts)
        report("3 文字以上", times, hits)
        disagree = [q for q in long_queries if fts(q) != customer_ids(db, q)]
        print(f"  FTS5 and the scan disagree on {len(disagree)} of {len(long_queries)} queries")
        short = [q for q in queries["2 文字"] if customer_ids(db, q)][:5]
        empty = sum(1 for q in short if not fts(q))
        print(f"  FTS5 returns nothing for {empty} of {len(short)} 2-character queries with hits")
    db.close()


if __name__ == "__main__":
    main()
