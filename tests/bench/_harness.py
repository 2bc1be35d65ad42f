"""The parent side of tests/bench/run.py: children, statistics, the cached demo ledger.

The parent stays small on purpose. On Linux a child's ``ru_maxrss`` starts from the peak
of the process it was forked from (the old address space is folded in at exec), so a
parent that had loaded the ledger would inflate every figure of peak memory. Here only
the standard library is imported; all measuring happens in children (tests/bench/_child.py).
"""

from __future__ import annotations

import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parents[1]
CHILD = BENCH_DIR / "_child.py"
TODAY = date(2026, 11, 22)  # the day the demo is built around: windows and months are fixed
SEED = 1
DEFAULT_CACHE = Path.home() / ".cache" / "kaunet-desk-bench"
RESULT_MARK = "BENCH-RESULT "  # the line of a child's stdout that carries its JSON
MB = 1024 * 1024


class ChildFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class ChildRun:
    data: dict[str, Any]
    peak_mb: float  # ru_maxrss of the child's whole life, from wait4
    seconds: float  # launch → reaped


def run_child(
    task: str,
    args: dict[str, Any],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 900,
) -> ChildRun:
    """``python _child.py TASK ARGS`` in a fresh interpreter; its JSON and its own peak RSS.

    KAUNET_BENCH_T0 is the launch instant on CLOCK_MONOTONIC (shared by every process on
    Linux), so a child can tell how long it took from launch to its first paint.
    """
    child_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child_env["KAUNET_BENCH_T0"] = str(time.monotonic_ns())
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(CHILD), task, json.dumps(args)],
            stdout=out, stderr=err, env=child_env, cwd=ROOT,
        )
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            # wait4, not wait: the rusage of this child alone (RUSAGE_CHILDREN is the
            # maximum over every child reaped so far).
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    results = [line[len(RESULT_MARK):] for line in stdout.splitlines()
               if line.startswith(RESULT_MARK)]
    if process.returncode != 0 or not results:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-25:])
        raise ChildFailed(f"{task} exited with {process.returncode}:\n{tail}")
    return ChildRun(json.loads(results[-1]), usage.ru_maxrss / 1024, seconds)


# -- statistics -------------------------------------------------------------------------
def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1): an observed value, not an interpolation."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return float(ordered[rank - 1])


# -- the demo ledger ---------------------------------------------------------------------
def demo_path(cache: Path, customers: int, orders: int) -> Path:
    return cache / f"demo-{customers}-{orders}-seed{SEED}.sqlite"


def _counts(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
        orders = connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        connection.close()
    return int(customers), int(orders)


def _kaunet_desk(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "kaunet_desk", *args], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"kaunet-desk {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def ensure_demo(cache: Path, customers: int, orders: int) -> tuple[Path, str]:
    """The demo ledger of this shape, built once (into a temporary name, then renamed, so
    two runs never see half a file) and migrated to the current schema on every run."""
    cache.mkdir(parents=True, exist_ok=True)
    path = demo_path(cache, customers, orders)
    how = "reused"
    if not path.exists():
        building = path.with_name(f"{path.name}.building-{os.getpid()}")
        started = time.perf_counter()
        try:
            _kaunet_desk("demo", "--db", str(building), "--customers", str(customers),
                          "--orders", str(orders), "--seed", str(SEED),
                          "--today", TODAY.isoformat(), "--force")
            _kaunet_desk("db", "upgrade", "--db", str(building))
            os.replace(building, path)
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{building}{suffix}").unlink(missing_ok=True)
        how = f"built in {time.perf_counter() - started:.0f} s"
    # A migration added since the file was built would otherwise run inside a timing.
    _kaunet_desk("db", "upgrade", "--db", str(path))
    have = _counts(path)
    if have != (customers, orders):
        raise SystemExit(f"{path} holds {have[0]:,} customers / {have[1]:,} orders, "
                         f"not {customers:,} / {orders:,}: delete it")
    return path, how


def copy_ledger(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


# -- the machine --------------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _version(*distributions: str) -> str:
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "?"


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": round(_ram_gb(), 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials", "PySide6"),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": _version("SQLAlchemy"),
        "reportlab": _version("reportlab"),
        "load_average_at_start": [round(x, 2) for x in load],
    }
