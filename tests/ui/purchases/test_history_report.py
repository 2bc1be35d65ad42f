"""The 購入履歴 tab's statement: 印刷プレビュー / 印刷… / PDF として保存… (FAQ 購入履歴)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kaunet_desk.domain import order_total_yen
from kaunet_desk.formatting import format_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_rows
from kaunet_desk.ui.purchases.view import PurchasesTab

from ..support import save_report
from .support import Ledger, wait_loaded

# The Aoba orders inside the window 2026-06-01 … 2026-11-20, by hand from conftest.ledger.
IN_WINDOW = ("A-JUN", "A-FRI", "A-HOL", "A-NOT", "A-OTH", "A-CARD")
# Not cancelled and paid by KDDI invoice (A-CARD is the card one; A-OLD is before the window).
KDDI_TOTAL = order_total_yen(1999, 1001) + 4 * order_total_yen(1000, 0)
CARD_TOTAL = order_total_yen(1000, 0)


def _choose(qtbot: QtBot, tab: PurchasesTab, db: Database, customer_id: int) -> None:
    tab.picker.set_customer(customer_rows(db, [customer_id])[customer_id])
    wait_loaded(qtbot, tab)


def test_all_customers_has_no_statement_and_says_why(tab: PurchasesTab) -> None:
    buttons = tab.report_buttons
    assert tab.picker.customer_id is None
    reason = "「全顧客」では作れません。お客さまを 1 件選んでください。"
    for button in buttons.buttons():
        assert not button.isEnabled() and button.toolTip() == reason
    assert buttons.status_label.text() == reason and buttons.status_label.isVisible()
    assert tab.print_current() is False  # ファイル → 印刷… has nothing to print here


def test_saved_statement_names_the_customer_and_its_window(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _choose(qtbot, tab, db, ledger.aoba)
    assert tab.report_buttons.save_button.isEnabled()
    assert "株式会社アオバ商事" in tab.report_buttons.suggested_name
    text = save_report(qtbot, tab.report_buttons, tmp_path / "history.pdf", monkeypatch)
    assert "株式会社アオバ商事" in text
    assert "有限会社ミドリ文具" not in text and "B-1" not in text
    for order_no in IN_WINDOW:
        assert order_no in text
    assert "A-OLD" not in text
    assert "2026/06/01" in text and "2026/11/20" in text
    assert format_yen(KDDI_TOTAL) in text and format_yen(CARD_TOTAL) in text
    # Back to 全顧客: off again.
    tab.picker.choose_all()
    assert not tab.report_buttons.save_button.isEnabled()
