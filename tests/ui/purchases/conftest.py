"""A small ledger entered through the services, and the 購入履歴 tab attached to it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as customer_service
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.purchases.view import PurchasesTab

from ..support import show_tab
from .support import TODAY, Ledger, wait_loaded


def _customer(db: Database, name: str, kana: str, kaunet_id: str, limit: int) -> tuple[int, int]:
    record = customer_service.create_customer(
        db,
        customer_service.CustomerDraft(
            name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=limit,
            phone="0312345678", email=f"{kaunet_id.lower()}@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


@pytest.fixture
def ledger(db: Database) -> Ledger:
    aoba, aoba_account = _customer(db, "株式会社アオバ商事", "アオバショウジ", "KA1", 1_000_000)
    midori, midori_account = _customer(db, "有限会社ミドリ文具", "ミドリブング", "KB1", 10_000)
    orders: dict[str, int] = {}

    def enter(account: int, no: str, ordered: date, shipped: date | None = None,
              **kw: object) -> None:
        values: dict[str, object] = {
            "kaunet_account_id": account, "order_no": no, "order_date": ordered,
            "shipped_on": shipped, "subtotal_10_yen": 1000, "subtotal_8_yen": 0,
        }
        values.update(kw)
        orders[no] = enter_order(db, OrderDraft(**values)).order.id  # type: ignore[arg-type]

    enter(aoba_account, "A-OLD", date(2026, 5, 31), date(2026, 6, 1))  # before the window
    enter(aoba_account, "A-JUN", date(2026, 6, 1), date(2026, 6, 2),
          subtotal_10_yen=1999, subtotal_8_yen=1001)
    # Friday, then Sat, Sun, 敬老の日, 国民の休日, 秋分の日.
    enter(aoba_account, "A-FRI", date(2026, 9, 17), date(2026, 9, 18))
    enter(aoba_account, "A-HOL", date(2026, 11, 1), date(2026, 11, 2))  # 11/3 文化の日
    enter(aoba_account, "A-NOT", date(2026, 11, 19))
    enter(aoba_account, "A-OTH", date(2026, 10, 5), date(2026, 10, 6), other_dealer=True,
          dealer_name="ミナミ事務機")
    enter(aoba_account, "A-CARD", date(2026, 10, 5), date(2026, 10, 6),
          payment=PaymentMethod.CARD.value)
    enter(midori_account, "B-1", date(2026, 11, 5), date(2026, 11, 6), subtotal_10_yen=5000)
    return Ledger(aoba, midori, aoba_account, midori_account, orders)


@pytest.fixture
def tab(
    qtbot: QtBot, db: Database, ledger: Ledger, settings: QSettings, background: Background
) -> PurchasesTab:
    widget = show_tab(qtbot, PurchasesTab(background, settings), TODAY)
    widget.attach(db)
    wait_loaded(qtbot, widget)
    return widget
