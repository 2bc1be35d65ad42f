"""Customer search: ``customer_list.customer_ids`` vs its SQL through sqlite3 directly.

The queries are drawn from the ledger itself by bench_customer_search.draw_queries (1-,
2- and 3+-character Japanese substrings of names and フリガナ, typed as stored, in
hiragana or in half-width kana; phone-number prefixes), once per run, and both children
read them from the same file. Each query runs once untimed (what the page cache holds after
the previous keystroke) and then ``repeats`` times timed, wall and CPU time (the CPU time
shows what is ours when other jobs share the 2 cores).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from _sql import compiled, digest

CLASSES = {"1 文字": "1char", "2 文字": "2char", "3 文字以上": "3plus", "電話番号": "phone"}
# The empty query: the whole ledger in 五十音順, what the tab loads when it opens.
ALL_REPEATS = 5


def prepare(db: str, out: str, per_class: int = 40) -> dict[str, Any]:
    import bench_customer_search
    from sqlalchemy import select

    from kaunet_desk.domain import search_key
    from kaunet_desk.store.models import Customer
    from kaunet_desk.store.services.customer_list import matches

    bench_customer_search.PER_CLASS = per_class
    drawn = bench_customer_search.draw_queries(Path(db))
    queries = {CLASSES[label]: [[q, search_key(q)] for q in sample]
               for label, sample in drawn.items()}
    queries["all"] = [["", ""]]
    # As customer_ids builds it (the key is the first parameter).
    ordered = select(Customer.id).order_by(Customer.name_kana, Customer.id)
    match_sql, match_params = compiled(ordered.where(matches("?", sqlite=True)))
    all_sql, _ = compiled(ordered)
    plan = {"queries": queries, "match_sql": match_sql, "match_params": match_params,
            "all_sql": all_sql}
    Path(out).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return {"queries": {k: len(v) for k, v in queries.items()}}


def _measure(plan_path: str, repeats: int, run: Any) -> dict[str, Any]:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    result: dict[str, Any] = {}
    for name, items in plan["queries"].items():
        times: list[float] = []
        cpu: list[float] = []
        digests: list[str] = []
        hits: list[int] = []
        for query, key in items:
            found = run(plan, query, key)  # untimed warm-up
            for _ in range(ALL_REPEATS * repeats if name == "all" else repeats):
                started, used = time.perf_counter(), time.process_time()
                found = run(plan, query, key)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - used) * 1000)
            digests.append(digest(found))
            hits.append(len(found))
        result[name] = {"times_ms": times, "cpu_ms": cpu, "digest": digest(digests),
                        "mean_hits": round(statistics.fmean(hits))}
    return result


def app(db: str, plan: str, repeats: int) -> dict[str, Any]:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.services.customer_list import customer_ids

    database = Database.open(db)
    try:
        return _measure(plan, repeats, lambda _plan, query, _key: customer_ids(database, query))
    finally:
        database.close()


def raw(db: str, plan: str, repeats: int) -> dict[str, Any]:
    import sqlite3

    connection = sqlite3.connect(db)

    def run(p: dict[str, Any], _query: str, key: str) -> list[int]:
        if not key:
            return [row[0] for row in connection.execute(p["all_sql"])]
        params = [key, *p["match_params"][1:]]
        return [row[0] for row in connection.execute(p["match_sql"], params)]

    try:
        return _measure(plan, repeats, run)
    finally:
        connection.close()
