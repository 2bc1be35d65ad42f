"""The 請求書プレビュー tab against figures worked out from the domain functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.domain import (
    combined_billing_rebate,
    counter_fee,
    invoice_tax,
    late_interest,
    slip_fee,
)
from kaunet_desk.formatting import format_yen
from kaunet_desk.ui.invoice.lines import LineKind
from kaunet_desk.ui.invoice.model import LINE_ROLE, Column
from kaunet_desk.ui.invoice.view import InvoiceTab

from ..support import commit_text
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


def _preview(qtbot: QtBot, tab: InvoiceTab, customer_id: int) -> None:
    with qtbot.waitSignal(tab.preview_shown, timeout=10_000):
        assert tab.select_customer(customer_id)


def _rows(tab: InvoiceTab) -> list[tuple[str, str, str, str]]:
    model = tab.lines_model
    return [
        tuple(model.index(r, c).data() for c in Column)  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def _row(tab: InvoiceTab, kind: LineKind) -> list[tuple[str, str, str, str]]:
    model = tab.lines_model
    return [row for r, row in enumerate(_rows(tab))
            if model.index(r, 0).data(LINE_ROLE).kind is kind]


def test_total_is_what_the_domain_rules_add_up_to(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger
) -> None:
    _preview(qtbot, tab, ledger.sole)
    fees = SLIPS * slip_fee(False, False, on=NOV) + COUNTER_REQUESTS * counter_fee(
        False, False, on=NOV)
    rebate = combined_billing_rebate(True, True, False, on=NOV)
    subtotals = {
        10: sum(s.s10 for s in ON_INVOICE) + fees - rebate,
        8: sum(s.s8 for s in ON_INVOICE),
    }
    taxes = invoice_tax(subtotals, on=NOV)
    points = sum(s.points for s in ON_INVOICE)
    interest = late_interest(OVERDUE_YEN, OVERDUE_DUE, TODAY)  # unpaid: as if paid today
    assert interest > 0
    expected = sum(subtotals.values()) + sum(taxes.values()) - points + interest

    assert format_yen(expected) in tab.total.text()
    assert _row(tab, LineKind.TOTAL)[0][Column.AMOUNT] == format_yen(expected)
    subtotal_rows = _row(tab, LineKind.SUBTOTAL)
    assert [r[Column.AMOUNT] for r in subtotal_rows] == [
        format_yen(subtotals[10]), format_yen(subtotals[8])]
    assert "※軽減税率対象" in subtotal_rows[1][Column.TEXT]
    assert [r[Column.AMOUNT] for r in _row(tab, LineKind.TAX)] == [
        format_yen(taxes[10]), format_yen(taxes[8])]


def test_points_line_is_negative_and_named_as_on_the_invoice(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger
) -> None:
    _preview(qtbot, tab, ledger.sole)
    (points,) = _row(tab, LineKind.POINTS)
    assert points[Column.TEXT] == "ポイント de ショッピングご利用分一式"
    assert points[Column.AMOUNT] == format_yen(-300)
    assert points[Column.AMOUNT].startswith("-")


def test_only_september_kddi_shipments_fees_rebate_and_estimated_interest(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger
) -> None:
    _preview(qtbot, tab, ledger.sole)
    assert "2026/09/01〜2026/09/30" in tab.period.text()
    texts = [r[Column.TEXT] for r in _rows(tab)]
    items = [r for r in _row(tab, LineKind.ITEM) if "ご注文" in r[Column.TEXT]]
    assert [(r[Column.DAY], r[Column.RATE], r[Column.AMOUNT]) for r in items] == [
        ("2026/09/01", "10%", format_yen(1_999)),
        ("", "8%※", format_yen(999)),
        ("2026/09/30", "10%", format_yen(5_001)),
    ]
    assert not any(no in " ".join(texts) for no in ("X1", "X2", "X3", "X4"))
    assert any(f"払込取扱票発行等手数料(約款 第13条) {SLIPS} 回" in t for t in texts)
    assert any("窓口取扱等手数料" in t and f"{COUNTER_REQUESTS} 回" in t for t in texts)
    rebate = next(r for r in _rows(tab) if "まとめて請求の割引" in r[Column.TEXT])
    assert rebate[Column.AMOUNT] == format_yen(-200)
    (interest,) = _row(tab, LineKind.INTEREST)
    assert "見込み" in interest[Column.TEXT]
    assert interest[Column.AMOUNT] == format_yen(late_interest(OVERDUE_YEN, OVERDUE_DUE, TODAY))


def test_corporate_customer_fees_are_stated_as_exempt(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger
) -> None:
    _preview(qtbot, tab, ledger.corporate)
    notes = [r[Column.TEXT] for r in _row(tab, LineKind.NOTE)]
    assert "払込取扱票発行等手数料(約款 第13条): 法人のため免除" in notes
    assert "窓口取扱等手数料(約款 第14条): 法人のため免除" in notes
    # 10,000 at 10 %, nothing else: no fee, no rebate (no facts recorded), no points.
    subtotals = {10: 10_000, 8: 0}
    expected = 10_000 + sum(invoice_tax(subtotals, on=NOV).values())
    assert tab.total.text().endswith(format_yen(expected))
    assert _row(tab, LineKind.POINTS) == []


def test_preview_is_labelled_as_kddi_bills(tab: InvoiceTab) -> None:
    labels = [w.text() for w in tab.findChildren(type(tab.heading))]
    assert "KDDI 請求書のプレビュー(実際の請求は KDDI が行います)" in labels
    assert tab.heading.text() == "左の一覧でお客さまを選んでください"


def test_search_then_enter_previews_the_first_match(
    qtbot: QtBot, tab: InvoiceTab, ledger: Ledger
) -> None:
    assert tab.customers_model.rowCount() == 2
    with qtbot.waitSignal(tab.customers_listed, timeout=10_000):
        commit_text(tab.search_field(), "たなか")
    assert tab.customers_model.rowCount() == 1
    with qtbot.waitSignal(tab.preview_shown, timeout=10_000):
        qtbot.keyClick(tab.search_field(), Qt.Key.Key_Return)
    assert tab.preview is not None and tab.preview.customer_id == ledger.corporate
    # A company is addressed with 御中, never 様.
    assert tab.heading.text().startswith("株式会社たなか 御中 2026年11月ご請求分")


def test_another_billing_month(qtbot: QtBot, tab: InvoiceTab, ledger: Ledger) -> None:
    _preview(qtbot, tab, ledger.sole)
    with qtbot.waitSignal(tab.preview_shown, timeout=10_000):
        qtbot.mouseClick(tab.month_picker.next_button, Qt.MouseButton.LeftButton)
    # December bills October's shipment X1 (100 → 110 with tax); no fees recorded then.
    assert "2026/10/01〜2026/10/31" in tab.period.text()
    assert tab.total.text().endswith(format_yen(
        100 + sum(invoice_tax({10: 100, 8: 0}, on=NOV).values())
        + late_interest(OVERDUE_YEN, OVERDUE_DUE, TODAY)))
