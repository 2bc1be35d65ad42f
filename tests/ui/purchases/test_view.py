"""The 購入履歴 tab on a real SQLite file (FAQ 購入履歴)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kaunet_desk.domain import billing_month, reflection_date
from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.store.database import Database
from kaunet_desk.ui.main_window import MainWindow
from kaunet_desk.ui.purchases.columns import column_index
from kaunet_desk.ui.purchases.view import PurchasesTab

from ..support import type_with_ime
from .support import Ledger, cell, row_of, shown_order_numbers, wait_loaded

TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


def test_opens_on_the_six_month_window_newest_first(tab: PurchasesTab) -> None:
    # 2026-06-01 … 2026-11-20: A-OLD (5/31) is out, A-JUN (6/1) is in; newest order date
    # first, the later-entered order first on the same day (A-CARD after A-OTH).
    assert shown_order_numbers(tab) == [
        "A-NOT", "B-1", "A-HOL", "A-CARD", "A-OTH", "A-FRI", "A-JUN",
    ]
    assert tab.months.from_combo.currentText() == "2026年6月"
    assert tab.months.to_combo.currentText() == "2026年11月"
    assert "全顧客" in tab.scope_label.text()
    assert "6 か月" in tab.scope_label.text()
    assert tab.status_label.text() == "7 件"


def test_an_earlier_from_month_brings_older_orders(qtbot: QtBot, tab: PurchasesTab) -> None:
    combo = tab.months.from_combo
    combo.setCurrentIndex(combo.findText("2026年5月"))
    wait_loaded(qtbot, tab)
    assert shown_order_numbers(tab)[-1] == "A-OLD"
    assert "6 か月" not in tab.scope_label.text()

    # A from-month after the to-month is refused on the field; the table stays as it was.
    tab.months.to_combo.setCurrentIndex(tab.months.to_combo.findText("2026年4月"))
    assert tab.months.error_label.isVisible()
    assert "開始月" in tab.months.error_label.text()
    assert shown_order_numbers(tab)[-1] == "A-OLD"

    qtbot.mouseClick(tab.months.reset_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, tab)
    assert not tab.months.error_label.isVisible()
    assert "A-OLD" not in shown_order_numbers(tab)


def test_reflection_and_billing_month_after_a_friday_and_a_holiday(tab: PurchasesTab) -> None:
    # Shipped Fri 9/18; 9/19–9/23 are Sat, Sun, 敬老の日, 国民の休日, 秋分の日 → Thu 9/24.
    assert cell(tab, "A-FRI", "reflection") == "2026/09/24 午後"
    expected = format_date(reflection_date(date(2026, 9, 18)))
    assert cell(tab, "A-FRI", "reflection") == f"{expected} 午後"
    assert cell(tab, "A-FRI", "billing_month") == "2026年11月"
    assert cell(tab, "A-FRI", "billing_month") == format_month(billing_month(date(2026, 9, 18)))
    # Shipped Mon 11/2, 11/3 is 文化の日 → Wed 11/4; billed two months on, January.
    assert cell(tab, "A-HOL", "reflection") == "2026/11/04 午後"
    assert cell(tab, "A-HOL", "billing_month") == "2027年1月"
    assert cell(tab, "A-HOL", "shipped_on") == "2026/11/02"


def test_amounts_go_through_the_yen_formatter(tab: PurchasesTab) -> None:
    # 1,999 at 10 % and 1,001 at 8 %: tax 199 + 80 = 279, total 3,279 (by hand).
    assert cell(tab, "A-JUN", "subtotal_10") == "￥1,999"
    assert cell(tab, "A-JUN", "subtotal_8") == "￥1,001"
    assert cell(tab, "A-JUN", "tax") == "￥279"
    assert cell(tab, "A-JUN", "total") == "￥3,279"
    assert "￥199" in str(cell(tab, "A-JUN", "tax", TOOLTIP))
    assert "￥80" in str(cell(tab, "A-JUN", "tax", TOOLTIP))
    assert cell(tab, "A-JUN", "points") == "￥0"
    money = tab.model.index(0, column_index("total")).data(Qt.ItemDataRole.TextAlignmentRole)
    assert int(money) & int(Qt.AlignmentFlag.AlignRight)


def test_rows_never_shown_on_my_kddi_biz_say_why(tab: PurchasesTab) -> None:
    reasons = {
        "A-NOT": ("未発送", "未発送のため"),
        "A-OTH": ("他販売店経由", "他社販売店からの購入扱い"),
        "A-CARD": ("カード払い", "クレジットカード払い"),
    }
    for order_no, (label, sentence) in reasons.items():
        assert cell(tab, order_no, "visibility") == label
        assert sentence in str(cell(tab, order_no, "order_no", TOOLTIP))
        assert isinstance(cell(tab, order_no, "order_no", FOREGROUND), QBrush)  # greyed
        assert cell(tab, order_no, "reflection") == ""
        assert cell(tab, order_no, "billing_month") == ""
    assert cell(tab, "A-OTH", "dealer") == "ミナミ事務機"
    assert cell(tab, "A-CARD", "payment") == "クレジットカード"
    assert cell(tab, "A-NOT", "status") == "受注"
    assert cell(tab, "A-FRI", "visibility") == "表示"
    assert cell(tab, "A-FRI", "dealer") == "当店"
    assert cell(tab, "A-FRI", "payment") == "KDDI 請求書"
    assert cell(tab, "A-FRI", "status") == "発送済"
    assert cell(tab, "A-FRI", "order_no", FOREGROUND) is None
    assert cell(tab, "A-FRI", "order_no", TOOLTIP) is None


# The offscreen platform cannot raise a popup or grab the keyboard for it; harmless.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


@OFFSCREEN_POPUP
def test_typing_a_customer_shows_only_their_orders(
    qtbot: QtBot, tab: PurchasesTab, ledger: Ledger
) -> None:
    field = tab.search_field()
    field.setFocus()
    type_with_ime(field, "ﾐﾄﾞﾘ")  # half-width kana finds ミドリ
    popup = tab.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert tab.picker.matches.rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.picker.customer_id == ledger.midori, timeout=5_000)
    wait_loaded(qtbot, tab)
    assert shown_order_numbers(tab) == ["B-1"]
    assert "有限会社ミドリ文具" in tab.scope_label.text()
    assert tab.view.isColumnHidden(column_index("customer"))

    qtbot.mouseClick(tab.picker.all_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, tab)
    assert tab.picker.customer_id is None
    assert len(shown_order_numbers(tab)) == 7
    assert not tab.view.isColumnHidden(column_index("customer"))


@OFFSCREEN_POPUP
def test_a_kaunet_id_typed_finds_its_customer_and_enter_picks_it(
    qtbot: QtBot, tab: PurchasesTab, ledger: Ledger
) -> None:
    field = tab.search_field()
    field.setFocus()
    qtbot.keyClicks(field, "kb1")
    qtbot.waitUntil(lambda: tab.picker.matches.rowCount() == 1, timeout=5_000)
    popup = tab.picker.completer.popup()
    if popup.isVisible():
        popup.hide()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # no popup: Enter takes the first match
    assert tab.picker.customer_id == ledger.midori
    wait_loaded(qtbot, tab)
    assert shown_order_numbers(tab) == ["B-1"]


def test_enter_opens_the_selected_orders_details(qtbot: QtBot, tab: PurchasesTab) -> None:
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(row_of(tab, "A-FRI"), 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.details_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert "A-FRI" in dialog.windowTitle()
    texts = [label.text() for label in dialog.findChildren(type(tab.status_label))]
    assert "2026/09/24 午後" in texts
    assert "2026年11月" in texts
    dialog.close()


def test_f5_keeps_the_selected_order(qtbot: QtBot, tab: PurchasesTab) -> None:
    tab.view.setCurrentIndex(tab.model.index(row_of(tab, "A-HOL"), 0))
    tab.reload()
    wait_loaded(qtbot, tab)
    selected = tab.selected_row()
    assert selected is not None and selected.order_no == "A-HOL"


def test_ctrl_f_focuses_the_customer_search(
    qtbot: QtBot, tmp_path: Path, db: Database, ledger: Ledger
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach(db)
    tab = window.tab("purchases")
    assert isinstance(tab, PurchasesTab)
    window.tabs.setCurrentWidget(tab)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.search_field(), timeout=5_000)
    window.background.wait()
    window.close()


def test_enter_right_after_typing_searches_at_once(
    qtbot: QtBot, tab: PurchasesTab, ledger: Ledger
) -> None:
    field = tab.search_field()
    field.setFocus()
    qtbot.keyClicks(field, "ka1")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # before the 150 ms search timer fired
    assert tab.picker.customer_id == ledger.aoba
    wait_loaded(qtbot, tab)
    assert set(shown_order_numbers(tab)) == {
        "A-NOT", "A-HOL", "A-CARD", "A-OTH", "A-FRI", "A-JUN",
    }
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter on the chosen name keeps it
    assert tab.picker.customer_id == ledger.aoba
    field.clear()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # an empty field means all customers
    assert tab.picker.customer_id is None
    wait_loaded(qtbot, tab)
    assert len(shown_order_numbers(tab)) == 7


def test_a_failed_load_says_so_in_the_tab(
    qtbot: QtBot, tab: PurchasesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kw: object) -> object:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr("kaunet_desk.ui.purchases.view.history_ids", broken)
    tab.reload()
    wait_loaded(qtbot, tab)
    assert "読み込めませんでした" in tab.status_label.text()
    assert "disk I/O error" in tab.status_label.text()
    assert len(shown_order_numbers(tab)) == 7  # what was shown stays
