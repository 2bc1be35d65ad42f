"""Monthly limit list: usage per customer against the limit, from entered orders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kaunet_desk.domain import order_total_yen
from kaunet_desk.formatting import format_month, format_yen
from kaunet_desk.reports.limits import write_limits
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import change_limit
from kaunet_desk.store.services.report_data import month_limit_usage

from .ledger import new_customer, order
from .pdf import page_lines, unembedded_fonts

MONTH = date(2026, 11, 1)
TODAY = date(2026, 11, 20)


def _ledger(db: Database) -> dict[str, tuple[int, int]]:
    """name → (limit, usage) with usage computed from the domain's order totals."""
    a = new_customer(db, "あおば工務店", "アオバコウムテン", kaunet_ids=("KA",), limit=100_000)
    order(db, a.accounts[0].id, "A1", date(2026, 11, 2), 40_000)
    order(db, a.accounts[0].id, "A2", date(2026, 11, 30), 36_000, 1_000)
    order(db, a.accounts[0].id, "A3", date(2026, 11, 3), 5_000, card=True)  # not counted
    order(db, a.accounts[0].id, "A4", date(2026, 10, 31), 9_000)  # October
    b = new_customer(db, "いずみ書房", "イズミショボウ", kaunet_ids=("KB",), limit=50_000)
    order(db, b.accounts[0].id, "B1", date(2026, 11, 5), 45_455)  # exactly 50,000 with tax
    c = new_customer(db, "うみの歯科", "ウミノシカ", kaunet_ids=("KC",), limit=300_000)
    order(db, c.accounts[0].id, "C1", date(2026, 11, 6), 10_000, shipped=date(2026, 11, 7))
    d = new_customer(db, "えがお保育園", "エガオホイクエン", kaunet_ids=("KD",), limit=100_000)
    order(db, d.accounts[0].id, "D1", date(2026, 11, 8), 90_000)
    change_limit(db, d.id, 50_000, "与信再審査の結果、減額", date(2026, 11, 15))
    e = new_customer(db, "おおぞら商会", "オオゾラショウカイ", kaunet_ids=("KE",), limit=10_000)
    entry = order(db, e.accounts[0].id, "E1", date(2026, 11, 9), 20_000)  # cancelled
    assert entry.decision == "cancel_over_limit"
    new_customer(db, "かもめ印刷", "カモメインサツ", kaunet_ids=("KF",), limit=200_000)
    return {
        "あおば工務店": (100_000, order_total_yen(40_000, 0) + order_total_yen(36_000, 1_000)),
        "いずみ書房": (50_000, order_total_yen(45_455, 0)),
        "うみの歯科": (300_000, order_total_yen(10_000, 0)),
        "えがお保育園": (50_000, order_total_yen(90_000, 0)),
    }


def _row(lines: list[str], name: str) -> list[str]:
    at = lines.index(name)
    return lines[at + 1 : at + 6]


def test_usage_limits_and_judgements(db: Database, tmp_path: Path) -> None:
    expected = _ledger(db)
    assert expected["いずみ書房"][1] == 50_000  # the case "exactly reaching is allowed"
    out = tmp_path / "limits.pdf"
    assert write_limits(db, MONTH, out, today=TODAY, settings=ReportSettings()) == 1
    (lines,) = page_lines(out)
    assert lines[0] == f"月間購入上限金額 一覧　{format_month(MONTH)}"
    for name, (limit, used) in expected.items():
        row = _row(lines, name)
        assert row[:4] == [format_yen(limit), format_yen(used), format_yen(limit - used),
                           f"{used * 100 // limit}%"]
    assert _row(lines, "えがお保育園")[4] == "超過"
    assert _row(lines, "いずみ書房")[4] == "上限到達"
    assert _row(lines, "あおば工務店")[4] == "注意"  # 84,600 of 100,000 ≥ 80 %
    # Over first, then reached, near, the rest.
    order_seen = [name for name in lines if name in expected]
    assert order_seen == ["えがお保育園", "いずみ書房", "あおば工務店", "うみの歯科"]
    # No counted order, no line: the cancelled-over-limit customer and the idle one.
    assert "おおぞら商会" not in lines and "かもめ印刷" not in lines
    assert "対象：4 件（超過 1 件、上限到達 1 件、注意 1 件）" in lines
    assert unembedded_fonts(out) == []


def test_include_unused_lists_idle_active_customers(db: Database) -> None:
    _ledger(db)
    names = [row.name for row in month_limit_usage(db, MONTH, include_unused=True)]
    assert "かもめ印刷" in names and "おおぞら商会" in names
    assert names == sorted(names, key=lambda n: names.index(n))  # フリガナ order kept
    assert len(month_limit_usage(db, MONTH)) == 4


def test_many_customers_paginate(db: Database, tmp_path: Path) -> None:
    for n in range(75):
        customer = new_customer(db, f"テスト商事{n:03d}", "テストショウジ", kaunet_ids=(f"T{n}",),
                                limit=100_000)
        order(db, customer.accounts[0].id, "X1", date(2026, 11, 2), 1_000 + n)
    out = tmp_path / "limits.pdf"
    pages = write_limits(db, MONTH, out, today=TODAY, settings=ReportSettings())
    texts = page_lines(out)
    assert pages == len(texts) >= 2
    assert all(f"{n} / {pages}" in lines for n, lines in enumerate(texts, start=1))
    names = [line for lines in texts for line in lines if line.startswith("テスト商事")]
    assert len(names) == 75
    # The table header repeats on every page.
    assert all("上限額" in lines for lines in texts)
