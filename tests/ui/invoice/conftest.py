"""The invoice tab on a real SQLite file holding support.ON_INVOICE and its noise."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import CombinedBillingFacts, Invoice
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.invoice.view import InvoiceTab

from ..support import show_tab
from .support import (
    COUNTER_REQUESTS,
    NOV,
    ON_INVOICE,
    OVERDUE_DUE,
    OVERDUE_YEN,
    SLIPS,
    TODAY,
    Ledger,
)


def _customer(db: Database, name: str, kana: str, kind: str, kaunet_id: str) -> tuple[int, int]:
    record = svc.create_customer(
        db,
        svc.CustomerDraft(
            name=name, name_kana=kana, kind=kind,
            invoice_payment=InvoicePaymentMethod.POSTAL_CONVENI.value,
            monthly_limit_yen=1_000_000, phone="0312345678",
            email=f"{kaunet_id.lower()}@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


@pytest.fixture
def ledger(db: Database) -> Ledger:
    sole, account = _customer(db, "鈴木商店", "スズキショウテン",
                              CustomerKind.SOLE_PROPRIETOR.value, "K1")
    corporate, corporate_account = _customer(db, "株式会社たなか", "タナカ",
                                             CustomerKind.CORPORATE.value, "K2")
    for s in ON_INVOICE:
        enter_order(db, OrderDraft(account, s.no, s.ordered, s.s10, s.s8, shipped_on=s.shipped,
                                   points_used_yen=s.points))
    # Not on it: shipped in October, paid by card, another dealer's, not shipped.
    enter_order(db, OrderDraft(account, "X1", date(2026, 10, 1), 100, 0,
                               shipped_on=date(2026, 10, 1)))
    enter_order(db, OrderDraft(account, "X2", date(2026, 9, 2), 100, 0,
                               shipped_on=date(2026, 9, 3), payment=PaymentMethod.CARD.value))
    enter_order(db, OrderDraft(account, "X3", date(2026, 9, 2), 100, 0,
                               shipped_on=date(2026, 9, 3), other_dealer=True))
    enter_order(db, OrderDraft(account, "X4", date(2026, 9, 2), 100, 0))
    enter_order(db, OrderDraft(corporate_account, "T1", date(2026, 9, 5), 10_000, 0,
                               shipped_on=date(2026, 9, 6)))
    with db.unit_of_work() as session:
        for customer in (sole, corporate):
            session.add(Invoice(customer_id=customer, billing_month=NOV,
                                due_on=date(2026, 11, 30), amount_yen=0, slips_issued=SLIPS,
                                counter_requests=COUNTER_REQUESTS))
        session.add(CombinedBillingFacts(customer_id=sole, billing_month=NOV,
                                         mobile_charges=True, matome_line_fee=True))
        session.add(Invoice(customer_id=sole, billing_month=date(2026, 8, 1),
                            due_on=OVERDUE_DUE, amount_yen=OVERDUE_YEN))
    return Ledger(sole, corporate)


@pytest.fixture
def tab(
    qtbot: QtBot, db: Database, ledger: Ledger, settings: QSettings, background: Background
) -> InvoiceTab:
    widget = show_tab(qtbot, InvoiceTab(background, settings), TODAY)
    with qtbot.waitSignal(widget.customers_listed, timeout=10_000):
        widget.attach(db)
    return widget
