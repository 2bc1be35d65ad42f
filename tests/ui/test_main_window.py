"""The main window on a real database file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.main_window import MainWindow


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _seed(db_path: Path) -> None:
    database = Database.open(db_path)
    svc.create_customer(
        database,
        svc.CustomerDraft(
            name="株式会社テスト", name_kana="テスト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=100_000,
            phone="0312345678", email="t@example.jp",
        ),
    )
    database.close()


def test_window_paints_before_the_database_opens_then_shows_it(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    _seed(db_path)
    window = MainWindow(_settings(tmp_path), today=date(2026, 11, 23))  # 勤労感謝の日
    qtbot.addWidget(window)
    window.show()
    assert window.database is None  # painted with no database yet
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0].startswith("お客さま") and titles[1] == "購入履歴"
    assert len(titles) == 5
    window.open_database(db_path)
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    assert str(db_path) in window.db_label.text()
    qtbot.waitUntil(lambda: "お客さま 1 件" in window.counts_label.text(), timeout=10_000)
    assert window.day_label.text() == "本日は休業日"
    window.close()


def test_a_broken_file_gives_a_message_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    shown: list[str] = []
    monkeypatch.setattr(
        "kaunet_desk.ui.main_window.QMessageBox.critical",
        lambda _parent, title, text: shown.append(f"{title}: {text}"),
    )
    window = MainWindow(_settings(tmp_path))
    qtbot.addWidget(window)
    window.open_database(broken)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert window.database is None
    assert "データベースを開けません" in shown[0]
    window.close()


def test_geometry_and_last_tab_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(700, 500)  # inside the offscreen 800×600 screen
    window.tabs.setCurrentIndex(3)
    window.close()
    again = MainWindow(_settings(tmp_path))
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 3
    assert (again.width(), again.height()) == (700, 500)
    again.close()
