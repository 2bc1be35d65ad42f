"""The invoice preview PDF against the domain functions (not against the report's code)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaunet_desk.domain import (
    combined_billing_rebate,
    counter_fee,
    invoice_tax,
    late_interest,
    slip_fee,
)
from kaunet_desk.domain.enums import CustomerKind
from kaunet_desk.formatting import format_date, format_month, format_yen
from kaunet_desk.reports.invoice import PREVIEW_MARK, render_invoices, write_invoices
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import CombinedBillingFacts, Invoice, Payment
from kaunet_desk.store.services.invoice_preview import invoice_preview

from .ledger import new_customer, order
from .pdf import page_lines, pairs, unembedded_fonts

BILLING = date(2026, 11, 1)
TODAY = date(2026, 11, 22)
SETTINGS = ReportSettings(issuer_registration_number="T7010705000725",
                          issuer_name="KDDI株式会社")


def _sole_proprietor_with_everything(db: Database) -> int:
    customer = new_customer(db, "佐藤デザイン事務所", "サトウデザインジムショ",
                            kind=CustomerKind.SOLE_PROPRIETOR.value)
    account = customer.accounts[0].id
    order(db, account, "S1", date(2026, 9, 1), 1999, 999, shipped=date(2026, 9, 1), points=300)
    order(db, account, "S2", date(2026, 9, 28), 5001, shipped=date(2026, 9, 30))
    # Not on this invoice: shipped in October, by card, other dealer.
    order(db, account, "X1", date(2026, 10, 1), 100, shipped=date(2026, 10, 1))
    order(db, account, "X2", date(2026, 9, 2), 100, shipped=date(2026, 9, 3), card=True)
    order(db, account, "X3", date(2026, 9, 2), 100, shipped=date(2026, 9, 3), other_dealer=True)
    with db.unit_of_work() as session:
        session.add(Invoice(customer_id=customer.id, billing_month=BILLING,
                            due_on=date(2026, 11, 30), amount_yen=0, slips_issued=2,
                            counter_requests=1))
        session.add(CombinedBillingFacts(customer_id=customer.id, billing_month=BILLING,
                                         mobile_charges=True, matome_line_fee=True))
        october = Invoice(customer_id=customer.id, billing_month=date(2026, 10, 1),
                          due_on=date(2026, 9, 30), amount_yen=50_000)
        session.add(october)
        session.flush()
        session.add(Payment(invoice_id=october.id, paid_on=date(2026, 10, 20),
                            amount_yen=50_000))
    return customer.id


def test_amounts_match_the_domain(db: Database, tmp_path: Path) -> None:
    customer_id = _sole_proprietor_with_everything(db)
    out = tmp_path / "invoice.pdf"
    pages = write_invoices(db, [customer_id], BILLING, out, today=TODAY, settings=SETTINGS)
    assert pages == 1
    (lines,) = page_lines(out)
    after = pairs(lines)

    fees = 2 * slip_fee(False, False, on=BILLING) + counter_fee(False, False, on=BILLING)
    rebate = combined_billing_rebate(True, True, False, on=BILLING)
    subtotals = {10: 1999 + 5001 + fees - rebate, 8: 999}
    taxes = invoice_tax(subtotals, on=BILLING)
    interest = late_interest(50_000, date(2026, 9, 30), date(2026, 10, 20))
    total = sum(subtotals.values()) + sum(taxes.values()) - 300 + interest

    assert after["10% 対象 小計（税抜）"] == format_yen(subtotals[10])
    assert after["10% 対象 消費税"] == format_yen(taxes[10])
    assert after["8% 対象 小計（税抜） ※"] == format_yen(subtotals[8])
    assert after["8% 対象 消費税"] == format_yen(taxes[8])
    assert after["ポイント de ショッピングご利用分一式"] == "-" + format_yen(300)
    assert after["延滞利息（約款 第9条の4・非課税）"] == format_yen(interest)
    assert after["合計（税込）"] == format_yen(total)
    assert after["ご請求金額（税込）"] == format_yen(total)
    # The 適格請求書 items.
    assert "佐藤デザイン事務所 御中" in lines
    assert "登録番号 T7010705000725" in lines
    assert "KDDI株式会社" in lines
    assert f"ご請求月　{format_month(BILLING)}" in lines
    assert any(format_date(date(2026, 9, 1)) in line and format_date(date(2026, 9, 30)) in line
               for line in lines if line.startswith("対象期間"))
    # Lines: the reduced-rate one marked ※, fees and the rebate at the standard rate.
    assert "カウネット ご購入（注文番号 S1） ※" in lines
    assert after["カウネット ご購入（注文番号 S1） ※"] == "8%"
    assert after["カウネット ご購入（注文番号 S2）"] == "10%"
    assert not any("X1" in line or "X2" in line or "X3" in line for line in lines)
    assert any(line.startswith("払込取扱票発行等手数料") for line in lines)
    assert any(line.startswith("窓口取扱等手数料") for line in lines)
    assert format_yen(-rebate) in lines
    assert "※ は軽減税率（8%）対象です。" in lines
    # Marked as a preview.
    assert lines[0] == PREVIEW_MARK
    assert unembedded_fonts(out) == []


def test_corporation_pays_no_fees(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "株式会社みなと文具", "ミナトブング")
    order(db, customer.accounts[0].id, "A1", date(2026, 9, 5), 10_000, shipped=date(2026, 9, 5))
    with db.unit_of_work() as session:
        session.add(Invoice(customer_id=customer.id, billing_month=BILLING,
                            due_on=date(2026, 11, 30), amount_yen=0, slips_issued=3))
    out = tmp_path / "invoice.pdf"
    write_invoices(db, [customer.id], BILLING, out, today=TODAY, settings=SETTINGS)
    (lines,) = page_lines(out)
    assert not any("手数料" in line for line in lines)
    assert "ポイント de ショッピングご利用分一式" not in lines
    taxes = invoice_tax({10: 10_000, 8: 0}, on=BILLING)
    assert pairs(lines)["合計（税込）"] == format_yen(10_000 + taxes[10])


def test_long_invoice_spans_pages_marked_on_each(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "株式会社みなと文具", "ミナトブング")
    account = customer.accounts[0].id
    amounts = [(1000 + 37 * n, 200 + n if n % 3 == 0 else 0) for n in range(60)]
    for n, (s10, s8) in enumerate(amounts):
        day = date(2026, 9, 1 + n % 30)
        order(db, account, f"N{n:03d}", day, s10, s8, shipped=day)
    out = tmp_path / "invoice.pdf"
    pages = write_invoices(db, [customer.id], BILLING, out, today=TODAY, settings=SETTINGS)
    texts = page_lines(out)
    assert pages == len(texts) >= 3
    for number, lines in enumerate(texts, start=1):
        assert lines[0] == PREVIEW_MARK
        assert f"{number} / {pages}" in lines
    rows = [line for lines in texts for line in lines if line.startswith("カウネット ご購入")]
    assert len(rows) == sum(1 for s10, s8 in amounts for v in (s10, s8) if v)
    subtotals = {10: sum(a for a, _ in amounts), 8: sum(b for _, b in amounts)}
    taxes = invoice_tax(subtotals, on=BILLING)
    last = pairs(texts[-1])
    assert last["合計（税込）"] == format_yen(sum(subtotals.values()) + sum(taxes.values()))


def test_batch_numbers_each_invoice_from_one(db: Database, tmp_path: Path) -> None:
    ids = []
    for n, (name, kana) in enumerate([("あおば工務店", "アオバコウムテン"),
                                      ("みらい設計", "ミライセッケイ")]):
        customer = new_customer(db, name, kana, kaunet_ids=(f"K{n}",))
        order(db, customer.accounts[0].id, "A1", date(2026, 9, 5), 5000 * (n + 1),
              shipped=date(2026, 9, 7))
        ids.append(customer.id)
    new_customer(db, "注文のない会社", "チュウモンノナイカイシャ", kaunet_ids=("K9",))
    out = tmp_path / "batch.pdf"
    # Without customer ids: every customer with a September shipment, in フリガナ order.
    pages = write_invoices(db, None, BILLING, out, today=TODAY, settings=SETTINGS)
    texts = page_lines(out)
    assert pages == len(texts) == 2
    assert "あおば工務店 御中" in texts[0] and "1 / 1" in texts[0]
    assert "みらい設計 御中" in texts[1] and "1 / 1" in texts[1]
    assert not any("注文のない会社" in line for lines in texts for line in lines)


def test_empty_batch_is_a_valid_pdf(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert render_invoices([], out, SETTINGS, issued_on=TODAY) == 1
    (lines,) = page_lines(out)
    assert "対象の請求書はありません。" in lines


def test_preview_object_is_what_is_printed(db: Database, tmp_path: Path) -> None:
    """The service's preview and the PDF agree on the total for a wareki rendering too."""
    customer_id = _sole_proprietor_with_everything(db)
    preview = invoice_preview(db, customer_id, BILLING, today=TODAY)
    out = tmp_path / "wareki.pdf"
    render_invoices([preview], out, SETTINGS.with_values(date_style="wareki"), issued_on=TODAY)
    (lines,) = page_lines(out)
    assert "ご請求月　令和8年11月" in lines
    assert pairs(lines)["合計（税込）"] == format_yen(preview.total_yen)
