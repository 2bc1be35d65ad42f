"""Backups and restore on real SQLite files."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store import backup
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import count_customers


def _add(db: Database, name: str) -> None:
    svc.create_customer(
        db,
        svc.CustomerDraft(
            name=name, name_kana="テスト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=1,
            phone="0312345678", email="t@example.jp",
        ),
    )


def test_backup_of_a_live_wal_database_holds_every_committed_row(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _add(db, "一")
    _add(db, "二")  # still in the WAL file, not yet checkpointed
    target = backup.backup_to(db_path, tmp_path / "b" / "copy.sqlite")
    assert backup.check_backup_file(target).ok
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM customers").fetchone()[0] == 2


def test_restore_refuses_a_corrupt_or_foreign_file_and_leaves_the_database(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _add(db, "一")
    db.close()
    before = db_path.read_bytes()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (x)")
    for bad in (garbage, foreign, tmp_path / "missing.sqlite"):
        with pytest.raises(backup.BackupError, match="現在のデータベースはそのまま"):
            backup.restore(bad, db_path, tmp_path / "safety")
        assert db_path.read_bytes() == before


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    _add(db, "一")
    saved = backup.backup_to(db_path, tmp_path / "saved.sqlite")
    _add(db, "二")
    db.close()
    safety = backup.restore(saved, db_path, tmp_path / "safety")
    assert count_customers(Database.open(db_path)) == 1
    assert safety is not None
    assert count_customers(Database.open(safety)) == 2


def test_daily_backup_once_a_day_and_rotation(db: Database, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for day in range(1, 6):
        first = backup.daily_backup(db_path, folder, keep_days=3, now=datetime(2026, 11, day, 9))
        assert first is not None
        again = backup.daily_backup(db_path, folder, keep_days=3, now=datetime(2026, 11, day, 17))
        assert again is None
    names = [p.name for p in backup.list_backups(folder)]
    assert names == [
        "kaunet-desk-20261105-090000.sqlite",
        "kaunet-desk-20261104-090000.sqlite",
        "kaunet-desk-20261103-090000.sqlite",
    ]
