"""``kaunet-desk report KIND --db PATH [...] --out FILE.pdf``.

Wired into kaunet_desk/cli.py by ``add_report_parser(sub)`` and, for the ``report``
command, ``return run_report(args)``. Nothing heavy is imported until a report runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kaunet_desk.reports.settings import ReportSettings
    from kaunet_desk.store.database import Database

KINDS = ("fax-form", "invoice", "limits", "history", "fax-overdue")
_NEEDS_ONE_CUSTOMER = ("fax-form", "history")


def _month(text: str) -> date:
    """YYYY-MM (a day is accepted and ignored) → the first of that month."""
    try:
        parts = [int(part) for part in text.split("-")]
        return date(parts[0], parts[1], 1)
    except (ValueError, IndexError):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from None


def add_report_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "report",
        help="write a Japanese PDF report",
        description="Write a report as PDF: " + ", ".join(KINDS),
    )
    parser.add_argument("kind", choices=KINDS)
    # SUPPRESS: a --db given before "report" is not overwritten by this default.
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLite file path or SQLAlchemy URL (default: the user data folder)")
    parser.add_argument("--customer", type=int, action="append", metavar="ID",
                        help="customer id (fax-form, history: one; invoice: any number, "
                             "default every customer billed that month)")
    parser.add_argument("--month", type=_month, metavar="YYYY-MM",
                        help="billing month (invoice) or limit month (limits; default this month)")
    parser.add_argument("--wareki", action="store_true", help="dates in 和暦 (令和)")
    parser.add_argument("--today", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="the day the report is made on (default today)")
    parser.add_argument("--deadline", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="fax-form: the return deadline (default: the open request's, "
                             "or today + fax_return_days)")
    parser.add_argument("--days", type=int, metavar="N",
                        help="fax-overdue: also list forms due within N days")
    parser.add_argument("--all-customers", action="store_true",
                        help="limits: also list customers with no order in the month")
    parser.add_argument("--settings", type=Path, metavar="FILE.toml",
                        help="sender and issuer details (keys: ReportSettings fields)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    return parser


def _problem(args: argparse.Namespace) -> str | None:
    customers = args.customer or []
    if args.kind in _NEEDS_ONE_CUSTOMER and len(customers) != 1:
        return f"{args.kind} needs exactly one --customer"
    if args.kind == "invoice" and args.month is None:
        return "invoice needs --month (the billing month)"
    if args.days is not None and args.days < 0:
        return "--days must not be negative"
    return None


def _database(db: str | None) -> Database:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.location import to_url

    url = to_url(db)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise FileNotFoundError(f"no database at {url.database}")
    return Database.open(url)


def run_report(args: argparse.Namespace) -> int:
    """Write the report; 0 on success, 2 on a usage error, 1 when it could not be made."""
    problem = _problem(args)
    if problem:
        print(f"kaunet-desk report: {problem}", file=sys.stderr)
        return 2
    from kaunet_desk.formatting import DateStyle
    from kaunet_desk.reports.settings import ReportSettings, load_report_settings
    from kaunet_desk.store.services.errors import NotFound

    today = args.today or date.today()
    try:
        settings = load_report_settings(args.settings) if args.settings else ReportSettings()
        if args.wareki:
            settings = settings.with_values(date_style=DateStyle.WAREKI)
        db = _database(getattr(args, "db", None))
    except (OSError, ValueError) as error:
        print(f"kaunet-desk report: {error}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        pages = _write(args, db, today, settings)
    except NotFound as error:
        print(f"kaunet-desk report: {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"{args.out}: {pages} pages")
    return 0


def _write(args: argparse.Namespace, db: Database, today: date, settings: ReportSettings) -> int:
    customers = args.customer or []
    out = args.out
    if args.kind == "fax-form":
        from kaunet_desk.reports.fax_form import write_fax_form

        return write_fax_form(db, customers[0], out, today=today, settings=settings,
                              deadline=args.deadline)
    if args.kind == "invoice":
        from kaunet_desk.reports.invoice import write_invoices

        return write_invoices(db, customers or None, args.month, out, today=today,
                              settings=settings)
    if args.kind == "limits":
        from kaunet_desk.reports.limits import write_limits

        return write_limits(db, args.month or today, out, today=today, settings=settings,
                            include_unused=args.all_customers)
    if args.kind == "history":
        from kaunet_desk.reports.history import write_history

        return write_history(db, customers[0], out, today=today, settings=settings)
    from kaunet_desk.reports.fax_overdue import write_fax_overdue

    return write_fax_overdue(db, out, today=today, settings=settings, within_days=args.days)
