"""Every report on the demo ledger (kaunet_desk.demo.build_demo), cross-checked with SQL of
its own and the domain functions."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kaunet_desk.demo import build_demo
from kaunet_desk.domain import dealer_change_state, order_total_yen
from kaunet_desk.domain.enums import DealerChangeState
from kaunet_desk.formatting import format_yen
from kaunet_desk.reports.fax_form import write_fax_form
from kaunet_desk.reports.fax_overdue import write_fax_overdue
from kaunet_desk.reports.history import write_history
from kaunet_desk.reports.invoice import write_invoices
from kaunet_desk.reports.limits import write_limits
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.invoice_preview import invoice_preview

from .pdf import page_lines, pairs, smallest_text, unembedded_fonts

TODAY = date(2026, 11, 20)
SETTINGS = ReportSettings()


@pytest.fixture
def demo(db: Database, db_path: Path) -> sqlite3.Connection:
    build_demo(db, customers=200, orders=2_000, seed=7, today=TODAY)
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()


def test_limits_match_an_independent_sum(db: Database, demo: sqlite3.Connection,
                                         tmp_path: Path) -> None:
    expected: dict[str, int] = {}
    for name, s10, s8 in demo.execute(
        "SELECT c.name, o.subtotal_10_yen, o.subtotal_8_yen FROM orders o "
        "JOIN customers c ON c.id = o.customer_id WHERE o.order_date >= '2026-11-01' "
        "AND o.order_date < '2026-12-01' AND o.payment = 'kddi_invoice' "
        "AND o.status IN ('ordered', 'shipped')"
    ):
        expected[name] = expected.get(name, 0) + order_total_yen(s10, s8)
    out = tmp_path / "limits.pdf"
    write_limits(db, date(2026, 11, 1), out, today=TODAY, settings=SETTINGS)
    lines = [line for page in page_lines(out) for line in page]
    assert expected, "the demo should have November orders"
    for name, used in expected.items():
        if name in lines:  # long names may be wrapped onto two lines
            assert lines[lines.index(name) + 2] == format_yen(used)
    shown = sum(1 for name in expected if name in lines)
    assert shown >= len(expected) * 0.8
    assert unembedded_fonts(out) == []


def test_invoice_batch_totals(db: Database, demo: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "invoices.pdf"
    write_invoices(db, None, date(2026, 11, 1), out, today=TODAY, settings=SETTINGS)
    billed = [row[0] for row in demo.execute(
        "SELECT DISTINCT customer_id FROM orders WHERE shipped_on >= '2026-09-01' "
        "AND shipped_on < '2026-10-01' AND payment = 'kddi_invoice' AND other_dealer = 0")]
    pages = page_lines(out)
    totals = [pairs(lines)["合計（税込）"] for lines in pages if "合計（税込）" in lines]
    assert len(totals) == len(billed) > 0
    expected = sorted(
        format_yen(invoice_preview(db, cid, date(2026, 11, 1), today=TODAY).total_yen)
        for cid in billed)
    assert sorted(totals) == expected
    assert unembedded_fonts(out) == []


def test_overdue_list_matches_the_domain_states(db: Database, demo: sqlite3.Connection,
                                                tmp_path: Path) -> None:
    rows = demo.execute(
        "SELECT c.name, d.deadline, d.returned_on FROM dealer_change_requests d "
        "JOIN customers c ON c.id = d.customer_id "
        "WHERE d.effective_month IS NULL AND d.closed_on IS NULL").fetchall()
    expired = [name for name, deadline, returned in rows
               if dealer_change_state(date.fromisoformat(deadline),
                                      date.fromisoformat(returned) if returned else None,
                                      TODAY) is DealerChangeState.EXPIRED]
    out = tmp_path / "overdue.pdf"
    write_fax_overdue(db, out, today=TODAY, settings=SETTINGS, within_days=0)
    lines = [line for page in page_lines(out) for line in page]
    assert f"返信期限切れ（未返信）{len(expired)} 件" in lines
    for name in expired:
        assert any(line.startswith(name[:8]) for line in lines)


def test_fax_and_history_on_demo_customers(db: Database, demo: sqlite3.Connection,
                                           tmp_path: Path) -> None:
    (customer_id,) = demo.execute(
        "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    fax = tmp_path / "fax.pdf"
    write_fax_form(db, customer_id, fax, today=TODAY, settings=SETTINGS)
    assert smallest_text(fax, 0) >= 10 and smallest_text(fax, 1) >= 10
    history = tmp_path / "history.pdf"
    write_history(db, customer_id, history, today=TODAY, settings=SETTINGS)
    in_window = demo.execute(
        "SELECT count(*) FROM orders WHERE customer_id = ? AND order_date >= '2026-06-01' "
        "AND order_date <= '2026-11-20'", (customer_id,)).fetchone()[0]
    order_nos = [row[0] for row in demo.execute(
        "SELECT order_no FROM orders WHERE customer_id = ? AND order_date >= '2026-06-01' "
        "AND order_date <= '2026-11-20'", (customer_id,))]
    lines = [line for page in page_lines(history) for line in page]
    assert in_window == len(order_nos)
    assert all(no in lines for no in order_nos)
    assert unembedded_fonts(fax) == [] and unembedded_fonts(history) == []
