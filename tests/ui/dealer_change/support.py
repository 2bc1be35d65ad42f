"""Helpers shared by the tab's tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pytestqt.qtbot import QtBot

from kaunet_desk.ui.dealer_change.columns import COLUMN_INDEX
from kaunet_desk.ui.dealer_change.send_dialog import FaxSendDialog
from kaunet_desk.ui.dealer_change.view import DealerChangeTab

TODAY = date(2026, 5, 20)  # a Wednesday


@dataclass(frozen=True)
class Customer:
    id: int
    account_id: int


def wait_loaded(qtbot: QtBot, tab: DealerChangeTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)


def column_texts(tab: DealerChangeTab, key: str) -> list[str]:
    model = tab.model
    return [model.index(row, COLUMN_INDEX[key]).data() for row in range(model.rowCount())]


def wait_send_dialog(qtbot: QtBot, tab: DealerChangeTab) -> FaxSendDialog:
    """The preview of the new form, once drawn in the background."""
    qtbot.waitUntil(lambda: isinstance(tab.dialog, FaxSendDialog), timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, FaxSendDialog)
    return dialog
