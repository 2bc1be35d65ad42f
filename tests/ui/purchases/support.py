"""Helpers for the 購入履歴 tab tests: reading the table as the clerk sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pytestqt.qtbot import QtBot

from kaunet_desk.ui.purchases.columns import column_index
from kaunet_desk.ui.purchases.view import PurchasesTab

TODAY = date(2026, 11, 20)  # a Friday; the window is 2026-06-01 … 2026-11-20


@dataclass(frozen=True)
class Ledger:
    aoba: int  # customer ids
    midori: int
    aoba_account: int
    midori_account: int
    orders: dict[str, int]  # order number → order id


def wait_loaded(qtbot: QtBot, tab: PurchasesTab) -> None:
    qtbot.waitUntil(lambda: not tab.is_loading(), timeout=10_000)


def shown_order_numbers(tab: PurchasesTab) -> list[str]:
    model = tab.model
    column = column_index("order_no")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_of(tab: PurchasesTab, order_no: str) -> int:
    return shown_order_numbers(tab).index(order_no)


def cell(tab: PurchasesTab, order_no: str, key: str, role: int | None = None) -> object:
    index = tab.model.index(row_of(tab, order_no), column_index(key))
    return index.data() if role is None else index.data(role)
