"""kill -9 in the middle of a 100,000-row import: the ledger is exactly as before."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kaunet_desk.store.database import Database
from tests.transfer.files import ORDER_HEADER, add_customer, order_row, table_digest, write_csv

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROWS = 100_000


def test_killed_import_leaves_the_ledger_untouched(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    db = Database.open(ledger)
    add_customer(db, ["K000000001", "K000000002"])
    db.close()
    rows = [order_row("K000000001" if n % 2 else "K000000002", str(n)) for n in range(ROWS)]
    path = write_csv(tmp_path / "orders.csv", ORDER_HEADER, rows)
    before = table_digest(ledger)
    wal = Path(f"{ledger}-wal")
    process = subprocess.Popen(
        [sys.executable, "-m", "kaunet_desk.transfer.cli", "import", "orders", str(path),
         "--db", str(ledger)],
        cwd=Path(__file__).resolve().parents[2], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Mid-import: the uncommitted transaction spills pages into the WAL as it grows.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if wal.exists() and wal.stat().st_size > 2_000_000:
                break
            time.sleep(0.005)
        if process.poll() is not None:
            pytest.fail("the import ended before it could be killed; raise ROWS")
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
    with sqlite3.connect(ledger) as connection:  # recovery happens on this open
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM orders").fetchone() == (0,)
    assert table_digest(ledger) == before
    # And the ledger takes the same import afterwards.
    done = subprocess.run(
        [sys.executable, "-m", "kaunet_desk.transfer.cli", "import", "orders", str(path),
         "--db", str(ledger)], cwd=Path(__file__).resolve().parents[2], capture_output=True,
        text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    with sqlite3.connect(ledger) as connection:
        assert connection.execute("SELECT count(*) FROM orders").fetchone() == (ROWS,)
