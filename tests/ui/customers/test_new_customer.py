"""A clerk adds a customer through the 〒 lookup, then finds it again by typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.customers.view import CustomersTab

from .conftest import draft, ime_type, wait_loaded


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type, then leave the field with Enter (editingFinished, as a Tab would)."""
    edit.selectAll()
    ime_type(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_add_through_postal_lookup_then_find_by_half_width_kana(
    qtbot: QtBot, tab: CustomersTab, db: Database
) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    form = tab.form
    edits = form.fields.edits
    assert form.heading.text() == "新規お客さま"
    # 〒 in full-width digits with a full-width hyphen: the address is filled offline.
    ime_type(edits["postal_code"], "１５０－０００１")
    assert edits["address"].text() == "東京都渋谷区神宮前"
    assert "郵便番号から住所を入力しました" in form.fields.postal_assist.note.text()
    edits["address"].end(False)
    ime_type(edits["address"], "1-2-3 テストビル5F")
    type_into(qtbot, edits["name"], "株式会社テスト商会")
    type_into(qtbot, edits["name_kana"], "てすとしょうかい")  # hiragana typed…
    assert edits["name_kana"].text() == "テストショウカイ"  # …katakana shown on leaving
    type_into(qtbot, edits["phone"], "０３５５５５１２３４")
    assert edits["phone"].text() == "03-5555-1234"
    type_into(qtbot, edits["email"], "info@test-shokai.example.jp")
    limit = form.fields.limit
    limit.lineEdit().selectAll()
    qtbot.keyClicks(limit, "250000")
    qtbot.keyClick(limit, Qt.Key.Key_Return)
    assert limit.yen() == 250_000
    save = form.save_bar.save_button
    assert save.isEnabled(), form.save_reason()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    new_id = form.customer_id
    assert new_id is not None
    stored = svc.get_customer(db, new_id).draft
    assert (stored.name, stored.name_kana, stored.postal_code, stored.address, stored.phone,
            stored.monthly_limit_yen) == (
        "株式会社テスト商会", "テストショウカイ", "150-0001",
        "東京都渋谷区神宮前1-2-3 テストビル5F", "03-5555-1234", 250_000)
    assert not save.isEnabled() and form.save_bar.reason.text() == "変更はありません"
    # The table reloads with the new customer selected (サ < テ < ヤ: after タナカ).
    wait_loaded(qtbot, tab)
    assert tab.model.rowCount() == 5
    assert tab.model.customer_id(tab.table.currentIndex().row()) == new_id

    ime_type(tab.search_field(), "ﾃｽﾄｼｮｳ")  # half-width kana
    qtbot.waitUntil(lambda: tab.model.ids() == [new_id], timeout=5_000)
    assert tab.count_label.text() == "1 件 / 全 5 件"


def test_a_typed_address_is_not_overwritten_without_asking(
    qtbot: QtBot, tab: CustomersTab
) -> None:
    tab.new_customer()
    edits = tab.form.fields.edits
    assist = tab.form.fields.postal_assist
    ime_type(edits["address"], "大阪府大阪市北区梅田1-1")
    qtbot.keyClicks(edits["postal_code"], "1500001")
    assert edits["address"].text() == "大阪府大阪市北区梅田1-1"
    assert assist.replace_button.isVisibleTo(tab)
    assert "東京都渋谷区神宮前" in assist.note.text()
    qtbot.mouseClick(assist.replace_button, Qt.MouseButton.LeftButton)
    assert edits["address"].text() == "東京都渋谷区神宮前"
    # What we filled ourselves may follow the 〒 without asking.
    edits["postal_code"].clear()
    qtbot.keyClicks(edits["postal_code"], "100-0001")
    assert edits["address"].text() == "東京都千代田区千代田"


def test_loading_a_customer_neither_rewrites_its_address_nor_offers_to(
    qtbot: QtBot, tab: CustomersTab, db: Database
) -> None:
    odd = svc.create_customer(db, draft(postal_code="150-0001", address="大阪府大阪市北区梅田1-1"))
    tab.form.load(odd.id)
    assert tab.form.fields.edits["address"].text() == "大阪府大阪市北区梅田1-1"
    assert not tab.form.fields.postal_assist.isVisibleTo(tab)
    assert not tab.form.is_dirty()
