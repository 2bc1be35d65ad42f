"""Incremental search in the tab: short Japanese queries, debounce, stale answers."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customer_list
from kaunet_desk.ui.customers.view import CustomersTab

from .conftest import ime_type, wait_loaded


def search(qtbot: QtBot, tab: CustomersTab, text: str) -> list[int]:
    tab.search_field().clear()
    ime_type(tab.search_field(), text)
    wait_loaded(qtbot, tab)
    return tab.model.ids()


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("さ", ["sakura", "sato"]),  # 1 character: サクラ…, サトウ… (五十音順)
        ("ｻ", ["sakura", "sato"]),
        ("税", ["tanaka"]),
        ("さと", ["sato"]),  # 2 characters
        ("ｲﾝ", ["sakura"]),  # サクラインサツ
        ("商事", ["yamada"]),
        ("03-3211", ["yamada"]),
        ("k2000", ["yamada"]),  # Kaunet ID
        ("tax.example", ["tanaka"]),  # email
        ("ぬ", []),
    ],
)
def test_short_queries_find_the_right_rows(
    qtbot: QtBot, tab: CustomersTab, people: dict[str, int], query: str, keys: list[str]
) -> None:
    assert search(qtbot, tab, query) == [people[k] for k in keys]


def test_typing_is_debounced(qtbot: QtBot, tab: CustomersTab,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = customer_list.customer_ids
    monkeypatch.setattr(customer_list, "customer_ids",
                        lambda db, q: asked.append(q) or real(db, q))
    ime_type(tab.search_field(), "ヤマダ")  # three keystrokes within the debounce time
    wait_loaded(qtbot, tab)
    assert asked == ["ヤマダ"]


def test_a_stale_answer_never_overwrites_a_newer_one(
    qtbot: QtBot, tab: CustomersTab, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = customer_list.customer_ids
    release = threading.Event()
    finished: list[str] = []

    def slow_for_sa(db: Database, query: str) -> list[int]:
        if query == "さ":
            release.wait(5)  # held until the newer search has been answered
        result = real(db, query)
        finished.append(query)
        return result

    monkeypatch.setattr(customer_list, "customer_ids", slow_for_sa)
    field = tab.search_field()
    ime_type(field, "さ")
    generation = tab.loader.generation
    qtbot.waitUntil(lambda: tab.loader.generation > generation, timeout=2_000)  # 「さ」 runs
    ime_type(field, "と")
    qtbot.waitUntil(lambda: finished == ["さと"], timeout=5_000)
    qtbot.waitUntil(lambda: tab.model.ids() == [people["sato"]], timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: finished == ["さと", "さ"], timeout=5_000)
    wait_loaded(qtbot, tab)
    time.sleep(0.05)
    qtbot.wait(50)
    # 「さ」 (サクラ and サトウ) answered last, and was dropped.
    assert tab.model.ids() == [people["sato"]]
    assert tab.count_label.text() == "1 件 / 全 4 件"


def test_enter_in_the_search_goes_to_the_first_result(
    qtbot: QtBot, tab: CustomersTab, people: dict[str, int]
) -> None:
    search(qtbot, tab, "さ")
    qtbot.keyClick(tab.search_field(), Qt.Key.Key_Return)
    assert tab.table.hasFocus()
    assert tab.form.customer_id == people["sakura"]
