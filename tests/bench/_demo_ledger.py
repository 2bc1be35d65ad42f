"""What bench_limits.py and bench_purchases.py share: the 100,000-customer demo ledger,
built once and reused, its command-line options, and a median timer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_DB = Path("/tmp/kaunet-bench.sqlite")


def ensure_database(path: Path, customers: int, orders: int) -> None:
    if path.exists():
        print(f"reusing {path}")
        return
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    print(f"building {path} ({customers:,} customers, {orders:,} orders)…", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kaunet_desk", "demo", "--db", str(building),
         "--customers", str(customers), "--orders", str(orders)],
        check=True,
    )
    if path.exists():  # someone else finished first: keep theirs
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    else:
        os.replace(building, path)
    print(f"built in {time.perf_counter() - started:.0f} s")


def timed(work: Callable[[], object], rounds: int) -> tuple[float, object]:
    """Median milliseconds over ``rounds`` runs, and the last result."""
    times: list[float] = []
    result: object = None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def scale_parser(description: str) -> argparse.ArgumentParser:
    """The options every scale benchmark takes: the ledger, its size, how many rounds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    return parser
