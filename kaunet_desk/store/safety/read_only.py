"""A read-only Database: for the second instance on a ledger another clerk has open.

SQLite opens the file with ``mode=ro``, so a write is refused by SQLite itself ("attempt to
write a readonly database", explained by ui.safety_messages) and the unit of work rolls
back. No migration runs: the instance that has the ledger open owns its schema.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL

from kaunet_desk.store.database import BUSY_TIMEOUT_MS, Database
from kaunet_desk.store.safety.file_check import read_only_uri


def _on_connect(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def open_read_only(path: Path) -> Database:
    """The ledger at ``path``, read-only. The URL still names the file (status bar, backup)."""
    uri = read_only_uri(Path(path))

    def connect() -> sqlite3.Connection:
        # check_same_thread off: pages are read from background threads, as with make_engine.
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)

    url = URL.create("sqlite+pysqlite", database=str(Path(path).absolute()))
    engine = create_engine(url, creator=connect)
    event.listen(engine, "connect", _on_connect)
    return Database(engine)
