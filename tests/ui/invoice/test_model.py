"""The invoice tab's models: Qt's model checks, and the lines of hand-made previews."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from kaunet_desk.domain.invoice_preview import (
    ChargeLine,
    InterestLine,
    InvoicePreview,
    PurchaseLine,
)
from kaunet_desk.formatting import format_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_ids
from kaunet_desk.ui.invoice.customer_list_model import PAGE, CustomerListModel
from kaunet_desk.ui.invoice.lines import FeeFacts, LineKind, invoice_lines
from kaunet_desk.ui.invoice.model import Column, InvoiceLinesModel

from .support import NOV, Ledger

SOLE = FeeFacts(corporate=False, disability_discount=False, combined_billing=True)


def _preview(**kw: object) -> InvoicePreview:
    values: dict[str, object] = dict(
        customer_id=1, customer_name="鈴木商店", billing_month=NOV,
        period=(date(2026, 9, 1), date(2026, 9, 30)),
        purchases=(PurchaseLine("P1", date(2026, 9, 1), date(2026, 9, 2), 0, 500, 0),),
        charges=(), interest=(), subtotals={10: 0, 8: 500}, taxes={10: 0, 8: 40},
        points_yen=0, late_interest_yen=0, total_yen=540,
    )
    values.update(kw)
    return InvoicePreview(**values)  # type: ignore[arg-type]


def test_lines_model_passes_qt_checks(qapp: object, qtmodeltester: ModelTester) -> None:
    model = InvoiceLinesModel()
    qtmodeltester.check(model)
    model.set_lines(invoice_lines(_preview(points_yen=100, total_yen=440), SOLE))
    qtmodeltester.check(model)
    total_row = model.rowCount() - 1
    assert model.index(total_row, Column.AMOUNT).data() == format_yen(440)
    assert model.index(total_row, Column.TEXT).data(Qt.ItemDataRole.FontRole).bold()


def test_reduced_rate_only_order_is_one_line_marked_reduced() -> None:
    lines = invoice_lines(_preview(), SOLE)
    orders = [line for line in lines if line.kind is LineKind.ITEM]
    assert [(o.rate, o.amount_yen, o.day) for o in orders] == [("8%※", 500, "2026/09/02")]


def test_exemptions_and_rebate_are_said_in_words() -> None:
    disabled = FeeFacts(corporate=False, disability_discount=True, combined_billing=False)
    notes = [line.text for line in invoice_lines(_preview(), disabled)
             if line.kind is LineKind.NOTE]
    exempt = "払込取扱票発行等手数料(約款 第13条): 障がい者等に係る基本使用料の割引のため免除"
    assert exempt in notes
    assert "KDDI まとめて請求の割引(約款 第9条の2): まとめて請求ではないため対象外" in notes
    charged = invoice_lines(_preview(charges=(ChargeLine("slip_fee", 3, 100),)), SOLE)
    slip = next(line for line in charged if "払込取扱票" in line.text)
    assert (slip.kind, slip.amount_yen, slip.rate) == (LineKind.ITEM, 300, "10%")
    none = [line.text for line in invoice_lines(_preview(), SOLE) if line.kind is LineKind.NOTE]
    assert "窓口取扱等手数料(約款 第14条): 該当なし" in none


def test_paid_late_interest_is_not_an_estimate() -> None:
    paid = InterestLine(date(2026, 9, 1), date(2026, 9, 30), date(2026, 10, 20), 50_000, 79,
                        False)
    estimated = InterestLine(date(2026, 8, 1), date(2026, 8, 31), date(2026, 11, 22), 30_000,
                             900, True)
    lines = [line for line in invoice_lines(_preview(interest=(paid, estimated)), SOLE)
             if line.kind is LineKind.INTEREST]
    assert [(line.estimated, "見込み" in line.text, line.day) for line in lines] == [
        (False, False, "2026/10/20"), (True, True, "")]


def test_no_purchases_says_so() -> None:
    lines = invoice_lines(_preview(purchases=(), subtotals={10: 0, 8: 0}, taxes={10: 0, 8: 0},
                                   total_yen=0), SOLE)
    assert any(line.text == "この期間に発送されたご利用はありません" for line in lines)


def test_customer_list_model_pages_rows_in(
    qtmodeltester: ModelTester, db: Database, ledger: Ledger
) -> None:
    model = CustomerListModel()
    qtmodeltester.check(model)
    model.set_ids(db, customer_ids(db))
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "スズキショウテン", "タナカ"]
    assert model.row_of(ledger.corporate) == 1
    assert model.row_of(-1) is None
    assert PAGE >= 100
