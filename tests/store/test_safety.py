"""Safety at the edges: network shares, a second instance, damaged files and their restore.

The network detector gets fake mount tables and fake Windows drives; the lock is held by a
real second process; damaged files are made by truncating and overwriting a real ledger.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.audit import current_user
from kaunet_desk.store.backup import BackupError, backup_name, backup_to
from kaunet_desk.store.database import Database
from kaunet_desk.store.safety import (
    DatabaseInUse,
    LockOwner,
    acquire_lock,
    backup_taken_at,
    check_database_file,
    latest_good_backup,
    lock_path,
    network_location,
    pid_alive,
    read_lock,
    restore_damaged,
)
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows

ROOT = Path(__file__).resolve().parents[2]


# -- network shares -------------------------------------------------------------------------
MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/office /mnt/office cifs rw,vers=3.0 0 0
/dev/sdb1 /mnt/office/usb ext4 rw 0 0
nas:/export /srv/nas nfs4 rw 0 0
tanaka@host:/home /mnt/ssh fuse.sshfs rw 0 0
drvfs /mnt/c 9p rw 0 0
//fileserver/branch /mnt/branch\\040office smb3 rw 0 0
nas:/old /mnt/stacked nfs rw 0 0
tmpfs /mnt/stacked tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "kind", "mount"), [
    ("/mnt/office/ledger.sqlite", "cifs", "/mnt/office"),
    ("/srv/nas/kaunet/ledger.sqlite", "nfs4", "/srv/nas"),
    ("/mnt/ssh/ledger.sqlite", "fuse.sshfs", "/mnt/ssh"),
    ("/mnt/c/Users/tanaka/ledger.sqlite", "9p", "/mnt/c"),
    ("/mnt/branch office/ledger.sqlite", "smb3", "/mnt/branch office"),  # \040 in the table
])
def test_linux_network_mounts(path: str, kind: str, mount: str) -> None:
    reason = network_location(path, platform="linux", mounts=MOUNTS)
    assert reason is not None
    assert kind in reason and mount in reason


@pytest.mark.parametrize("path", [
    "/home/tanaka/ledger.sqlite",  # on /
    "/mnt/office/usb/ledger.sqlite",  # a local disk mounted inside the share
    "/mnt/officex/ledger.sqlite",  # a prefix of /mnt/office, not inside it
    "/mnt/stacked/ledger.sqlite",  # tmpfs mounted over the nfs mount hides it
])
def test_linux_local_paths(path: str) -> None:
    assert network_location(path, platform="linux", mounts=MOUNTS) is None


def test_linux_reads_the_real_mount_table(tmp_path: Path) -> None:
    # The test machine's own /proc/mounts: parsed without error, tmp_path is local here.
    answer = network_location(tmp_path / "ledger.sqlite")
    assert answer is None or isinstance(answer, str)


def _drives(types: dict[str, int]) -> tuple[list[str], object]:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types.get(root, 3)  # DRIVE_FIXED

    return asked, drive_type


@pytest.mark.parametrize("path", [
    r"\\fileserver\office\ledger.sqlite",
    "//fileserver/office/ledger.sqlite",
    r"\\?\UNC\fileserver\office\ledger.sqlite",
])
def test_windows_unc_paths(path: str) -> None:
    asked, drive_type = _drives({})
    reason = network_location(path, platform="win32", drive_type=drive_type)  # type: ignore[arg-type]
    assert reason is not None and r"\\fileserver\office" in reason
    assert asked == []  # a UNC path needs no drive lookup


def test_windows_mapped_network_drive() -> None:
    asked, drive_type = _drives({"Z:\\": 4})  # DRIVE_REMOTE
    reason = network_location(r"z:\kaunet\ledger.sqlite", platform="win32",
                              drive_type=drive_type)  # type: ignore[arg-type]
    assert reason is not None and "Z:" in reason
    assert asked == ["Z:\\"]


@pytest.mark.parametrize("path", [r"C:\Users\tanaka\ledger.sqlite", r"\\?\C:\data\ledger.sqlite",
                                  "D:/ledger.sqlite"])
def test_windows_local_drives(path: str) -> None:
    _asked, drive_type = _drives({"Z:\\": 4})
    assert network_location(path, platform="win32", drive_type=drive_type) is None  # type: ignore[arg-type]


# -- a second instance ----------------------------------------------------------------------
HOLDER = """
import sys, time
from pathlib import Path
from kaunet_desk.store.safety import acquire_lock
lock = acquire_lock(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(120)
"""


def _hold_in_another_process(database: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_lock_names_the_other_instance_and_goes_stale_when_it_dies(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    other = _hold_in_another_process(database)
    try:
        with pytest.raises(DatabaseInUse) as caught:
            acquire_lock(database)
        owner = caught.value.owner
        assert owner is not None
        assert (owner.pid, owner.host, owner.user) == (
            other.pid, socket.gethostname(), current_user())
        assert caught.value.lock == tmp_path / "ledger.sqlite.lock"
    finally:
        other.kill()  # killed: it never removes its lock file
        other.wait()
    assert lock_path(database).exists()
    with acquire_lock(database) as lock:  # the pid is gone on this host: stale, taken over
        assert read_lock(lock.path) == lock.owner
        assert lock.owner.pid == os.getpid()
    assert not lock_path(database).exists()


def test_lock_from_another_pc_is_respected(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    # pid 999999999 is dead here, but this lock is another PC's: we cannot tell, so we wait.
    elsewhere = LockOwner(999_999_999, "BRANCH-PC-02", "suzuki", "2026-11-20T08:30:00")
    lock_path(database).write_text(
        '{"pid": 999999999, "host": "BRANCH-PC-02", "user": "suzuki", '
        '"since": "2026-11-20T08:30:00"}', encoding="utf-8")
    with pytest.raises(DatabaseInUse) as caught:
        acquire_lock(database)
    assert caught.value.owner == elsewhere


def test_unreadable_lock_waits_then_counts_as_stale(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    path = lock_path(database)
    path.write_text("", encoding="utf-8")  # another instance between create and write
    with pytest.raises(DatabaseInUse) as caught:
        acquire_lock(database)
    assert caught.value.owner is None
    old = time.time() - 60
    os.utime(path, (old, old))  # a crash left it half written a minute ago
    with acquire_lock(database) as lock:
        assert read_lock(path) == lock.owner


def test_same_process_shares_its_lock(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    first = acquire_lock(database)
    second = acquire_lock(database)  # File → Open on the ledger already open
    assert second is first
    first.release()
    assert lock_path(database).exists()
    second.release()
    assert not lock_path(database).exists()


def test_release_leaves_a_lock_that_is_not_ours(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    lock = acquire_lock(database)
    foreign = '{"pid": 1, "host": "BRANCH-PC-02", "user": "suzuki", "since": "x"}'
    lock.path.write_text(foreign, encoding="utf-8")  # taken over while we were stale
    lock.release()
    assert lock.path.read_text(encoding="utf-8") == foreign


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    assert not pid_alive(finished.pid)
    assert not pid_alive(0)
    assert not pid_alive(-5)


# -- damaged files and the restore ----------------------------------------------------------
def _ledger(path: Path, names: list[str]) -> None:
    database = Database.open(path)
    for i, name in enumerate(names):
        svc.create_customer(database, svc.CustomerDraft(
            name=name, name_kana="テスト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=1000,
            phone="03-3211-1111", email=f"c{i}@example.jp", address="東京都" * 200))
    database.close()  # the last connection checkpoints: one self-contained file


def _names(path: Path) -> list[str]:
    database = Database.open(path, migrate=False)
    try:
        rows = customer_rows(database, customer_ids(database))
        return sorted(row.name for row in rows.values())
    finally:
        database.close()


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    _ledger(path, [f"株式会社テスト{i}" for i in range(60)])
    return path


def test_a_whole_ledger_passes(ledger_file: Path, tmp_path: Path) -> None:
    assert check_database_file(ledger_file) is None
    assert check_database_file(tmp_path / "not-yet.sqlite") is None  # a new ledger


def test_truncated_file(ledger_file: Path) -> None:
    size = ledger_file.stat().st_size
    with ledger_file.open("r+b") as handle:
        handle.truncate(size // 2)
    problem = check_database_file(ledger_file, quick_check=False)  # the header alone sees it
    assert problem is not None
    assert "切れて" in problem and f"{size // 2:,}" in problem and f"{size:,}" in problem


def test_file_cut_inside_the_header(ledger_file: Path) -> None:
    with ledger_file.open("r+b") as handle:
        handle.truncate(50)
    problem = check_database_file(ledger_file)
    assert problem is not None and "SQLite のデータベースではありません" in problem


def test_file_overwritten_with_zeros(ledger_file: Path) -> None:
    size = ledger_file.stat().st_size
    ledger_file.write_bytes(bytes(size))
    problem = check_database_file(ledger_file)
    assert problem is not None and "上書き" in problem


def test_empty_file_is_reported(ledger_file: Path) -> None:
    ledger_file.write_bytes(b"")
    problem = check_database_file(ledger_file)
    assert problem is not None and "0 バイト" in problem


def test_damaged_pages_need_the_quick_check(ledger_file: Path) -> None:
    data = bytearray(ledger_file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over every page after the schema page: the header still looks right.
    for offset in range(2 * page_size, len(data), page_size):
        data[offset : offset + 64] = b"\xa5" * 64
    ledger_file.write_bytes(bytes(data))
    assert check_database_file(ledger_file, quick_check=False) is None
    problem = check_database_file(ledger_file)
    assert problem is not None and "壊れて" in problem


def _backup(source: Path, folder: Path, at: datetime) -> Path:
    return backup_to(source, folder / backup_name(at))


def test_latest_good_backup_skips_a_damaged_one(ledger_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    assert latest_good_backup(folder) is None  # no folder yet
    _backup(ledger_file, folder, datetime(2026, 11, 18, 9, 0))
    good = _backup(ledger_file, folder, datetime(2026, 11, 19, 9, 0))
    newest = _backup(ledger_file, folder, datetime(2026, 11, 20, 9, 0))
    newest.write_bytes(bytes(newest.stat().st_size))
    assert latest_good_backup(folder) == good
    assert backup_taken_at(good) == datetime(2026, 11, 19, 9, 0)
    assert backup_taken_at(tmp_path / "other.sqlite") is None


def test_restore_keeps_the_damaged_file(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    _ledger(database, ["株式会社アオバ商事", "有限会社ミドリ文具"])
    backup = _backup(database, tmp_path / "backups", datetime(2026, 11, 19, 18, 0))
    damaged = bytes(database.stat().st_size)
    database.write_bytes(damaged)
    aside = restore_damaged(database, backup, now=datetime(2026, 11, 20, 9, 15))
    assert aside == tmp_path / "ledger.sqlite.damaged-20261120-091500"
    assert aside.read_bytes() == damaged
    assert check_database_file(database) is None
    assert _names(database) == ["有限会社ミドリ文具", "株式会社アオバ商事"]


def test_failed_restore_puts_the_damaged_file_back(tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    _ledger(database, ["株式会社アオバ商事"])
    broken_backup = _backup(database, tmp_path / "backups", datetime(2026, 11, 19, 18, 0))
    broken_backup.write_bytes(b"not a database at all" * 100)
    damaged = b"\x00" * 8192
    database.write_bytes(damaged)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BackupError):
        restore_damaged(database, broken_backup, now=datetime(2026, 11, 20, 9, 15))
    assert database.read_bytes() == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing left aside
