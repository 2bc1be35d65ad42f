"""Fixtures for the お客さま tab: a real ledger file, the tab attached to it, loaded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.customers.view import CustomersTab

TODAY = date(2026, 11, 20)


def draft(**values: object) -> svc.CustomerDraft:
    base: dict[str, object] = {
        "name": "株式会社山田商事", "name_kana": "ヤマダショウジ",
        "kind": CustomerKind.CORPORATE.value,
        "invoice_payment": InvoicePaymentMethod.BANK_DEBIT.value,
        "monthly_limit_yen": 300_000, "phone": "03-3211-1111",
        "email": "info@yamada.example.jp", "postal_code": "100-0001",
        "address": "東京都千代田区千代田1-1",
    }
    base.update(values)
    return svc.CustomerDraft(**base)  # type: ignore[arg-type]


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    """Four customers; their 五十音順 is サクラ, サトウ, タナカ, ヤマダ."""
    made = {
        "yamada": svc.create_customer(db, draft(), ["K200000002"]),
        "sato": svc.create_customer(db, draft(
            name="佐藤文具店", name_kana="サトウブングテン", phone="06-1234-5678",
            email="sato@bungu.example.jp", kind=CustomerKind.SOLE_PROPRIETOR.value)),
        "sakura": svc.create_customer(db, draft(
            name="有限会社さくら印刷", name_kana="サクラインサツ", phone="052-123-4567",
            email="print@sakura.example.jp")),
        "tanaka": svc.create_customer(db, draft(
            name="田中税理士事務所", name_kana="タナカゼイリシジムショ",
            phone="090-1234-5678", email="tanaka@tax.example.jp")),
    }
    return {key: record.id for key, record in made.items()}


def ime_type(widget: QWidget, text: str) -> None:
    """Type as a Japanese IME does: each character committed through an input method event.

    (QTest.keyClicks maps characters to key codes and aborts on non-Latin-1 ones.)
    """
    target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(target, event)


def wait_loaded(qtbot: QtBot, tab: CustomersTab) -> None:
    qtbot.waitUntil(lambda: not tab.loader.is_busy(), timeout=10_000)


@pytest.fixture
def tab(qtbot: QtBot, db: Database, people: dict[str, int], tmp_path: Path
        ) -> Iterator[CustomersTab]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    background = Background()
    widget = CustomersTab(background, settings)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.attach(db)
    wait_loaded(qtbot, widget)
    yield widget
    background.wait()
