"""Kaunet IDs and their application status, catalogue stop, cancellation, limit change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.customers import prompts
from kaunet_desk.ui.customers.account_dialogs import AddAccountDialog, StatusDialog
from kaunet_desk.ui.customers.guarded_dialog import GuardedDialog
from kaunet_desk.ui.customers.limit_dialog import LimitChangeDialog
from kaunet_desk.ui.customers.view import CustomersTab

from .conftest import ime_type


def answer(monkeypatch: pytest.MonkeyPatch, cls: type[GuardedDialog],
           fill: Callable[[GuardedDialog], None], seen: list[GuardedDialog]) -> None:
    """Replace the modal loop: fill the real dialog, press its OK (which may refuse)."""

    def exec_(self: GuardedDialog) -> int:
        seen.append(self)
        fill(self)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)


def test_add_an_id_and_change_its_status_shows_the_faq_cause(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.form.load(people["sato"])
    box = tab.form.accounts
    assert box.note.text() == "カウネット ID はまだありません"
    seen: list[GuardedDialog] = []
    answer(monkeypatch, AddAccountDialog, lambda d: ime_type(d.kaunet_id, "K200000002"), seen)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    # Yamada holds K200000002 already: OK is refused, and the dialog says why.
    assert seen[0].result() == QDialog.DialogCode.Rejected
    assert seen[0].reason.text() == "このカウネット ID はすでに登録されています"
    assert not seen[0].ok_button.isEnabled()

    def fill(dialog: AddAccountDialog) -> None:
        ime_type(dialog.kaunet_id, "ｋ４０００００００５")
        dialog.applied_on.setDate(QDate(2026, 11, 2))

    answer(monkeypatch, AddAccountDialog, fill, seen)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    [account] = svc.get_customer(db, people["sato"]).accounts
    assert (account.kaunet_id, account.application_status, account.applied_on) == (
        "K400000005", "in_progress", date(2026, 11, 2))
    assert box.table.item(0, 1).text() == "登録直後・申込手続中"
    assert "KDDI まとめてオフィスサポートデスク" in box.cause.text()

    def other_dealer(dialog: StatusDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("other_dealer"))

    answer(monkeypatch, StatusDialog, other_dealer, seen)
    qtbot.mouseClick(box.status_button, Qt.MouseButton.LeftButton)
    assert svc.get_customer(db, people["sato"]).accounts[0].application_status == "other_dealer"
    assert box.cause.text() == (
        "アイコンが表示されない理由: 申込の電話番号が他社販売店で登録されています。")
    answer(monkeypatch, StatusDialog, lambda d: d.status.setCurrentIndex(
        d.status.findData("not_accepted")), seen)
    qtbot.mouseClick(box.status_button, Qt.MouseButton.LeftButton)
    assert box.cause.text() == "アイコンが表示されない理由: 申込が正常に受付されていません。"
    # The new ID is searchable at once.
    ime_type(tab.search_field(), "K4000")
    qtbot.waitUntil(lambda: tab.model.ids() == [people["sato"]], timeout=5_000)


def test_a_new_customer_cannot_get_ids_before_it_is_saved(tab: CustomersTab) -> None:
    tab.new_customer()
    box = tab.form.accounts
    assert not box.add_button.isEnabled()
    assert box.note.text() == "お客さまを保存すると ID を追加できます"
    assert box.note.isVisibleTo(tab)
    assert box.add_button.toolTip() == "お客さまを保存すると追加できます"


def test_catalogue_stop_is_recorded_with_its_date(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.form.load(people["tanaka"])
    seen: list[GuardedDialog] = []
    from kaunet_desk.ui.customers.state_dialogs import StateDialog

    answer(monkeypatch, StateDialog, lambda d: d.on.setDate(QDate(2026, 11, 5)), seen)
    qtbot.mouseClick(tab.form.status_box.stop_button, Qt.MouseButton.LeftButton)
    assert "カウネットヘルプコール" in seen[0].note.text()  # type: ignore[attr-defined]
    assert svc.get_customer(db, people["tanaka"]).catalogue_stopped_on == date(2026, 11, 5)
    assert tab.form.status_box.catalogue.text().startswith("送付停止 2026/11/05")
    assert not tab.form.status_box.stop_button.isVisibleTo(tab)
    qtbot.waitUntil(lambda: "カタログ停止 2026/11/05" in tab.model.index(
        tab.model.row_of(people["tanaka"]), 7).data(), timeout=5_000)


def test_nothing_is_cancelled_without_confirmation(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from kaunet_desk.ui.customers.state_dialogs import StateDialog

    tab.form.load(people["yamada"])
    confirmations: list[tuple[str, date]] = []
    replies = [False, True]

    def confirm(_parent: object, name: str, on: date) -> bool:
        confirmations.append((name, on))
        return replies.pop(0)

    monkeypatch.setattr(prompts, "confirm_cancellation", confirm)
    dialogs: list[GuardedDialog] = []
    answer(monkeypatch, StateDialog, lambda d: d.on.setDate(QDate(2026, 11, 18)), dialogs)
    qtbot.mouseClick(tab.form.status_box.cancel_button, Qt.MouseButton.LeftButton)
    assert svc.get_customer(db, people["yamada"]).status == "active"  # declined
    assert "KDDI まとめてオフィスサポートデスク" in dialogs[0].note.text()  # type: ignore[attr-defined]
    qtbot.mouseClick(tab.form.status_box.cancel_button, Qt.MouseButton.LeftButton)
    record = svc.get_customer(db, people["yamada"])
    assert (record.status, record.cancelled_on) == ("cancelled", date(2026, 11, 18))
    assert confirmations == [("株式会社山田商事", date(2026, 11, 18))] * 2
    assert tab.form.status_box.contract.text().startswith("解約 2026/11/18")
    assert not tab.form.status_box.cancel_button.isVisibleTo(tab)


def test_limit_is_read_only_and_changed_only_with_a_reason(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.form.load(people["sato"])
    assert tab.form.fields.limit.isReadOnly()
    seen: list[GuardedDialog] = []

    def no_reason(dialog: LimitChangeDialog) -> None:
        dialog.amount.setValue(500_000)

    answer(monkeypatch, LimitChangeDialog, no_reason, seen)
    qtbot.mouseClick(tab.form.fields.limit_button, Qt.MouseButton.LeftButton)
    assert seen[0].reason.text() == "理由を入力してください"
    assert svc.limit_changes(db, people["sato"]) == []

    def with_reason(dialog: LimitChangeDialog) -> None:
        dialog.amount.setValue(500_000)
        ime_type(dialog.reason_edit, "事業拡大(KDDI 審査承認済み)")
        dialog.on.setDate(QDate(2026, 11, 10))

    answer(monkeypatch, LimitChangeDialog, with_reason, seen)
    qtbot.mouseClick(tab.form.fields.limit_button, Qt.MouseButton.LeftButton)
    assert svc.get_customer(db, people["sato"]).draft.monthly_limit_yen == 500_000
    assert tab.form.fields.limit.yen() == 500_000
    assert tab.form.change_log.row_texts() == [(
        "2026/11/10", "月間購入上限金額", "￥300,000",
        "￥500,000(理由: 事業拡大(KDDI 審査承認済み))")]


def test_a_mistaken_record_is_withdrawn_only_after_confirmation(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    svc.stop_catalogue(db, people["yamada"], date(2026, 11, 5))
    svc.cancel_customer(db, people["yamada"], date(2026, 11, 18))
    tab.form.load(people["yamada"])
    box = tab.form.status_box
    assert box.withdraw_stop_button.isVisibleTo(tab)
    assert box.withdraw_cancel_button.isVisibleTo(tab)
    asked: list[tuple[str, str, date]] = []
    replies = [False, True, True]

    def confirm(kind: str) -> Callable[[object, str, date], bool]:
        def ask(_parent: object, name: str, on: date) -> bool:
            asked.append((kind, name, on))
            return replies.pop(0)
        return ask

    monkeypatch.setattr(prompts, "confirm_withdraw_cancellation", confirm("cancel"))
    monkeypatch.setattr(prompts, "confirm_withdraw_catalogue_stop", confirm("stop"))
    qtbot.mouseClick(box.withdraw_cancel_button, Qt.MouseButton.LeftButton)
    assert svc.get_customer(db, people["yamada"]).status == "cancelled"  # declined
    qtbot.mouseClick(box.withdraw_cancel_button, Qt.MouseButton.LeftButton)
    record = svc.get_customer(db, people["yamada"])
    assert (record.status, record.cancelled_on) == ("active", None)
    assert box.contract.text() == "契約中"
    assert box.cancel_button.isVisibleTo(tab) and not box.withdraw_cancel_button.isVisibleTo(tab)
    qtbot.mouseClick(box.withdraw_stop_button, Qt.MouseButton.LeftButton)
    assert svc.get_customer(db, people["yamada"]).catalogue_stopped_on is None
    assert box.catalogue.text() == "定期送付中"
    assert box.stop_button.isVisibleTo(tab) and not box.withdraw_stop_button.isVisibleTo(tab)
    assert asked == [("cancel", "株式会社山田商事", date(2026, 11, 18))] * 2 + [
        ("stop", "株式会社山田商事", date(2026, 11, 5))]
