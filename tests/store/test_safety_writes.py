"""A write the database refuses: a sentence for the clerk, a rollback, no half-written rows.

Each refusal is made real: a read-only open, another connection holding the write lock,
a database that cannot grow (PRAGMA max_page_count, SQLite's SQLITE_FULL), a server that
is not there. The sentences are checked for what they must tell the clerk.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.backup import BackupError
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry, Customer, KaunetAccount
from kaunet_desk.store.safety import DatabaseInUse, LockOwner, open_read_only
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import customer_ids
from kaunet_desk.ui.safety_messages import explain, explain_known

NOT_SAVED = "変更は保存されていません"


def _draft(name: str = "株式会社アオバ商事") -> svc.CustomerDraft:
    return svc.CustomerDraft(
        name=name, name_kana="アオバショウジ", kind=CustomerKind.CORPORATE.value,
        invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=100_000,
        phone="03-3211-1111", email="info@aoba.example.jp")


def _counts(database: Database) -> tuple[int, int, int]:
    with database.unit_of_work() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Customer, KaunetAccount, AuditEntry)
        )


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "ledger.sqlite"
    database = Database.open(path)
    svc.create_customer(database, _draft("有限会社ミドリ文具"), ["KB1"])
    database.close()
    yield path


def _on_every_connection(engine: Engine, *pragmas: str) -> None:
    """Applied to connections made from now on (the pool is emptied first)."""
    engine.dispose()

    def apply(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    event.listen(engine, "connect", apply)


# -- read-only ------------------------------------------------------------------------------
def test_read_only_open_refuses_writes_and_keeps_rows(ledger: Path) -> None:
    database = open_read_only(ledger)
    try:
        before = _counts(database)
        assert len(customer_ids(database)) == 1  # reading works
        with pytest.raises(OperationalError) as caught:
            svc.create_customer(database, _draft(), ["KA1"])
        sentence = explain(caught.value)
        assert "読み取り専用" in sentence and NOT_SAVED in sentence
        assert "INSERT" not in sentence
        assert _counts(database) == before
    finally:
        database.close()


def test_read_only_open_names_the_file(ledger: Path) -> None:
    database = open_read_only(ledger)
    try:
        assert database.is_sqlite and Path(database.url.database or "") == ledger
    finally:
        database.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root ignores file permissions")
def test_read_only_file(ledger: Path) -> None:
    database = Database.open(ledger, migrate=False)
    database.close()
    ledger.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    database = Database.open(ledger, migrate=False)
    try:
        with pytest.raises(OperationalError) as caught:
            svc.create_customer(database, _draft())
        assert "読み取り専用" in explain(caught.value)
    finally:
        database.close()
        ledger.chmod(0o644)


# -- locked ---------------------------------------------------------------------------------
def test_locked_database_is_explained_and_nothing_is_written(ledger: Path) -> None:
    database = Database.open(ledger, migrate=False)
    _on_every_connection(database.engine, "PRAGMA busy_timeout=100")
    other = sqlite3.connect(ledger, isolation_level=None)
    try:
        before = _counts(database)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(OperationalError) as caught:
            svc.create_customer(database, _draft(), ["KA1", "KA2"])
        sentence = explain(caught.value)
        assert "使用中" in sentence and NOT_SAVED in sentence
        other.execute("ROLLBACK")
        assert _counts(database) == before
    finally:
        other.close()
        database.close()


# -- disk full ------------------------------------------------------------------------------
def test_full_disk_rolls_back_the_whole_unit_of_work(ledger: Path) -> None:
    database = Database.open(ledger, migrate=False)
    with sqlite3.connect(ledger) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    # Room for two more pages; the customer with 3,000 Kaunet IDs needs far more.
    _on_every_connection(database.engine, f"PRAGMA max_page_count={pages + 2}")
    try:
        before = _counts(database)
        kaunet_ids = [f"K{n:09d}" for n in range(3_000)]
        with pytest.raises(OperationalError) as caught:
            svc.create_customer(database, _draft(), kaunet_ids)
        sentence = explain(caught.value)
        assert "空き容量" in sentence and NOT_SAVED in sentence
        assert _counts(database) == before  # no customer, no account, no audit entry
    finally:
        database.close()
    # The ledger is whole afterwards and takes the same write once there is room.
    database = Database.open(ledger, migrate=False)
    try:
        svc.create_customer(database, _draft(), ["KA1"])
        assert _counts(database) == (before[0] + 1, before[1] + 1, before[2] + 1)
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
    finally:
        database.close()


# -- opening --------------------------------------------------------------------------------
def test_a_folder_is_not_a_database_file(tmp_path: Path) -> None:
    with pytest.raises(OperationalError) as caught:
        Database.open(tmp_path)
    assert "開けません" in explain(caught.value)


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("お客さまメモ\n" * 200, encoding="utf-8")
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    sentence = explain(caught.value)
    assert "壊れている" in sentence and "バックアップ" in sentence


def test_postgres_server_not_running() -> None:
    # Port 1 on loopback: nothing listens, the connection is refused at once.
    engine = create_engine("postgresql+psycopg://kaunet:pw@127.0.0.1:1/kaunet",
                           connect_args={"connect_timeout": 3})
    try:
        with pytest.raises(OperationalError) as caught:
            engine.connect()
    finally:
        engine.dispose()
    sentence = explain(caught.value)
    assert "サーバーに接続できません" in sentence and "ポート" in sentence


# -- the other sentences ----------------------------------------------------------------------
def test_os_errors() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "空き容量" in explain(full)
    assert "読み取り専用" in explain(PermissionError(errno.EACCES, "Permission denied"))


def test_wrapped_errors_are_found_through_the_chain() -> None:
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as inner:
            raise RuntimeError("saving the customer failed") from inner
    except RuntimeError as outer:
        assert "使用中" in explain(outer)


def test_in_use_names_who_and_how_to_clear_a_stale_lock(tmp_path: Path) -> None:
    owner = LockOwner(4242, "BRANCH-PC-02", "suzuki", "2026-11-20T08:30:00")
    error = DatabaseInUse(tmp_path / "ledger.sqlite", tmp_path / "ledger.sqlite.lock", owner)
    sentence = explain(error)
    for part in ("suzuki", "BRANCH-PC-02", "2026/11/20 08:30", "4242", "読み取り専用",
                 str(tmp_path / "ledger.sqlite.lock")):
        assert part in sentence


def test_backup_errors_keep_their_sentence() -> None:
    assert explain(BackupError("復元できません。")) == "復元できません。"


def test_unknown_errors_get_one_line_and_no_sql(ledger: Path) -> None:
    database = Database.open(ledger, migrate=False)
    try:
        with pytest.raises(IntegrityError) as caught, database.unit_of_work() as session:
            session.add(KaunetAccount(customer_id=999, kaunet_id="KX",
                                      application_status="active"))
            session.flush()
    finally:
        database.close()
    assert explain_known(caught.value) is None
    sentence = explain(caught.value)
    assert "FOREIGN KEY" in sentence and NOT_SAVED in sentence
    assert "INSERT" not in sentence and "\n" not in sentence
