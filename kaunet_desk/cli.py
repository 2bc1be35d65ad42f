"""``kaunet-desk``: the GUI by default, and the same work without it for batch and checks."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kaunet_desk.reports.cli import add_report_parser, run_report
from kaunet_desk.transfer.cli import add_transfer_parsers, run_export, run_import


def _add_db(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        required=required,
        help="SQLite file path or SQLAlchemy URL (default: the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kaunet-desk", description="Kaunet Desk")
    _add_db(parser)
    parser.add_argument(
        "--self-test", nargs="?", const="", default=None, metavar="REPORT",
        help="check this installation offscreen on a throw-away database, print one line "
             "per check and exit (0: all passed); also write the lines to REPORT if given",
    )
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="write a deterministic demo database")
    _add_db(demo, required=True)
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--orders", type=int, default=20000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--today", type=date.fromisoformat, default=None,
                      help="the day the demo is built around (YYYY-MM-DD; default today)")
    demo.add_argument("--force", action="store_true", help="replace an existing file")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="migrate to the latest schema")
    _add_db(upgrade)

    backup = sub.add_parser("backup", help="a consistent copy of the SQLite ledger")
    _add_db(backup)
    backup.add_argument("--out", type=Path, help="target file (default: the backup folder)")

    restore = sub.add_parser("restore", help="replace the ledger with a checked backup")
    restore.add_argument("file", type=Path)
    _add_db(restore)

    shot = sub.add_parser("screenshot", help="one PNG per tab, 1280×800, offscreen")
    _add_db(shot)
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--lang", choices=("ja", "en"), default="ja")
    add_report_parser(sub)
    add_transfer_parsers(sub)
    return parser


def _cmd_demo(args: argparse.Namespace) -> int:
    from kaunet_desk.demo import build_demo
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.location import to_url

    url = to_url(args.db)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if path.exists():
            if not args.force:
                print(f"{path} exists; use --force to replace it", file=sys.stderr)
                return 2
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    summary = build_demo(
        Database.open(url),
        customers=args.customers,
        orders=args.orders,
        seed=args.seed,
        today=args.today,
        progress=progress,
    )
    print(file=sys.stderr)
    print(f"demo database {url.database or url} written in {time.perf_counter() - started:.1f} s")
    for table, rows in summary.counts.items():
        print(f"  {table:<24} {rows:>10,}")
    return 0


def _cmd_db(args: argparse.Namespace) -> int:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.migrate import upgrade_if_needed

    database = Database.open(args.db, migrate=False)
    ran = upgrade_if_needed(database.engine)
    print("migrated to the latest schema" if ran else "already at the latest schema")
    return 0


def _sqlite_path(db: str | None) -> Path:
    from kaunet_desk.store.location import to_url

    url = to_url(db)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise SystemExit("backup and restore work on a SQLite file; use pg_dump for PostgreSQL")
    return Path(url.database)


def _cmd_backup(args: argparse.Namespace) -> int:
    from datetime import datetime

    from kaunet_desk.store.backup import BackupError, backup_name, backup_to, default_backup_dir

    source = _sqlite_path(args.db)
    target = args.out or default_backup_dir() / backup_name(datetime.now())
    try:
        print(backup_to(source, target))
    except BackupError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from kaunet_desk.store.backup import BackupError, default_backup_dir, restore

    try:
        safety = restore(args.file, _sqlite_path(args.db), default_backup_dir())
    except BackupError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"restored {args.file}")
    if safety:
        print(f"the previous ledger was saved as {safety}")
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from kaunet_desk.ui.screenshot import write_screenshots

    for path in write_screenshots(args.db, args.out, args.lang):
        print(path)
    return 0


COMMANDS = {
    "demo": _cmd_demo,
    "db": _cmd_db,
    "screenshot": _cmd_screenshot,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "report": run_report,
    "import": run_import,
    "export": run_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test is not None:
        from kaunet_desk.selftest import run_self_test

        return run_self_test(Path(args.self_test) if args.self_test else None)
    command = COMMANDS.get(args.command or "")
    if command is not None:
        return command(args)
    from kaunet_desk.ui.app import run_gui

    return run_gui(args.db)


if __name__ == "__main__":
    sys.exit(main())
