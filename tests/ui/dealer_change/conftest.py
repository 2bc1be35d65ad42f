"""Customers entered through the services and the 販売店変更 FAX tab inside a QTabWidget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as customer_service
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.dealer_change.view import DealerChangeTab

from .support import TODAY, Customer, wait_loaded


@pytest.fixture
def add_customer(db: Database) -> Callable[[str, str, str], Customer]:
    def add(name: str, kana: str, kaunet_id: str) -> Customer:
        record = customer_service.create_customer(
            db,
            customer_service.CustomerDraft(
                name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
                invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value,
                monthly_limit_yen=300_000, phone="0312345678",
                email=f"{kaunet_id.lower()}@example.jp",
            ),
            [kaunet_id],
        )
        return Customer(record.id, record.accounts[0].id)

    return add


@pytest.fixture
def add_request(db: Database) -> Callable[[Customer, date, date], int]:
    def add(customer: Customer, sent: date, deadline: date) -> int:
        return svc.create_request(
            db, svc.RequestDraft(customer.id, customer.account_id, sent, deadline)
        )

    return add


@pytest.fixture
def open_tab(
    qtbot: QtBot, db: Database, settings: QSettings
) -> Callable[[], tuple[QTabWidget, DealerChangeTab]]:
    """The tab as the main window holds it: second page of a QTabWidget, attached, loaded."""

    def make() -> tuple[QTabWidget, DealerChangeTab]:
        background = Background()
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        tabs.addTab(QTabWidget(), "お客さま")
        tab = DealerChangeTab(background, settings, today=TODAY)
        tabs.addTab(tab, tab.title())
        tabs.setCurrentWidget(tab)
        tabs.resize(1280, 700)
        tabs.show()
        qtbot.waitExposed(tabs)
        tab.attach(db)
        wait_loaded(qtbot, tab)
        return tabs, tab

    return make
