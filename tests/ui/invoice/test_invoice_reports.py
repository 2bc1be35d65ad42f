"""The invoice tab's PDFs: the shown invoice, and every invoice of the month in one batch."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

import kaunet_desk.store.services.invoice_preview as preview_service
from kaunet_desk.domain import (
    combined_billing_rebate,
    counter_fee,
    invoice_tax,
    late_interest,
    slip_fee,
)
from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.formatting import format_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as customer_service
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.ui.invoice.batch import part_path
from kaunet_desk.ui.invoice.view import InvoiceTab
from kaunet_desk.ui.printing import printer as printing

from ..support import pdf_printer, save_report
from .support import (
    COUNTER_REQUESTS,
    NOV,
    ON_INVOICE,
    OVERDUE_DUE,
    OVERDUE_YEN,
    SLIPS,
    TODAY,
    Ledger,
)

EXTRA = 10  # more customers with a September shipment, for the batch


def _sole_total() -> int:
    """The 個人事業主's November total, from the domain rules (as test_view does)."""
    fees = SLIPS * slip_fee(False, False, on=NOV) + COUNTER_REQUESTS * counter_fee(
        False, False, on=NOV)
    rebate = combined_billing_rebate(True, True, False, on=NOV)
    subtotals = {
        10: sum(s.s10 for s in ON_INVOICE) + fees - rebate,
        8: sum(s.s8 for s in ON_INVOICE),
    }
    points = sum(s.points for s in ON_INVOICE)
    interest = late_interest(OVERDUE_YEN, OVERDUE_DUE, TODAY)
    return sum(subtotals.values()) + sum(invoice_tax(subtotals, on=NOV).values()) - points + (
        interest)


@pytest.fixture
def billed(db: Database, ledger: Ledger) -> list[str]:
    """Every customer billed in November: the two of the ledger and EXTRA more."""
    names = ["鈴木商店", "株式会社たなか"]
    for n in range(EXTRA):
        letter = "アイウエオカキクケコ"[n]
        name = f"株式会社バッチ{letter}"
        record = customer_service.create_customer(
            db,
            customer_service.CustomerDraft(
                name=name, name_kana=f"バッチ{letter}", kind=CustomerKind.CORPORATE.value,
                invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value,
                monthly_limit_yen=1_000_000, phone="0312345678", email=f"b{n}@example.jp",
            ),
            [f"KB{n}"],
        )
        enter_order(db, OrderDraft(record.accounts[0].id, f"B{n}", date(2026, 9, 10),
                                   1_000 + n, 0, shipped_on=date(2026, 9, 11)))
        names.append(name)
    return names


def _preview(qtbot: QtBot, tab: InvoiceTab, customer_id: int) -> None:
    with qtbot.waitSignal(tab.preview_shown, timeout=10_000):
        assert tab.select_customer(customer_id)


def test_no_customer_no_invoice_pdf(tab: InvoiceTab) -> None:
    reason = "左の一覧でお客さまを選んでください。"
    assert not tab.report_buttons.save_button.isEnabled()
    assert tab.report_buttons.save_button.toolTip() == reason
    assert tab.report_buttons.status_label.text() == reason
    assert tab.print_current() is False


def test_saved_invoice_has_the_name_and_the_domain_total(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _preview(qtbot, tab, ledger.sole)
    text = save_report(qtbot, tab.report_buttons, tmp_path / "invoice.pdf", monkeypatch)
    assert "鈴木商店 御中" in text
    assert "株式会社たなか" not in text
    assert format_yen(_sole_total()) in text
    assert "2026年11月" in text


def _save_batch_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kwargs: (str(target), "PDF (*.pdf)"))


def test_batch_saves_every_billed_customer_in_one_pdf(
    qtbot: QtBot, tab: InvoiceTab, billed: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "all.pdf"
    _save_batch_to(monkeypatch, target)
    control = tab.batch
    seen: list[tuple[int, int]] = []
    control.save_action.trigger()
    assert control.batch is not None and control.progress_dialog is not None
    control.batch.progressed.connect(lambda done, total: seen.append((done, total)))
    assert not control.button.isEnabled() and control.button.toolTip() == "一括作成の途中です。"
    qtbot.waitUntil(lambda: control.batch is None, timeout=20_000)
    reader = PdfReader(target)
    assert len(reader.pages) >= len(billed)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in billed:
        assert f"{name} 御中" in text
    assert "X1" not in text  # shipped in October: on December's invoice
    assert seen[-1] == (len(billed), len(billed))
    assert f"{len(billed)} 件" in control.status_label.text()
    assert not part_path(target).exists()
    assert control.button.isEnabled()


def test_batch_cancel_after_a_few_leaves_no_file(
    qtbot: QtBot, tab: InvoiceTab, billed: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "all.pdf"
    _save_batch_to(monkeypatch, target)
    control = tab.batch
    real = preview_service.invoice_preview
    calls = 0
    released = threading.Event()

    def held_after_three(*args: object, **kwargs: object) -> object:
        # The worker waits at the 4th invoice until the clerk has pressed 中止.
        nonlocal calls
        calls += 1
        if calls == 4:
            deadline = time.monotonic() + 10
            while not released.is_set() and time.monotonic() < deadline:
                time.sleep(0.01)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_service, "invoice_preview", held_after_three)
    control.save_action.trigger()
    dialog = control.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: f"3 / {len(billed)} 件" in dialog.labelText(), timeout=10_000)
    assert dialog.isVisible() and dialog.value() == 3 and dialog.maximum() == len(billed)
    [cancel] = dialog.findChildren(QPushButton)
    assert cancel.text() == "中止"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    released.set()
    qtbot.waitUntil(lambda: control.batch is None, timeout=10_000)
    assert control.status_label.text() == "中止しました。ファイルは作成していません。"
    assert calls < len(billed)  # it stopped, it did not run to the end
    assert not target.exists() and not part_path(target).exists()
    assert list(tmp_path.glob("*.pdf*")) == []


def test_batch_print_sends_every_page_to_the_printer(
    qtbot: QtBot, tab: InvoiceTab, billed: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer",
                        lambda *_args: pdf_printer(printed, resolution=60))
    tab.batch.print_action.trigger()
    qtbot.waitUntil(lambda: "印刷しました" in tab.batch.status_label.text(), timeout=30_000)
    assert len(PdfReader(printed).pages) >= len(billed)
    assert f"{len(billed)} 件の請求書" in tab.batch.status_label.text()
