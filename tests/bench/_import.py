"""CSV import of every order of the ledger: the app's importer vs raw executemany.

Reuses tests/bench/bench_import.py (the importer's own benchmark): its ``prepare`` exports
the demo's orders with ``kaunet-desk export orders`` (cp932, what a clerk re-imports) and
makes a copy of the ledger with the orders emptied; ``measure_import`` times
``kaunet_desk.transfer.importer.import_file`` (decode, parse, check every row, refuse
duplicates, bulk insert in one transaction); ``measure_raw`` times ``sqlite3.executemany``
of the same rows already parsed into tuples (parsing untimed). Each runs in its own child
on its own fresh copy of the empty ledger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def prepare(db: str, work: str, rows: int) -> dict[str, Any]:
    import bench_import

    Path(work).mkdir(parents=True, exist_ok=True)
    bench_import.WORK = Path(work)  # one folder per demo ledger: its cache stamp is per file
    csv_path, empty = bench_import.prepare(Path(db), rows)
    return {"csv": str(csv_path), "empty": str(empty)}


def app(csv: str, target: str) -> dict[str, Any]:
    import bench_import

    return bench_import.measure_import(Path(csv), Path(target))


def raw(csv: str, target: str) -> dict[str, Any]:
    import bench_import

    return bench_import.measure_raw(Path(csv), Path(target))
