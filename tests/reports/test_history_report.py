"""Purchase history statement: the 6-month window and why an order is not shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaunet_desk.domain import history_window, order_total_yen, reflection_date
from kaunet_desk.formatting import format_date, format_yen
from kaunet_desk.reports.history import write_history
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database

from .ledger import new_customer, order
from .pdf import page_lines, unembedded_fonts

TODAY = date(2026, 11, 20)


def test_statement(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "株式会社みなと文具", "ミナトブング", contact="山田 太郎",
                            kaunet_ids=("KN-1",), limit=200_000)
    account = customer.accounts[0].id
    first, last = history_window(TODAY)
    assert (first, last) == (date(2026, 6, 1), TODAY)
    order(db, account, "OLD", date(2026, 5, 31), 1_000, shipped=date(2026, 6, 1))  # before
    order(db, account, "V1", first, 3_000, 200, shipped=date(2026, 6, 5))  # a Friday
    order(db, account, "CARD", date(2026, 8, 10), 3_000, shipped=date(2026, 8, 11), card=True)
    order(db, account, "OTHER", date(2026, 10, 10), 3_000, shipped=date(2026, 10, 12),
          other_dealer=True)
    order(db, account, "WAIT", date(2026, 11, 19), 3_000)
    order(db, account, "OVER", date(2026, 11, 19), 300_000)  # over the limit: cancelled
    out = tmp_path / "history.pdf"
    assert write_history(db, customer.id, out, today=TODAY, settings=ReportSettings()) == 1
    (lines,) = page_lines(out)

    assert "株式会社みなと文具 山田 太郎 様" in lines
    assert "カウネット ID：KN-1" in lines
    assert any(format_date(first) in line and format_date(last) in line for line in lines)
    assert "OLD" not in lines

    def row(order_no: str) -> list[str]:
        at = lines.index(order_no)
        return lines[at - 1 : at + 6]

    shown = reflection_date(date(2026, 6, 5))
    assert shown == date(2026, 6, 8)  # next business day after a Friday
    assert row("V1")[:6] == [format_date(first), "V1", format_date(date(2026, 6, 5)),
                             "KDDI 請求書", format_yen(order_total_yen(3_000, 200)),
                             f"{format_date(shown)} 午後から"]
    assert row("CARD")[5] == "非表示（カード払い）"
    assert row("OTHER")[5] == "非表示（他社販売店扱い）"
    assert row("WAIT")[2] == "—" and row("WAIT")[5] == "非表示（未発送）"
    assert row("OVER")[5] == "キャンセル（上限超過）"
    invoice_total = order_total_yen(3_000, 200) + 2 * order_total_yen(3_000, 0)
    card_total = order_total_yen(3_000, 0)
    assert (f"合計（税込、キャンセルを除く）：KDDI 請求書払い {format_yen(invoice_total)}"
            f"　カード払い {format_yen(card_total)}") in lines
    assert unembedded_fonts(out) == []


def test_several_accounts_get_a_column(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン", kaunet_ids=("KA", "KB"))
    order(db, customer.accounts[0].id, "A1", date(2026, 11, 2), 1_000)
    order(db, customer.accounts[1].id, "B1", date(2026, 11, 3), 1_000)
    out = tmp_path / "history.pdf"
    write_history(db, customer.id, out, today=TODAY,
                  settings=ReportSettings(date_style="wareki"))
    (lines,) = page_lines(out)
    assert "カウネット ID" in lines
    assert lines[lines.index("A1") + 1] == "KA" and lines[lines.index("B1") + 1] == "KB"
    assert "令和8年11月2日" in lines
    assert "鈴木商店 御中" in lines


def test_no_orders(db: Database, tmp_path: Path) -> None:
    customer = new_customer(db, "鈴木商店", "スズキショウテン")
    out = tmp_path / "history.pdf"
    write_history(db, customer.id, out, today=TODAY, settings=ReportSettings())
    assert "この期間のご注文はありません。" in page_lines(out)[0]
