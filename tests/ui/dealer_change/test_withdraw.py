"""記録を取り消す: the last step of a request, recorded by mistake, taken back after a question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.ui.dealer_change import messages
from kaunet_desk.ui.dealer_change.view import DealerChangeTab

from .support import TODAY, Customer, column_texts

OpenTab = Callable[[], tuple[QTabWidget, DealerChangeTab]]


def _state(tab: DealerChangeTab, request_id: int) -> str:
    row = tab.model.row_of(request_id)
    assert row is not None
    return column_texts(tab, "state")[row]


def test_a_return_recorded_by_mistake_is_withdrawn_after_the_question(
    qtbot: QtBot, db: Database, open_tab: OpenTab,
    add_customer: Callable[[str, str, str], Customer],
    add_request: Callable[[Customer, date, date], int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = add_request(who, date(2026, 5, 10), date(2026, 5, 24))
    svc.mark_returned(db, request_id, date(2026, 5, 19), today=TODAY)
    svc.record_logo_confirmed(db, request_id, date(2026, 5, 20), today=TODAY)
    _tabs, tab = open_tab()
    action = tab.actions_by_name["withdraw"]
    assert tab.select_request(request_id)
    qtbot.waitUntil(lambda: tab.selected_id() == request_id)
    assert action.isEnabled()
    assert "記録を取り消す(&U)…" in [a.text() for a in tab.context_menu().actions()]
    asked: list[str] = []
    replies = [False, True]

    def ask(_parent: object, title: str, text: str, yes: str) -> bool:
        asked.append(f"{title}|{text}|{yes}")
        return replies.pop(0)

    monkeypatch.setattr(messages, "ask", ask)
    action.trigger()
    assert svc.get_request(db, request_id).returned_on == date(2026, 5, 19)  # declined
    action.trigger()
    qtbot.waitUntil(lambda: _state(tab, request_id) == "待ち", timeout=5_000)
    row = svc.get_request(db, request_id)
    assert (row.returned_on, row.logo_confirmed_on) == (None, None)
    assert "返送の記録（2026/05/19）を取り消し" in asked[0]
    assert "ロゴ確認日も消えます" in asked[0] and asked[0].endswith("|取り消す")
    assert asked[1] == asked[0]
    # Nothing is left to take back: the action says why instead of asking.
    assert tab.select_request(request_id)
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=5_000)
    assert action.toolTip().startswith("取り消せる記録がありません")
