"""The main window on a real database file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.safety.instance_lock import lock_path
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

    def read_and_close(box: object) -> int:  # the clerk reads the message and closes it
        shown.append(f"{box.windowTitle()}: {box.text()}\n{box.informativeText()}")
        return 0

    monkeypatch.setattr("kaunet_desk.ui.safety_dialogs.QMessageBox.exec", read_and_close)
    window = MainWindow(_settings(tmp_path))
    qtbot.addWidget(window)
    window.open_database(broken)
    qtbot.waitUntil(lambda: bool(shown) and not window.progress.isVisibleTo(window),
                    timeout=10_000)
    assert window.database is None
    assert "データベースが壊れています" in shown[0] and "上書き" in shown[0]
    assert "バックアップが見つかりません" in shown[0]  # this test's data folder has none
    assert window.db_label.text() == "データベースが開いていません"
    assert broken.read_bytes() == b"this is not a database" * 100  # left as it was
    window.close()


def test_change_history_menu_and_the_lock(qtbot: QtBot, tmp_path: Path, db_path: Path) -> None:
    from kaunet_desk.store.safety import lock_path
    from kaunet_desk.ui.audit.dialog import AuditLogDialog

    _seed(db_path)
    window = MainWindow(_settings(tmp_path), today=date(2026, 11, 23))
    qtbot.addWidget(window)
    window.show()
    assert not window.audit_action.isEnabled()
    assert window.audit_action.statusTip() == "データベースを開くと使えます"
    window.open_database(db_path)
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    assert lock_path(db_path).exists()
    assert window.audit_action.isEnabled()
    window.audit_action.trigger()
    dialog = window.findChild(AuditLogDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=10_000)
    assert dialog.model.rowCount() == 1  # the seeded customer's creation
    window.close()
    assert not lock_path(db_path).exists()


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


def test_the_window_module_paints_without_the_database_layer() -> None:
    """First paint must not wait for SQLAlchemy and the tabs (≈ 0.5 s to import)."""
    import subprocess
    import sys

    code = (
        "import sys, kaunet_desk.ui.main_window; "
        "print(sorted(m for m in ('sqlalchemy', 'kaunet_desk.store.database', "
        "'kaunet_desk.ui.customers.view', 'reportlab') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_deferred_tabs_show_titles_first_then_build_on_open(
    qtbot: QtBot, tmp_path: Path, db_path: Path
) -> None:
    _seed(db_path)
    window = MainWindow(_settings(tmp_path), defer_tabs=True)
    qtbot.addWidget(window)
    window.show()
    assert window.tab_list == []
    assert window.tabs.tabText(0) == "お客さま" and window.tabs.count() == 5
    # Menu titles paint; their actions wait (the first QAction costs ≈ 15 ms of enums).
    assert [a.text() for a in window.menuBar().actions()] == [
        "ファイル(&F)", "表示(&V)", "ヘルプ(&H)"]
    assert window.file_menu.actions() == []
    window.open_database(db_path)
    assert [t.key for t in window.tab_list] == [
        "customers", "purchases", "limits", "dealer_change", "invoice"]
    shortcuts = {a.text(): a.shortcut().toString() for a in window.file_menu.actions()}
    # Ctrl+Q on every platform: QKeySequence.StandardKey.Quit is empty on Windows.
    assert shortcuts["終了"] == "Ctrl+Q"
    assert shortcuts["データベースを開く…"] == "Ctrl+O"
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    window.close()


def test_language_restart_now_closes_then_starts_this_copy_again(
    qtbot: QtBot, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kaunet_desk.ui import restart
    from kaunet_desk.ui.language import LANGUAGE

    _seed(db_path)
    settings = _settings(tmp_path)
    window = MainWindow(settings, defer_tabs=True)
    qtbot.addWidget(window)
    window.show()
    window.open_database(db_path)
    qtbot.waitUntil(lambda: window.database is not None, timeout=10_000)
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(restart, "start_again",
                        lambda program, arguments: started.append((program, arguments)) or True)
    monkeypatch.setattr("sys.argv", ["kaunet-desk", "--db", "other.sqlite"])

    def press(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, lambda: press("後で (Later)"))
    [languages] = [a.menu() for a in window.view_menu.actions() if a.menu() is not None]
    english = next(a for a in languages.actions() if a.text() == "English")
    english.trigger()
    assert LANGUAGE.get(settings) == "en" and started == [] and window.isVisible()
    # One language is ticked at a time.
    ticked = [a.text() for a in languages.actions() if a.isChecked()]
    assert ticked == ["English"]
    QTimer.singleShot(0, lambda: press("今すぐ再起動 (Restart now)"))
    window.choose_language("ja")
    assert not window.isVisible()
    # The ledger open now, not the one on the command line, and its lock already released
    # for the new process to take.
    assert started == [(sys.executable, ["-m", "kaunet_desk", "--db", str(db_path)])]
    assert not lock_path(db_path).exists()


def test_restart_command_keeps_a_url_and_the_other_arguments() -> None:
    from kaunet_desk.ui.restart import restart_command

    url = "postgresql+psycopg://clerk@office/kaunet"
    assert restart_command(["kaunet-desk", "--db", url], None)[1] == [
        "-m", "kaunet_desk", "--db", url]
    assert restart_command(["kaunet-desk", "--db=a.sqlite"], Path("b.sqlite"))[1] == [
        "-m", "kaunet_desk", "--db", "b.sqlite"]
