"""The tab as the main window sees it: state kept across runs, F5, Ctrl+F, busy indicator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.customers.view import CustomersTab

from .conftest import draft, wait_loaded


def test_splitter_and_columns_are_remembered(qtbot: QtBot, tab: CustomersTab,
                                             tmp_path: Path) -> None:
    tab.splitter.setSizes([900, 380])
    tab.table.setColumnWidth(1, 333)
    sizes = tab.splitter.sizes()
    tab.save_state()
    tab.settings.sync()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = CustomersTab(Background(), settings)
    qtbot.addWidget(again)
    again.resize(tab.size())
    again.restore_state()
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes
    assert again.table.columnWidth(1) == 333


def test_search_field_is_what_ctrl_f_focuses(tab: CustomersTab) -> None:
    assert tab.search_field() is tab.search
    assert "カウネット ID" in tab.search.placeholderText()


def test_f5_shows_what_another_clerk_added(qtbot: QtBot, tab: CustomersTab,
                                          db: Database) -> None:
    assert tab.count_label.text() == "4 件"
    svc.create_customer(db, draft(name="あ商店", name_kana="アショウテン", email="a@example.jp"))
    tab.reload()
    wait_loaded(qtbot, tab)
    assert tab.count_label.text() == "5 件"
    assert tab.model.index(0, 1).data() == "あ商店"  # ア sorts first


def test_loading_shows_a_busy_indicator(qtbot: QtBot, tab: CustomersTab) -> None:
    assert not tab.busy.isVisibleTo(tab)
    tab.search.setText("さ")
    assert tab.busy.isVisibleTo(tab) and tab.busy_label.isVisibleTo(tab)
    wait_loaded(qtbot, tab)
    assert not tab.busy.isVisibleTo(tab)


def test_a_saved_customer_tells_the_window(qtbot: QtBot, tab: CustomersTab,
                                          people: dict[str, int]) -> None:
    tab.form.load(people["sakura"])
    tab.form.fields.edits["contact_person"].setText("桜井")
    with qtbot.waitSignal(tab.data_changed, timeout=1_000):
        assert tab.form.save()
    wait_loaded(qtbot, tab)
    assert tab.model.customer_id(tab.table.currentIndex().row()) == people["sakura"]
