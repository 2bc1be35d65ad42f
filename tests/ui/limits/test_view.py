"""The 月間購入上限 tab driven like a clerk would, on a real SQLite file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.formatting import format_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import limit_changes
from kaunet_desk.ui.limits.model import Column, LimitFilter
from kaunet_desk.ui.limits.settings import warning_override
from kaunet_desk.ui.limits.view import LimitsTab

from ..support import commit_text
from .support import CUSTOMERS, NOV, TODAY, Ledger


def _shown(tab: LimitsTab, column: Column) -> dict[str, str]:
    model = tab.model
    return {
        model.index(r, Column.NAME).data(): model.index(r, column).data()
        for r in range(model.rowCount())
    }


def _names(tab: LimitsTab) -> set[str]:
    return set(_shown(tab, Column.NAME))


def _filter(qtbot: QtBot, tab: LimitsTab, which: LimitFilter) -> None:
    qtbot.mouseClick(tab.filter_buttons[which], Qt.MouseButton.LeftButton)


def test_totals_are_the_counted_orders_of_the_month(tab: LimitsTab, ledger: Ledger) -> None:
    assert tab.month_picker.month() == NOV
    totals = _shown(tab, Column.TOTAL)
    counted = _shown(tab, Column.COUNTED)
    refused = _shown(tab, Column.CANCELLED)
    assert set(totals) == set(CUSTOMERS)
    for name in CUSTOMERS:
        assert totals[name] == format_yen(ledger.expected_total(name)), name
        assert counted[name] == str(ledger.expected_counted(name)), name
        n_refused = ledger.expected_refused(name)
        assert refused[name] == (str(n_refused) if n_refused else ""), name
    # Card (90,000), the cancelled order and October's are not in あさひ's 8,780.
    assert totals["株式会社あさひ"] == format_yen(5_500 + 3_280)
    remaining = _shown(tab, Column.REMAINING)
    assert remaining["株式会社あさひ"] == format_yen(10_000 - 8_780)
    assert remaining["株式会社うみ"] == format_yen(0)
    assert "2026年11月" in tab.status.text()


def test_sorted_by_usage_with_words_beside_the_bar(tab: LimitsTab) -> None:
    order = [tab.model.index(r, Column.NAME).data() for r in range(tab.model.rowCount())]
    # うみ 100 %, いろは 88 %, あさひ 87.8 %, えがお 11 %, おか 0 %.
    assert order == ["株式会社うみ", "株式会社いろは", "株式会社あさひ", "株式会社えがお",
                     "株式会社おか"]
    usage = _shown(tab, Column.USAGE)
    assert usage["株式会社うみ"] == "100.0 % 上限到達"
    assert usage["株式会社いろは"] == "88.0 % 注意"
    assert usage["株式会社あさひ"] == "87.8 % 注意"
    assert usage["株式会社えがお"] == "11.0 %"


def test_near_and_reached_filters(qtbot: QtBot, tab: LimitsTab) -> None:
    _filter(qtbot, tab, LimitFilter.NEAR)
    assert _names(tab) == {"株式会社あさひ", "株式会社いろは"}
    assert tab.filter_buttons[LimitFilter.NEAR].text() == "注意 (2)"
    _filter(qtbot, tab, LimitFilter.REACHED)
    assert _names(tab) == {"株式会社うみ"}  # exactly at the limit counts as reached
    _filter(qtbot, tab, LimitFilter.ALL)
    assert len(_names(tab)) == len(CUSTOMERS)


def test_warning_share_setting_changes_the_near_set(
    qtbot: QtBot, tab: LimitsTab, settings: QSettings
) -> None:
    assert tab.warning.spin.value() == 80
    assert not tab.warning.reset_button.isEnabled()
    assert "事業所の設定" in tab.warning.note.text()
    _filter(qtbot, tab, LimitFilter.NEAR)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.warning.spin.setValue(88)  # いろは 88.0 % stays, あさひ 87.8 % drops out
    assert _names(tab) == {"株式会社いろは"}
    assert warning_override(settings) == 88
    assert tab.warning.reset_button.isEnabled()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.warning.reset_button, Qt.MouseButton.LeftButton)
    assert warning_override(settings) is None
    assert tab.warning.spin.value() == 80
    assert _names(tab) == {"株式会社あさひ", "株式会社いろは"}


def test_override_is_remembered_by_the_next_tab(
    qtbot: QtBot, tab: LimitsTab, db: Database, settings: QSettings
) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.warning.spin.setValue(88)
    again = LimitsTab(tab.background, settings)
    qtbot.addWidget(again)
    again.set_today(TODAY)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.attach(db)
    again.model.set_filter(LimitFilter.NEAR)
    assert again.warning.spin.value() == 88
    assert _names(again) == {"株式会社いろは"}


def test_another_month(qtbot: QtBot, tab: LimitsTab, ledger: Ledger) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.month_picker.previous_button, Qt.MouseButton.LeftButton)
    assert tab.month_picker.month() == date(2026, 10, 1)
    assert _shown(tab, Column.TOTAL)["株式会社あさひ"] == format_yen(3_300)
    assert _shown(tab, Column.TOTAL)["株式会社いろは"] == format_yen(0)


def test_search_narrows_the_list(qtbot: QtBot, tab: LimitsTab) -> None:
    commit_text(tab.search_field(), "いろは")
    qtbot.waitUntil(lambda: _names(tab) == {"株式会社いろは"}, timeout=10_000)
    tab.search_field().clear()
    qtbot.waitUntil(lambda: len(_names(tab)) == len(CUSTOMERS), timeout=10_000)


def _select(tab: LimitsTab, name: str) -> None:
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.index(r, Column.NAME).data() == name)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(row, 0))


def test_enter_opens_the_customer_month_and_log(qtbot: QtBot, tab: LimitsTab) -> None:
    assert not tab.detail.change_button.isEnabled()
    reason = tab.detail.change_reason.text()
    assert reason and tab.detail.change_button.toolTip() == reason  # says why, twice
    _select(tab, "株式会社あさひ")
    with qtbot.waitSignal(tab.detail.records_shown, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    orders = tab.detail.orders_model
    shown = [(orders.index(r, 1).data(), orders.index(r, 3).data(), orders.index(r, 4).data())
             for r in range(orders.rowCount())]
    assert shown == [
        ("A1", format_yen(5_500), "受注"),
        ("A6", "", "上限超過でキャンセル"),
        ("A2", format_yen(8_780), "受注"),
    ]
    assert "8,780" in orders.index(1, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.detail.orders.hasFocus()
    qtbot.keyClick(tab.detail.orders, Qt.Key.Key_Escape)  # back to the list
    assert tab.table.hasFocus()
    assert tab.detail.log_model.rowCount() == 0
    assert tab.detail.log_empty.isVisibleTo(tab)
    assert tab.detail.change_button.isEnabled()


def test_change_limit_needs_a_reason_and_is_logged(
    qtbot: QtBot, tab: LimitsTab, db: Database, ledger: Ledger
) -> None:
    _select(tab, "株式会社あさひ")
    with qtbot.waitSignal(tab.detail.records_shown, timeout=10_000):
        tab.open_detail()
    qtbot.mouseClick(tab.detail.change_button, Qt.MouseButton.LeftButton)
    dialog = tab.change_dialog
    assert dialog is not None and dialog.isVisible()
    assert "原則として変更されません" in dialog.findChild(type(dialog.summary), "faq_note").text()
    commit_text(dialog.amount, "２０，０００")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: no reason
    assert dialog.reason_row.error.isVisibleTo(dialog)
    assert dialog.reason_row.error.text() == "変更の理由を入力してください"
    assert "border" in dialog.reason.styleSheet()
    assert not dialog.amount_row.error.isVisibleTo(dialog)
    commit_text(dialog.reason, "与信再審査の結果、増額")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _shown(tab, Column.LIMIT)["株式会社あさひ"] == format_yen(20_000)
    log = limit_changes(db, ledger.ids["株式会社あさひ"])
    assert [(c.changed_on, c.old_yen, c.new_yen, c.reason) for c in log] == [
        (TODAY, 10_000, 20_000, "与信再審査の結果、増額")
    ]
    qtbot.waitUntil(lambda: tab.detail.log_model.rowCount() == 1, timeout=10_000)


def test_escape_cancels_the_change(qtbot: QtBot, tab: LimitsTab, db: Database,
                                   ledger: Ledger) -> None:
    _select(tab, "株式会社いろは")
    with qtbot.waitSignal(tab.detail.records_shown, timeout=10_000):
        tab.open_detail()
    tab.open_change_dialog()
    dialog = tab.change_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.amount, "1")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert limit_changes(db, ledger.ids["株式会社いろは"]) == []
