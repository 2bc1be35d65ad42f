"""The monthly-limit tab on a real SQLite file holding support.ORDERS."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, OrderStatus, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Order
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.limits.view import LimitsTab

from ..support import show_tab
from .support import CUSTOMERS, ORDERS, TODAY, Ledger


@pytest.fixture
def ledger(db: Database) -> Ledger:
    ids: dict[str, int] = {}
    accounts: dict[str, int] = {}
    for n, (name, (kana, limit)) in enumerate(CUSTOMERS.items()):
        record = svc.create_customer(
            db,
            svc.CustomerDraft(
                name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
                invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=limit,
                phone=f"031234567{n}", email=f"c{n}@example.jp",
            ),
            [f"K{n}"],
        )
        ids[name], accounts[name] = record.id, record.accounts[0].id
    for o in ORDERS:
        entry = enter_order(db, OrderDraft(
            accounts[o.customer], o.no, o.day, o.s10, o.s8,
            payment=PaymentMethod.CARD.value if o.card else PaymentMethod.KDDI_INVOICE.value,
        ))
        assert (entry.decision == "cancel_over_limit") == o.refused, o.no
        if o.cancel:
            with db.unit_of_work() as session:
                session.execute(update(Order).where(Order.id == entry.order.id)
                                .values(status=OrderStatus.CANCELLED.value))
    return Ledger(ids, accounts)


@pytest.fixture
def tab(
    qtbot: QtBot, db: Database, ledger: Ledger, settings: QSettings, background: Background
) -> LimitsTab:
    widget = show_tab(qtbot, LimitsTab(background, settings), TODAY)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.attach(db)
    return widget
