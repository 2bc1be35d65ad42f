"""The 販売店変更 FAX tab on a real SQLite file, driven like a clerk would (FAQ 販売店について)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.domain import dealer_change_months
from kaunet_desk.formatting import format_month
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.store.services.dealer_change import RequestFilter
from kaunet_desk.ui.dealer_change import messages
from kaunet_desk.ui.dealer_change.date_dialog import DateDialog
from kaunet_desk.ui.dealer_change.effective_dialog import EffectiveDialog
from kaunet_desk.ui.dealer_change.field_errors import to_qdate
from kaunet_desk.ui.dealer_change.new_request_dialog import NewRequestDialog
from kaunet_desk.ui.dealer_change.view import DealerChangeTab
from kaunet_desk.ui.printing import printer as printing

from ..support import pdf_printer
from .support import TODAY, Customer, column_texts, wait_loaded, wait_send_dialog

OpenTab = Callable[[], tuple[QTabWidget, DealerChangeTab]]
AddCustomer = Callable[[str, str, str], Customer]
AddRequest = Callable[[Customer, date, date], int]


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers every confirmation with yes and keeps its text."""
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str, _yes: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "ask", ask)
    return asked


def _select(qtbot: QtBot, tab: DealerChangeTab, request_id: int) -> None:
    """Select a row with the focus in the table, ready for the tab's shortcuts."""
    assert tab.select_request(request_id)
    # Offscreen Qt leaves no window active after a modal dialog closes; a desktop does.
    tab.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window())
    tab.table.setFocus()
    qtbot.waitUntil(lambda: tab.selected_id() == request_id and tab.table.hasFocus())


def _cell(tab: DealerChangeTab, request_id: int, key: str) -> str:
    row = tab.model.row_of(request_id)
    assert row is not None, "request not in the list"
    return column_texts(tab, key)[row]


def test_create_a_request_through_the_dialog(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    add_customer("鈴木文具店", "スズキブングテン", "K200")
    yamada = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    _tabs, tab = open_tab()
    assert tab.model.rowCount() == 0
    qtbot.mouseClick(tab.buttons["new"], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, NewRequestDialog)
    # Defaults: sent today, deadline 14 days later (the setting's default).
    assert dialog.sent_on() == TODAY
    assert dialog.deadline_on() == date(2026, 6, 3)
    assert not dialog.ok_button.isEnabled()
    assert dialog.customer_hint.isVisible()
    assert "お客さまを選んで" in dialog.ok_button.toolTip()
    qtbot.keyClicks(dialog.picker.search, "k100")  # QTest types ASCII only
    # One match: the picker selects it and fills its Kaunet IDs.
    qtbot.waitUntil(lambda: dialog.picker.current_id() == yamada.id, timeout=5_000)
    assert dialog.account.currentText() == "K100"
    assert not dialog.customer_hint.isVisible()
    # A deadline before the sending day is refused on the field.
    dialog.deadline.setDate(to_qdate(TODAY - timedelta(days=1)))
    assert dialog.deadline_error.isVisible()
    assert "送付日以降" in dialog.deadline_error.text()
    assert dialog.deadline.property("invalid") is True
    assert not dialog.ok_button.isEnabled()
    assert "送付日以降" in dialog.ok_button.toolTip()
    dialog.deadline.setDate(to_qdate(date(2026, 5, 29)))
    assert not dialog.deadline_error.isVisible()
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # The form is drawn and previewed; nothing is recorded until it goes out.
    send = wait_send_dialog(qtbot, tab)
    assert svc.request_ids(db, today=TODAY) == []
    monkeypatch.setattr(printing, "choose_printer",
                        lambda *_args: pdf_printer(tmp_path / "printed.pdf"))
    qtbot.mouseClick(send.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5_000)
    send.close()  # recorded: closes without asking
    qtbot.waitUntil(lambda: tab.dialog is None)
    [request_id] = svc.request_ids(db, today=TODAY)
    row = svc.get_request(db, request_id)
    assert (row.customer_id, row.kaunet_account_id) == (yamada.id, yamada.account_id)
    assert (row.fax_sent_on, row.deadline) == (TODAY, date(2026, 5, 29))
    assert tab.selected_id() == request_id
    assert _cell(tab, request_id, "state") == "待ち"
    assert _cell(tab, request_id, "days_left") == "9 日"


def test_moving_the_sending_day_moves_the_proposed_deadline(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, settings: QSettings
) -> None:
    add_customer("鈴木文具店", "スズキブングテン", "K200")
    settings.setValue("reports/fax_return_days", 10)  # 帳票の設定
    _tabs, tab = open_tab()
    tab.actions_by_name["new"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, NewRequestDialog)
    assert dialog.deadline_on() == TODAY + timedelta(days=10)
    dialog.sent.setDate(to_qdate(date(2026, 5, 18)))
    assert dialog.deadline_on() == date(2026, 5, 28)
    dialog.reject()


def test_returned_on_the_deadline_day_shows_returned_and_the_two_months(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest,
    confirmations: list[str],
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = add_request(who, date(2026, 5, 6), TODAY)  # due today
    _tabs, tab = open_tab()
    _select(qtbot, tab, request_id)
    assert _cell(tab, request_id, "alert") == "期限間近"
    qtbot.keyClick(tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DateDialog))
    dialog = tab.dialog
    assert isinstance(dialog, DateDialog)
    assert dialog.chosen() == TODAY  # the deadline day itself
    assert dialog.ok_button.isEnabled()
    first, second = dealer_change_months(TODAY)
    expected = f"{format_month(first)} または {format_month(second)}"
    assert expected == "2026年6月 または 2026年7月"  # by hand: returned in May
    assert expected in dialog.preview.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(tab, request_id, "state") == "返送済", timeout=5_000)
    assert expected in confirmations[0] and "「記録を取り消す」で戻せます" in confirmations[0]
    assert _cell(tab, request_id, "months") == expected
    assert _cell(tab, request_id, "returned") == "2026/05/20"
    assert _cell(tab, request_id, "alert") == ""


def test_an_overdue_request_is_marked_and_counted_in_the_tab_title(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    other = add_customer("鈴木文具店", "スズキブングテン", "K200")
    add_request(who, date(2026, 5, 1), TODAY)  # due today: not overdue yet
    late = add_request(other, date(2026, 5, 1), TODAY - timedelta(days=1))
    tabs, tab = open_tab()
    assert tabs.tabText(tabs.indexOf(tab)) == "販売店変更 FAX (1)"
    assert tab.title() == "販売店変更 FAX (1)"
    assert _cell(tab, late, "state") == "期限切れ"
    assert _cell(tab, late, "alert") == "期限超過"
    assert _cell(tab, late, "days_left") == "-1 日"
    # Enter on it offers the FAQ's remedy: a new form to the same customer.
    _select(qtbot, tab, late)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, NewRequestDialog))
    dialog = tab.dialog
    assert isinstance(dialog, NewRequestDialog)
    qtbot.waitUntil(lambda: dialog.picker.current_id() == other.id, timeout=5_000)
    dialog.reject()
    # The next day the other one is overdue too (F5 re-reads with the new date).
    with qtbot.waitSignal(tab.title_changed, timeout=5_000) as signal:
        tab.set_today(TODAY + timedelta(days=1))
        tab.reload()
    assert signal.args == ["販売店変更 FAX (2)"]
    assert tabs.tabText(tabs.indexOf(tab)) == "販売店変更 FAX (2)"


def test_a_return_after_the_deadline_is_refused_with_the_rule(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    add_request: AddRequest, confirmations: list[str],
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    late = add_request(who, date(2026, 5, 1), date(2026, 5, 15))
    _tabs, tab = open_tab()
    _select(qtbot, tab, late)
    tab.actions_by_name["returned"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, DateDialog)
    # Today (after the deadline) is proposed: the rule shows on the field.
    assert dialog.error.isVisible()
    assert "販売店は変更されません" in dialog.error.text()
    assert "新しい FAX 用紙" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == dialog.problem()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter must not get past the check
    assert dialog.isVisible()
    # The deadline day itself would be accepted (the form arrived in time, entered late).
    dialog.date_edit.setDate(to_qdate(date(2026, 5, 15)))
    assert dialog.ok_button.isEnabled() and not dialog.error.isVisible()
    dialog.reject()
    assert confirmations == []
    assert svc.get_request(db, late).returned_on is None


def test_a_refusal_from_the_service_is_shown(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    add_request: AddRequest, confirmations: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = add_request(who, date(2026, 5, 1), date(2026, 5, 25))
    _tabs, tab = open_tab()
    _select(qtbot, tab, request_id)
    told: list[str] = []
    monkeypatch.setattr(messages, "tell", lambda _p, _t, text: told.append(text))
    tab.actions_by_name["returned"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, DateDialog)
    # Meanwhile another clerk records the return.
    svc.mark_returned(db, request_id, date(2026, 5, 19), today=TODAY)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert told == ["返送は記録済みです。"]
    qtbot.waitUntil(lambda: _cell(tab, request_id, "returned") == "2026/05/19", timeout=5_000)


def test_mark_effective_sets_change_complete(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    add_request: AddRequest, confirmations: list[str],
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    waiting = add_request(who, date(2026, 5, 10), date(2026, 5, 24))
    returned = add_request(who, date(2026, 4, 20), date(2026, 5, 4))
    svc.mark_returned(db, returned, date(2026, 4, 30), today=TODAY)
    _tabs, tab = open_tab()
    # Not returned: the action is off and says why, as a tooltip and visibly.
    _select(qtbot, tab, waiting)
    effective = tab.actions_by_name["effective"]
    assert not effective.isEnabled()
    assert "返送されていません" in effective.toolTip()
    assert "変更完了を記録" in tab.why.text() and "返送されていません" in tab.why.text()
    assert not tab.buttons["effective"].isEnabled()
    _select(qtbot, tab, returned)
    assert effective.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, EffectiveDialog))
    dialog = tab.dialog
    assert isinstance(dialog, EffectiveDialog)
    first, second = dealer_change_months(date(2026, 4, 30))
    assert (first, second) == (date(2026, 5, 1), date(2026, 6, 1))  # by hand
    assert format_month(second) in dialog.choices[1].text()
    dialog.choices[1].click()
    dialog.accept()
    qtbot.waitUntil(lambda: _cell(tab, returned, "state") == "変更完了", timeout=5_000)
    assert _cell(tab, returned, "effective") == format_month(second) == "2026年6月"
    assert svc.get_request(db, returned).effective_month == second
    assert "2026年6月" in confirmations[0]
    assert not tab.actions_by_name["effective"].isEnabled()


def test_email_and_logo_dates(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    add_request: AddRequest,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = add_request(who, date(2026, 3, 1), date(2026, 3, 15))
    svc.mark_returned(db, request_id, date(2026, 3, 10), today=TODAY)
    svc.mark_effective(db, request_id, date(2026, 4, 1), today=TODAY)
    _tabs, tab = open_tab()
    _select(qtbot, tab, request_id)
    # Enter on a finished form: the next step, the notification email.
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DateDialog))
    dialog = tab.dialog
    assert isinstance(dialog, DateDialog)
    assert dialog.windowTitle() == "通知メールの確認を記録"
    dialog.date_edit.setDate(to_qdate(TODAY + timedelta(days=1)))
    assert "先の日付" in dialog.error.text() and not dialog.ok_button.isEnabled()
    dialog.date_edit.setDate(to_qdate(date(2026, 4, 2)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(tab, request_id, "mail") == "✓ 2026/04/02", timeout=5_000)
    _select(qtbot, tab, request_id)
    qtbot.keyClick(tab.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DateDialog))
    dialog = tab.dialog
    assert isinstance(dialog, DateDialog)
    assert "ロゴ" in dialog.windowTitle()
    dialog.date_edit.setDate(to_qdate(date(2026, 4, 3)))
    dialog.accept()
    qtbot.waitUntil(lambda: _cell(tab, request_id, "logo") == "✓ 2026/04/03", timeout=5_000)
    assert svc.get_request(db, request_id).logo_confirmed_on == date(2026, 4, 3)


def test_due_within_n_days_filter(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest,
    settings: QSettings,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    in_1 = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=1))
    in_3 = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=3))
    in_5 = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=5))
    add_request(who, date(2026, 5, 1), TODAY - timedelta(days=1))  # overdue, not "due soon"
    returned = add_request(who, date(2026, 5, 10), TODAY + timedelta(days=2))
    _tabs, tab = open_tab()
    tab.model.request(0)
    svc.mark_returned(tab.database, returned, TODAY, today=TODAY)  # type: ignore[arg-type]
    qtbot.mouseClick(tab.filters.buttons[RequestFilter.DUE_SOON], Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, tab)
    assert [tab.model.request_id(r) for r in range(tab.model.rowCount())] == [in_1, in_3]
    assert tab.filters.count.text() == "2 件"
    tab.filters.days.setValue(5)
    wait_loaded(qtbot, tab)
    assert [tab.model.request_id(r) for r in range(tab.model.rowCount())] == [in_1, in_3, in_5]
    assert column_texts(tab, "alert") == ["期限間近"] * 3
    assert settings.value("dealer_change/due_within_days") in (5, "5")
    qtbot.mouseClick(tab.filters.buttons[RequestFilter.OVERDUE], Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, tab)
    assert column_texts(tab, "state") == ["期限切れ"]
    qtbot.mouseClick(tab.filters.buttons[RequestFilter.RETURNED], Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, tab)
    assert [tab.model.request_id(r) for r in range(tab.model.rowCount())] == [returned]


def test_search_narrows_the_list(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest
) -> None:
    yamada = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    suzuki = add_customer("鈴木文具店", "スズキブングテン", "K200")
    add_request(yamada, date(2026, 5, 10), date(2026, 5, 24))
    wanted = add_request(suzuki, date(2026, 5, 10), date(2026, 5, 25))
    _tabs, tab = open_tab()
    assert tab.model.rowCount() == 2
    qtbot.keyClicks(tab.search_field(), "k200")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.loading, timeout=5_000)
    assert tab.model.request_id(0) == wanted
    # What an IME commits: half-width kana finds the フリガナ too (QTest types ASCII only).
    tab.search_field().setText("ﾔﾏﾀﾞ")
    qtbot.waitUntil(lambda: tab.model.request_id(0) != wanted and not tab.loading,
                    timeout=5_000)
    assert tab.model.rowCount() == 1


def test_expire_asks_first_and_cancel_changes_nothing(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    add_request: AddRequest,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = add_request(who, date(2026, 5, 10), date(2026, 5, 24))
    tabs, tab = open_tab()
    _select(qtbot, tab, request_id)
    seen: list[str] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, lambda: answer("キャンセル"))
    tab.actions_by_name["expire"].trigger()
    assert svc.get_request(db, request_id).closed_on is None
    assert "「記録を取り消す」で戻せます" in seen[0] and "2026/05/24" in seen[0]
    QTimer.singleShot(0, lambda: answer("期限切れにする"))
    tab.actions_by_name["expire"].trigger()
    qtbot.waitUntil(lambda: _cell(tab, request_id, "state") == "期限切れ", timeout=5_000)
    assert svc.get_request(db, request_id).deadline == date(2026, 5, 24)  # as sent
    assert tabs.tabText(tabs.indexOf(tab)) == "販売店変更 FAX"  # closed: not counted
    # Closed now: the next step offered is a new form to the same customer.
    assert tab.actions_by_name["resend"].isEnabled()
    assert not tab.actions_by_name["expire"].isEnabled()
    tab.actions_by_name["resend"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, NewRequestDialog)
    qtbot.waitUntil(lambda: dialog.picker.current_id() == who.id, timeout=5_000)
    assert dialog.account.currentData() == who.account_id
    dialog.reject()


def test_context_menu_and_reasons_without_a_selection(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    add_request(who, date(2026, 5, 10), date(2026, 5, 24))
    _tabs, tab = open_tab()
    tab.table.clearSelection()
    assert tab.why.text() == "一覧で依頼を選んでください。"
    for name in ("returned", "effective", "mail", "logo", "resend", "expire"):
        action = tab.actions_by_name[name]
        assert not action.isEnabled() and action.toolTip() == "一覧で依頼を選んでください。"
    assert tab.actions_by_name["new"].isEnabled()
    menu = tab.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "返送を記録(&R)" and "期限切れにする(&X)" in texts
    menu.deleteLater()
