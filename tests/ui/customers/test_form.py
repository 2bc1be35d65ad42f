"""The detail form: why 保存 is disabled, the help-line reminder, the change log, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.customers import prompts
from kaunet_desk.ui.customers.view import CustomersTab

from .conftest import ime_type


def open_row(qtbot: QtBot, tab: CustomersTab, customer_id: int) -> None:
    row = tab.model.row_of(customer_id)
    assert row is not None
    tab.table.setFocus()
    tab.table.selectRow(row)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.form.customer_id == customer_id


def test_disabled_save_names_the_missing_field(qtbot: QtBot, tab: CustomersTab) -> None:
    tab.new_customer()
    fields, bar = tab.form.fields, tab.form.save_bar
    ime_type(fields.edits["name"], "合同会社みなと")
    ime_type(fields.edits["name_kana"], "みなと")
    ime_type(fields.edits["email"], "info@minato.example.jp")
    fields.limit.setValue(100_000)
    assert not bar.save_button.isEnabled()
    assert "電話番号" in bar.reason.text() and "電話番号" in bar.save_button.toolTip()
    assert "お客さま名" not in bar.reason.text()  # only what is still wrong is listed
    bar.reason.linkActivated.emit("phone")  # the field name is a link to the field
    assert fields.edits["phone"].hasFocus()
    ime_type(fields.edits["phone"], "12")
    qtbot.keyClick(fields.edits["phone"], Qt.Key.Key_Return)
    # On the field itself: a message under it and a red border.
    row = fields.rows["phone"]
    assert "電話番号として正しくありません" in row.error()
    assert "border" in fields.edits["phone"].styleSheet()
    assert "電話番号" in bar.save_button.toolTip()
    fields.edits["phone"].clear()
    ime_type(fields.edits["phone"], "0422-12-3456")
    assert bar.save_button.isEnabled()
    assert row.error() == "" and "border" not in fields.edits["phone"].styleSheet()


def test_an_unchanged_customer_says_why_save_is_off(qtbot: QtBot, tab: CustomersTab,
                                                   people: dict[str, int]) -> None:
    open_row(qtbot, tab, people["sato"])
    assert not tab.form.save_bar.save_button.isEnabled()
    assert tab.form.save_bar.reason.text() == "変更はありません"
    assert tab.form.save_bar.save_button.toolTip() == "変更はありません"


def test_phone_change_reminds_of_the_help_line_and_logs_it(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int]
) -> None:
    open_row(qtbot, tab, people["sato"])
    assert tab.form.change_log.row_texts() == []
    phone = tab.form.fields.edits["phone"]
    phone.clear()
    ime_type(phone, "06-9876-5432")
    qtbot.mouseClick(tab.form.save_bar.save_button, Qt.MouseButton.LeftButton)
    assert tab.form.reminder.isVisibleTo(tab)
    assert "カウネットヘルプコール" in tab.form.reminder.text.text()
    assert "電話番号" in tab.form.reminder.text.text()
    assert tab.form.change_log.row_texts() == [
        ("2026/11/20", "電話番号", "06-1234-5678", "06-9876-5432")]
    assert [(c.field, c.new_value) for c in svc.contact_changes(db, people["sato"])] == [
        ("phone", "06-9876-5432")]
    # A change that is not a contact change gives no reminder.
    person = tab.form.fields.edits["contact_person"]
    ime_type(person, "佐藤 一郎")
    qtbot.mouseClick(tab.form.save_bar.save_button, Qt.MouseButton.LeftButton)
    assert not tab.form.reminder.isVisibleTo(tab)


def test_esc_asks_before_throwing_an_edit_away(
    qtbot: QtBot, tab: CustomersTab, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers: list[bool] = [False, True]
    asked: list[str] = []

    def confirm(_parent: object) -> bool:
        asked.append("discard?")
        return answers.pop(0)

    monkeypatch.setattr(prompts, "confirm_discard", confirm)
    open_row(qtbot, tab, people["yamada"])
    name = tab.form.fields.edits["name"]
    ime_type(name, "X")
    qtbot.keyClick(name, Qt.Key.Key_Escape)  # answered "keep editing"
    assert name.text() == "株式会社山田商事X" and tab.form.is_dirty()
    qtbot.keyClick(name, Qt.Key.Key_Escape)  # answered "discard"
    assert name.text() == "株式会社山田商事" and not tab.form.is_dirty()
    assert asked == ["discard?", "discard?"]
    qtbot.keyClick(name, Qt.Key.Key_Escape)  # nothing to lose: no question
    assert asked == ["discard?", "discard?"]
    assert tab.table.hasFocus()


def test_choosing_another_row_with_unsaved_changes_asks(
    qtbot: QtBot, tab: CustomersTab, db: Database, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [prompts.Leave.STAY, prompts.Leave.SAVE]
    monkeypatch.setattr(prompts, "ask_leave", lambda _parent: answers.pop(0))
    open_row(qtbot, tab, people["yamada"])
    ime_type(tab.form.fields.edits["contact_person"], "山田 太郎")
    tab.table.selectRow(tab.model.row_of(people["tanaka"]))  # answered "stay"
    assert tab.form.customer_id == people["yamada"]
    assert tab.model.customer_id(tab.table.currentIndex().row()) == people["yamada"]
    tab.table.selectRow(tab.model.row_of(people["tanaka"]))  # answered "save"
    assert tab.form.customer_id == people["tanaka"]
    assert svc.get_customer(db, people["yamada"]).draft.contact_person == "山田 太郎"


def test_double_click_opens_and_ctrl_n_starts_a_new_customer(
    qtbot: QtBot, tab: CustomersTab, people: dict[str, int]
) -> None:
    row = tab.model.row_of(people["tanaka"])
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form.customer_id == people["tanaka"]
    assert tab.form.fields.edits["name"].hasFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.form.customer_id is None and tab.form.heading.text() == "新規お客さま"
    assert not tab.table.currentIndex().isValid()


def test_tab_walks_the_fields_in_the_order_shown(qtbot: QtBot, tab: CustomersTab) -> None:
    tab.new_customer()
    fields = tab.form.fields
    order = [fields.edits["name"]]
    for _step in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [fields.edits["name"], fields.edits["name_kana"], fields.kind,
                     fields.disability_discount, fields.edits["postal_code"]]


def test_closing_with_unsaved_changes_asks(
    tab: CustomersTab, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_leave", lambda _parent: prompts.Leave.STAY)
    assert tab.confirm_close()  # nothing typed yet
    tab.form.load(people["sato"])
    ime_type(tab.form.fields.edits["fax"], "06-1234-0000")
    assert not tab.confirm_close()
