"""``kaunet-desk import customers|orders FILE`` and ``kaunet-desk export WHAT --out FILE``.

Wired into kaunet_desk/cli.py by ``add_transfer_parsers(sub)`` and, for the ``import`` and
``export`` commands, ``run_import(args)`` / ``run_export(args)``. Exit codes of import: 0
everything imported; 1 some rows have problems (listed on stderr; nothing written unless
--valid-only); 2 the file or the options cannot be used; 130 interrupted (nothing written).
Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kaunet_desk.store.database import Database

_EXPORTS = ("customers", "orders", "limits", "fax")
_ERRORS_SHOWN = 1_000


def _encoding(text: str) -> str:
    from kaunet_desk.transfer.encoding import normalise_encoding

    try:
        return normalise_encoding(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {text!r}: use cp932, utf-8 or utf-8-sig"
        ) from None


def _month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.split("-")[:2])
        return date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from None


def _add_db(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the command is not overwritten by this default.
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLite file path or SQLAlchemy URL (default: the user data folder)")


def add_transfer_parsers(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import", help="import customers or orders from a CSV file",
        description="All-or-nothing by default: one invalid row and nothing is written. "
                    "Limit rules are not applied: orders keep the status the file gives.",
    )
    imp.add_argument("kind", choices=("customers", "orders"))
    imp.add_argument("file", type=Path)
    _add_db(imp)
    imp.add_argument("--encoding", type=_encoding, default=None,
                     help="cp932, utf-8 or utf-8-sig (default: detected)")
    imp.add_argument("--valid-only", action="store_true",
                     help="write the valid rows even when other rows have problems")
    imp.add_argument("--dry-run", action="store_true",
                     help="check every row (duplicates in the ledger included), write nothing")

    exp = subparsers.add_parser("export", help="export a table to CSV (Excel) or XLSX")
    exp.add_argument("what", choices=_EXPORTS)
    _add_db(exp)
    exp.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    exp.add_argument("--encoding", type=_encoding, default="cp932",
                     help="CSV only: cp932 (default, for Excel) or utf-8-sig")
    exp.add_argument("--month", type=_month, metavar="YYYY-MM",
                     help="limits: the month (default this month)")
    exp.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                     help="fax: the day the states are computed for (default today)")


def _open(db: str | None, *, must_exist: bool) -> Database:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.location import to_url

    url = to_url(db)
    if (must_exist and url.get_backend_name() == "sqlite" and url.database
            and not Path(url.database).exists()):
        raise FileNotFoundError(url.database)
    return Database.open(url)


def run_import(args: argparse.Namespace) -> int:
    from kaunet_desk.i18n import _
    from kaunet_desk.transfer.importer import ImportRefused, import_file

    if not args.file.is_file():
        print(_("ファイルがありません: {path}").format(path=args.file), file=sys.stderr)
        return 2
    try:
        db = _open(getattr(args, "db", None), must_exist=False)
    except Exception as error:  # a sentence, never a traceback
        print(_("データベースを開けません: {error}").format(error=error), file=sys.stderr)
        return 2
    try:
        result = import_file(db, args.kind, args.file, encoding=args.encoding,
                             valid_only=args.valid_only, dry_run=args.dry_run)
    except ImportRefused as refusal:
        print(refusal, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("中断しました。何も取り込んでいません。"), file=sys.stderr)
        return 130
    finally:
        db.close()
    for error in result.errors[:_ERRORS_SHOWN]:
        print(error.describe(), file=sys.stderr)
    hidden = result.error_count - min(len(result.errors), _ERRORS_SHOWN)
    if hidden > 0:
        print(_("…ほかに {count} 件の問題があります。").format(count=hidden), file=sys.stderr)
    print(result.summary(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def run_export(args: argparse.Namespace) -> int:
    from kaunet_desk.i18n import _
    from kaunet_desk.transfer.export import export
    from kaunet_desk.transfer.writers import ExportError

    try:
        db = _open(getattr(args, "db", None), must_exist=True)
    except FileNotFoundError as error:
        print(_("データベースがありません: {path}").format(path=error), file=sys.stderr)
        return 2
    except Exception as error:
        print(_("データベースを開けません: {error}").format(error=error), file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        rows = export(db, args.what, args.out, encoding=args.encoding, month=args.month,
                      today=args.today)
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        db.close()
    print(_("{path}: {rows} 行を書き出しました。").format(path=args.out, rows=rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m kaunet_desk.transfer.cli import|export …``: the same two commands on
    their own, for scripts and tests that do not need the rest of kaunet-desk."""
    parser = argparse.ArgumentParser(prog="kaunet-desk")
    _add_db(parser)
    add_transfer_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return run_import(args) if args.command == "import" else run_export(args)


if __name__ == "__main__":
    sys.exit(main())
