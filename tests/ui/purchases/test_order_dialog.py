"""Entering an order through the dialog; the monthly limit decides at once
(FAQ 月間購入上限金額), and the card alternative is one button away."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kaunet_desk.domain import order_total_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_rows
from kaunet_desk.store.services.orders import month_total
from kaunet_desk.ui.purchases.order_dialog import OrderEntryDialog
from kaunet_desk.ui.purchases.view import PurchasesTab

from .support import TODAY, Ledger, cell, shown_order_numbers, wait_loaded

OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


def open_dialog_for_midori(qtbot: QtBot, tab: PurchasesTab, db: Database,
                           ledger: Ledger) -> OrderEntryDialog:
    tab.picker.set_customer(customer_rows(db, [ledger.midori])[ledger.midori])
    wait_loaded(qtbot, tab)
    qtbot.mouseClick(tab.new_order_button, Qt.MouseButton.LeftButton)
    dialog = tab.order_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    dialog.activateWindow()  # as the window manager does; shortcuts need an active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    return dialog


def test_an_order_over_the_limit_is_cancelled_with_its_numbers_then_paid_by_card(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger
) -> None:
    dialog = open_dialog_for_midori(qtbot, tab, db, ledger)
    form = dialog.form
    assert form.picker.customer_id == ledger.midori
    assert form.account.currentText() == "KB1"
    qtbot.keyClicks(form.order_no, "B-2")
    form.order_date.setDate(QDate(2026, 11, 10))
    qtbot.keyClicks(form.subtotal_10, "4,000")
    qtbot.keyClicks(form.subtotal_8, "500")
    # 4,000 + 400 + 500 + 40 = 4,940 (by hand); the month already has B-1's 5,500.
    assert form.total.text() == "￥4,940"
    assert "￥5,500" in form.limit_note.text() and "￥10,000" in form.limit_note.text()
    assert "￥440" in form.limit_note.text()  # told before saving
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    result = dialog.result
    assert dialog.stack.currentWidget() is result
    assert result.message.text() == "月間購入上限金額を超過したため、この注文はキャンセルされました"
    assert result.before.text() == "￥5,500"
    assert result.this_order.text() == "￥4,940"
    assert result.after.text() == "￥10,440"
    assert result.limit.text() == "￥10,000"
    assert result.excess.text() == "￥440"
    qtbot.waitUntil(lambda: "B-2" in shown_order_numbers(tab), timeout=5_000)
    wait_loaded(qtbot, tab)
    assert cell(tab, "B-2", "status") == "上限超過キャンセル"
    reason = str(cell(tab, "B-2", "status", Qt.ItemDataRole.ToolTipRole))
    assert "月間購入上限金額を超過したため" in reason
    assert "￥5,500" in reason and "￥10,000" in reason and "￥440" in reason

    qtbot.mouseClick(result.card_button, Qt.MouseButton.LeftButton)

    assert "B-2-C" in result.card_result.text()
    assert not result.card_button.isEnabled()
    qtbot.waitUntil(lambda: "B-2-C" in shown_order_numbers(tab), timeout=5_000)
    wait_loaded(qtbot, tab)
    assert cell(tab, "B-2-C", "payment") == "クレジットカード"
    assert cell(tab, "B-2-C", "status") == "受注"
    assert cell(tab, "B-2-C", "total") == "￥4,940"
    assert cell(tab, "B-2", "status") == "上限超過キャンセル"  # kept, it explains the call
    selected = tab.selected_row()
    assert selected is not None and selected.order_no == "B-2-C"
    # Neither the cancelled order nor the card order counts toward the limit.
    assert month_total(db, ledger.midori, date(2026, 11, 1)) == order_total_yen(5000, 0)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_an_order_within_the_limit_closes_the_dialog_and_is_selected(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger
) -> None:
    dialog = open_dialog_for_midori(qtbot, tab, db, ledger)
    qtbot.keyClicks(dialog.form.order_no, "B-3")
    dialog.form.order_date.setDate(QDate(2026, 11, 10))
    qtbot.keyClicks(dialog.form.subtotal_10, "4000")  # 4,400 → 9,900 ≤ 10,000
    dialog.form.shipped.setChecked(True)
    dialog.form.shipped_on.setDate(QDate(2026, 11, 13))  # a Friday
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(dialog.form.subtotal_10, Qt.Key.Key_Return, ctrl)  # Save
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "B-3" in shown_order_numbers(tab), timeout=5_000)
    wait_loaded(qtbot, tab)
    assert cell(tab, "B-3", "status") == "発送済"
    assert cell(tab, "B-3", "reflection") == "2026/11/16 午後"  # Fri → Mon
    selected = tab.selected_row()
    assert selected is not None and selected.order_no == "B-3"


def test_field_errors_show_on_the_field_and_save_says_why_it_is_disabled(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger
) -> None:
    dialog = open_dialog_for_midori(qtbot, tab, db, ledger)
    form = dialog.form
    assert not dialog.save_button.isEnabled()
    assert dialog.save_reason.text() == "保存できません: 注文番号を入力してください"
    assert "注文番号" in dialog.save_button.toolTip()

    qtbot.keyClicks(form.order_no, "B-1")  # already on this Kaunet ID
    order_no_error = form.fields["order_no"].error_label
    assert order_no_error.isVisible()
    assert "同じ注文番号" in order_no_error.text()
    assert "border" in form.order_no.styleSheet()

    form.order_no.clear()
    qtbot.keyClicks(form.order_no, "B-9")
    assert not order_no_error.isVisible()
    qtbot.keyClicks(form.subtotal_10, "12x")
    amount_error = form.fields["subtotal_10"].error_label
    assert amount_error.isVisible() and "数字" in amount_error.text()
    assert not dialog.save_button.isEnabled()
    assert "数字" in dialog.save_reason.text()

    form.subtotal_10.clear()
    qtbot.keyClicks(form.subtotal_10, "1000")
    qtbot.keyClicks(form.points, "5000")  # more than the 1,100 total
    assert "ポイント" in form.fields["points"].error_label.text()
    form.points.clear()
    qtbot.keyClicks(form.points, "100")
    assert dialog.save_button.isEnabled()
    assert dialog.save_reason.text() == ""

    form.shipped.setChecked(True)
    form.order_date.setDate(QDate(2026, 11, 10))
    form.shipped_on.setDate(QDate(2026, 11, 9))
    assert "発送日" in form.fields["shipped_on"].error_label.text()
    assert not dialog.save_button.isEnabled()
    assert form.order_date.maximumDate() == QDate(TODAY)  # no orders from the future


def test_escape_with_typed_fields_asks_before_discarding(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog_for_midori(qtbot, tab, db, ledger)
    qtbot.keyClicks(dialog.form.order_no, "B-5")
    answers = [False, True]  # "入力に戻る", then "保存せずに閉じる"
    asked: list[object] = []

    def confirm(parent: object) -> bool:
        asked.append(parent)
        return answers.pop(0)

    monkeypatch.setattr("kaunet_desk.ui.purchases.order_dialog.confirm_discard", confirm)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 2
    assert "B-5" not in shown_order_numbers(tab)


@OFFSCREEN_POPUP
def test_from_all_customers_the_dialog_asks_for_the_customer(
    qtbot: QtBot, tab: PurchasesTab, ledger: Ledger
) -> None:
    qtbot.mouseClick(tab.new_order_button, Qt.MouseButton.LeftButton)
    dialog = tab.order_dialog
    assert dialog is not None
    assert dialog.save_reason.text() == "保存できません: お客さまを選んでください"
    form = dialog.form
    form.picker.line_edit.setFocus()
    qtbot.keyClicks(form.picker.line_edit, "ka1")
    qtbot.waitUntil(lambda: form.picker.matches.rowCount() == 1, timeout=5_000)
    form.picker.completer.popup().hide()
    qtbot.keyClick(form.picker.line_edit, Qt.Key.Key_Return)
    assert form.picker.customer_id == ledger.aoba
    assert form.account.currentText() == "KA1"
    assert dialog.isVisible()  # Enter picked the customer; it did not save
    dialog.done(0)


def test_ctrl_n_in_the_tab_opens_the_order_dialog(qtbot: QtBot, tab: PurchasesTab) -> None:
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=5_000)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.order_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.form.picker.customer is None  # all customers shown: the clerk picks one
    dialog.done(0)


def test_the_discard_question_speaks_japanese_and_defaults_to_going_back(
    qtbot: QtBot, tab: PurchasesTab
) -> None:
    from kaunet_desk.ui.purchases.order_dialog import confirm_discard

    captions: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        captions.extend(sorted(b.text() for b in box.findChildren(QPushButton)))
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    assert confirm_discard(tab) is False
    assert captions == ["保存せずに閉じる", "入力に戻る"]


def test_tab_moves_through_the_fields_in_reading_order(
    qtbot: QtBot, tab: PurchasesTab, db: Database, ledger: Ledger
) -> None:
    dialog = open_dialog_for_midori(qtbot, tab, db, ledger)
    form = dialog.form
    form.order_no.setFocus()
    order: list[object] = []
    for _ in range(8):  # Tab also walks the date's sections (year, month, day)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() not in order:
            order.append(QApplication.focusWidget())
    # The ship date is disabled until 発送済 is ticked, so Tab skips it.
    assert order[:4] == [form.order_date, form.shipped, form.subtotal_10, form.subtotal_8]
    dialog.done(0)
