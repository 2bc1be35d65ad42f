"""Backups of the SQLite ledger, taken with SQLite's online backup API — never a file copy.

A live database in WAL mode is three files; copying them while the app writes can give a
torn copy. ``sqlite3.Connection.backup`` copies a consistent snapshot page by page.
Restores check the file first (integrity, and that it is a Kaunet Desk ledger) and take a
backup of the current database before replacing anything.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kaunet_desk.i18n import _
from kaunet_desk.store.location import data_dir

BACKUP_PREFIX = "kaunet-desk-"
REQUIRED_TABLES = frozenset({"customers", "orders", "kaunet_accounts", "alembic_version"})


class BackupError(RuntimeError):
    """A sentence for the clerk: what went wrong and what was left untouched."""


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def backup_to(
    source: Path, target: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Copy the database at ``source`` into ``target`` (a new file) as a consistent snapshot."""
    if not source.exists():
        raise BackupError(_("データベースが見つかりません: {path}").format(path=source))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    dst = sqlite3.connect(partial)
    try:

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        src.backup(dst, pages=1024, progress=step)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    except sqlite3.Error as error:
        dst.close()
        partial.unlink(missing_ok=True)
        raise BackupError(_("バックアップに失敗しました: {error}").format(error=error)) from error
    finally:
        src.close()
    dst.close()
    partial.replace(target)  # appears complete or not at all
    return target


def backup_name(now: datetime) -> str:
    return f"{BACKUP_PREFIX}{now:%Y%m%d-%H%M%S}.sqlite"


def list_backups(folder: Path) -> list[Path]:
    """Newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*.sqlite"), reverse=True)


def rotate(folder: Path, keep_days: int) -> list[Path]:
    """Keep the newest backup of each of the newest ``keep_days`` days; return what was removed."""
    seen_days: list[str] = []
    removed: list[Path] = []
    for path in list_backups(folder):
        day = path.name[len(BACKUP_PREFIX) : len(BACKUP_PREFIX) + 8]
        if day in seen_days or len(seen_days) >= keep_days:
            path.unlink(missing_ok=True)
            removed.append(path)
        else:
            seen_days.append(day)
    return removed


def has_backup_for(folder: Path, day: date) -> bool:
    stamp = f"{BACKUP_PREFIX}{day:%Y%m%d}"
    return any(p.name.startswith(stamp) for p in list_backups(folder))


def daily_backup(
    database: Path, folder: Path, keep_days: int, now: datetime | None = None
) -> Path | None:
    """The first start of each day backs up the ledger; later starts do nothing."""
    now = now or datetime.now()
    if not database.exists() or has_backup_for(folder, now.date()):
        return None
    target = backup_to(database, folder / backup_name(now))
    rotate(folder, keep_days)
    return target


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    reason: str = ""


def check_backup_file(path: Path) -> CheckResult:
    """Is ``path`` an intact Kaunet Desk ledger? (PRAGMA integrity_check + expected tables)"""
    if not path.is_file():
        return CheckResult(False, _("ファイルがありません: {path}").format(path=path))
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return CheckResult(False, _("開けません: {error}").format(error=error))
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            return CheckResult(False, _("ファイルが壊れています: {detail}").format(detail=verdict))
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as error:
        return CheckResult(
            False, _("SQLite データベースではありません: {error}").format(error=error)
        )
    finally:
        connection.close()
    missing = REQUIRED_TABLES - tables
    if missing:
        return CheckResult(
            False,
            _("Kaunet Desk のデータベースではありません(不足: {tables})").format(
                tables=", ".join(sorted(missing))
            ),
        )
    return CheckResult(True)


def restore(backup: Path, database: Path, safety_folder: Path) -> Path | None:
    """Replace ``database`` with ``backup`` after checking it; the current file is backed up first.

    The caller must have closed every connection to ``database``. Returns the safety backup.
    """
    verdict = check_backup_file(backup)
    if not verdict.ok:
        raise BackupError(
            _("復元できません。現在のデータベースはそのままです。{reason}").format(
                reason=verdict.reason
            )
        )
    safety = None
    if database.exists():
        safety = backup_to(
            database, safety_folder / ("before-restore-" + backup_name(datetime.now()))
        )
    staged = database.with_name(database.name + ".restoring")
    backup_to(backup, staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    staged.replace(database)
    return safety
