"""Benchmark: importing 1,000,000 orders from CSV vs raw sqlite3.executemany (not a test).

    /work/venv/bin/python tests/bench/bench_import.py [--db /tmp/kaunet-bench.sqlite]
        [--rows N] [--rounds R]

The goal (issue "data you can trust"): the import — decode, parse, check every row,
normalise, refuse duplicates, bulk insert in one transaction — at no less than a third of
the speed of raw ``sqlite3.executemany`` inserting the same rows already parsed into
tuples; beyond that, a half. Both insert into the same ledger (the demo's 100,000
customers, orders emptied) with the app's pragmas, each in a fresh copy, in its own
process (so the import's peak memory is its own).

Setup, cached under /tmp and rebuilt when the demo database changes: the demo's orders
exported with ``kaunet-desk export orders`` (cp932, what a clerk would re-import), and a
compact copy of the demo database with the orders table emptied. The demo database is only
read (built first if missing, as the other benches do).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DB = Path("/tmp/kaunet-bench.sqlite")
WORK = Path("/tmp/kaunet-bench-import")
ORDER_SQL = (
    "INSERT INTO orders (customer_id, kaunet_account_id, order_no, order_date, shipped_on, "
    "subtotal_10_yen, subtotal_8_yen, total_yen, points_used_yen, payment, other_dealer, "
    "dealer_name, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_PAYMENT = {"KDDI請求書": "kddi_invoice", "カード": "card"}
_STATUS = {"受注": "ordered", "発送済": "shipped", "キャンセル": "cancelled",
           "上限超過キャンセル": "cancelled_over_limit"}


def ensure_demo(path: Path) -> None:
    if path.exists():
        return
    print(f"building {path} (100,000 customers, 1,000,000 orders)…", flush=True)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    subprocess.run([sys.executable, "-m", "kaunet_desk", "demo", "--db", str(building),
                    "--customers", "100000", "--orders", "1000000"], check=True)
    if not path.exists():
        os.replace(building, path)


def _stamp(demo: Path, rows: int) -> str:
    info = demo.stat()
    return f"{demo}:{info.st_size}:{info.st_mtime_ns}:{rows}"


def prepare(demo: Path, rows: int) -> tuple[Path, Path]:
    """(orders CSV, empty-orders ledger), rebuilt only when the demo database changed."""
    WORK.mkdir(exist_ok=True)
    csv_path, empty = WORK / f"orders-{rows}.csv", WORK / "empty-orders.sqlite"
    stamp_path = WORK / f"stamp-{rows}"
    if stamp_path.exists() and stamp_path.read_text() == _stamp(demo, rows) and csv_path.exists() \
            and empty.exists():
        return csv_path, empty
    print("preparing the CSV and the empty ledger (once)…", flush=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kaunet_desk.transfer.cli", "export", "orders",
                    "--db", str(demo), "--out", str(WORK / "all-orders.csv")],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"  export of every order to cp932 CSV: {time.perf_counter() - started:.1f} s")
    with open(WORK / "all-orders.csv", "rb") as source, open(csv_path, "wb") as target:
        for number, line in enumerate(source):
            if number > rows:
                break
            target.write(line)
    empty.unlink(missing_ok=True)
    with sqlite3.connect(demo) as connection:
        connection.execute("VACUUM INTO ?", (str(empty),))
    with sqlite3.connect(empty) as connection:
        connection.execute("DELETE FROM orders")
    with sqlite3.connect(empty) as connection:
        connection.execute("VACUUM")
    stamp_path.write_text(_stamp(demo, rows))
    return csv_path, empty


def parsed_rows(csv_path: Path, target: Path) -> list[tuple]:
    """The CSV parsed straight into the tuples the insert takes (the baseline's input)."""
    with sqlite3.connect(target) as connection:
        accounts = {k: (a, c) for k, a, c in
                    connection.execute("SELECT kaunet_id, id, customer_id FROM kaunet_accounts")}
    rows = []
    with open(csv_path, encoding="cp932", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for r in reader:
            account_id, customer_id = accounts[r[0]]
            rows.append((customer_id, account_id, r[2], r[3].replace("/", "-"),
                         r[4].replace("/", "-") or None, int(r[5]), int(r[6]), int(r[7]),
                         int(r[8]), _PAYMENT[r[9]], r[10] == "はい", r[11], _STATUS[r[12]]))
    return rows


def measure_raw(csv_path: Path, target: Path) -> dict:
    rows = parsed_rows(csv_path, target)
    connection = sqlite3.connect(target)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        connection.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    connection.executemany(ORDER_SQL, rows)
    connection.commit()
    seconds = time.perf_counter() - started
    count = connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    connection.close()
    return {"seconds": seconds, "rows": count}


def measure_import(csv_path: Path, target: Path) -> dict:
    from kaunet_desk.store.database import Database
    from kaunet_desk.transfer.importer import import_file

    db = Database.open(target)  # migration check outside the timing
    started = time.perf_counter()
    result = import_file(db, "orders", csv_path)
    seconds = time.perf_counter() - started
    db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rows": result.imported, "problems": result.error_count,
            "peak_rss_mb": round(peak_mb)}


def run_child(kind: str, csv_path: Path, empty: Path) -> dict:
    target = WORK / f"target-{kind}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty, target)
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(csv_path), str(target)],
                         check=True, capture_output=True, text=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "CSV", "TARGET"))
    args = parser.parse_args()
    if args.child:
        kind, csv_path, target = args.child
        measure = measure_raw if kind == "raw" else measure_import
        print(json.dumps(measure(Path(csv_path), Path(target))))
        return
    ensure_demo(args.db)
    csv_path, empty = prepare(args.db, args.rows)
    size_mb = csv_path.stat().st_size / 1e6
    print(f"CSV: {csv_path} ({size_mb:.0f} MB, cp932)")
    raw_times, import_times = [], []
    last: dict = {}
    for number in range(args.rounds):
        raw = run_child("raw", csv_path, empty)
        ours = run_child("import", csv_path, empty)
        assert raw["rows"] == ours["rows"], (raw, ours)
        raw_times.append(raw["seconds"])
        import_times.append(ours["seconds"])
        last = ours
        print(f"round {number + 1}: raw executemany {raw['seconds']:.2f} s, "
              f"import {ours['seconds']:.2f} s ({ours['rows']:,} rows, "
              f"peak RSS {ours['peak_rss_mb']} MB), ratio {raw['seconds'] / ours['seconds']:.2f}",
              flush=True)
    raw_s, ours_s = statistics.median(raw_times), statistics.median(import_times)
    rows = last["rows"]
    print(f"median raw sqlite3.executemany of parsed tuples: {raw_s:.2f} s "
          f"({rows / raw_s:,.0f} rows/s)")
    print(f"median kaunet-desk import from CSV:              {ours_s:.2f} s "
          f"({rows / ours_s:,.0f} rows/s)")
    print(f"ratio (import speed / raw speed): {raw_s / ours_s:.2f} "
          f"(required ≥ 0.33, goal 0.50)")


if __name__ == "__main__":
    main()
