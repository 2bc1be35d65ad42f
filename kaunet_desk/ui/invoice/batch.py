"""Every invoice preview of a billing month in one PDF, made off the GUI thread.

Who is in the batch: each customer with a shipped KDDI-invoice order in the shipping month
of the billing month (FAQ カウネットの請求: shipped in September → the November invoice),
as kaunet_desk.reports.invoice.write_invoices chooses them.

One file holding every invoice, rather than one file per customer: the batch is printed
as one print job (one print dialog, page ranges work, the printer keeps the order), each
invoice starts on its own page numbered 「1 / n」 with the customer's name in the footer,
and a cancel has exactly one file to clean up. One file per customer would mean hundreds
of files and a print job each.

The PDF is drawn into 「<name>.part」 beside the target and renamed over it only when
complete: a cancelled or failed batch leaves no partial file, and an earlier file of the
same name stays as it was.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kaunet_desk.domain.invoice_preview import InvoicePreview
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.ui.background import Background

Progress = Callable[[int, int], None]  # (invoices drawn, total)


class BatchCancelled(Exception):
    """The clerk pressed 中止; nothing was written."""


@dataclass(frozen=True)
class BatchResult:
    path: Path | None  # None when no customer is billed that month (no file written)
    invoices: int
    pages: int


def billed_customers(db: Database, billing_month: date) -> list[int]:
    """Customers whose invoice of ``billing_month`` carries Kaunet purchases, フリガナ順."""
    from kaunet_desk.store.services.invoice_preview import shipping_month
    from kaunet_desk.store.services.orders import month_bounds
    from kaunet_desk.store.services.report_data import customers_shipped_between

    return customers_shipped_between(db, *month_bounds(shipping_month(billing_month)))


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def write_invoice_batch(
    db: Database,
    billing_month: date,
    target: Path,
    *,
    today: date,
    settings: ReportSettings,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> BatchResult:
    """Draw every billed customer's preview into ``target``; BatchCancelled when asked to
    stop (checked before each invoice)."""
    from kaunet_desk.reports.invoice import render_invoices
    from kaunet_desk.store.services.invoice_preview import invoice_previews

    billing_month = billing_month.replace(day=1)
    ids = billed_customers(db, billing_month)
    total = len(ids)
    progress(0, total)
    if total == 0:
        return BatchResult(None, 0, 0)

    def ids_until_cancelled() -> Iterator[int]:
        for customer_id in ids:  # checked before each invoice is read
            if cancelled():
                raise BatchCancelled
            yield customer_id

    def previews() -> Iterator[InvoicePreview]:
        batch = invoice_previews(db, ids_until_cancelled(), billing_month, today=today)
        for done, preview in enumerate(batch):
            yield preview
            # Back here once render_invoices has drawn that invoice.
            progress(done + 1, total)

    partial = part_path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        pages = render_invoices(previews(), partial, settings, issued_on=today)
        if cancelled():  # pressed while the file was being written
            raise BatchCancelled
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BatchResult(target, total, pages)


class InvoiceBatch(QObject):
    """One run of write_invoice_batch on the Background pool.

    ``progressed`` is emitted from the worker thread; Qt queues it to the receivers on the
    GUI thread, so it is the thread-safe progress callback. ``cancel()`` sets a flag the
    worker checks between invoices. Exactly one of ``succeeded`` (BatchResult) and
    ``failed`` (the exception, BatchCancelled after a cancel) follows.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        db: Database,
        billing_month: date,
        target: Path,
        *,
        today: date,
        read_settings: Callable[[], ReportSettings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.billing_month = billing_month
        self.target = target
        self.today = today
        self._read_settings = read_settings
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> BatchResult:
        """The worker's job (also callable directly, e.g. from a test)."""
        return write_invoice_batch(
            self.db, self.billing_month, self.target, today=self.today,
            settings=self._read_settings(), progress=self.progressed.emit,
            cancelled=self._stop.is_set,
        )

    def start(self, background: Background) -> None:
        background.run(self.run, self.succeeded.emit, self.failed.emit)
