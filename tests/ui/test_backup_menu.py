"""ファイル → バックアップを作成… and バックアップから復元… on a real ledger file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import count_customers
from kaunet_desk.ui.main_window import MainWindow


def _add(db: Database, name: str) -> None:
    svc.create_customer(db, svc.CustomerDraft(
        name=name, name_kana="テスト", kind=CustomerKind.CORPORATE.value,
        invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=1,
        phone="0312345678", email="t@example.jp"))


def test_back_up_then_restore_through_the_menu(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = Database.open(db_path)
    _add(seed, "一")
    seed.close()
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.open_database(db_path)
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    copy = tmp_path / "copy.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.backup_action.trigger()
    qtbot.waitUntil(copy.exists, timeout=10_000)
    window.background.wait()
    _add(window.database, "二")  # after the backup: the restore must take it away
    assert count_customers(window.database) == 2

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    assert count_customers(window.database) == 1
    window.close()


def test_restore_refuses_a_foreign_file_and_keeps_the_ledger(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = Database.open(db_path)
    _add(seed, "一")
    seed.close()
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_database(db_path)
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("not a ledger")
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(foreign), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warnings.append(text))
    window.restore_action.trigger()
    assert warnings and "そのまま" in warnings[0]
    assert count_customers(window.database) == 1
    window.close()
