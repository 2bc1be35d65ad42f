"""Opening a ledger through the safety checks, answering the dialogs as a clerk would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.backup import backup_name, backup_to
from kaunet_desk.store.database import Database
from kaunet_desk.store.safety import lock_path, open_checks
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.safe_open import SafeOpener
from kaunet_desk.ui.safety_messages import explain

ROOT = Path(__file__).resolve().parents[3]


class Clerk:
    """Answers message boxes by their object name: box name → button name ("" = Escape)."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.seen: list[tuple[str, str]] = []  # (box name, its text + informative text)
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not (isinstance(widget, QMessageBox) and widget.isVisible()):
                continue
            name = widget.objectName()
            self.seen.append((name, widget.text() + "\n" + widget.informativeText()))
            wanted = self.answers.get(name, "")
            button = (widget.findChild(QPushButton, wanted) if wanted
                      else widget.escapeButton())
            assert button is not None, f"{name} has no button {wanted!r}"
            button.click()

    def stop(self) -> None:
        self._timer.stop()

    def names(self) -> list[str]:
        return [name for name, _text in self.seen]


class Result:
    def __init__(self) -> None:
        self.database: Database | None = None
        self.error: Exception | None = None
        self.done = False

    def opened(self, database: Database) -> None:
        self.database, self.done = database, True

    def failed(self, error: Exception | None) -> None:
        self.error, self.done = error, True


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _customer(database: Database, name: str) -> None:
    svc.create_customer(database, svc.CustomerDraft(
        name=name, name_kana="テスト", kind=CustomerKind.CORPORATE.value,
        invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=1000,
        phone="03-3211-1111", email="t@example.jp"))


def _names(database: Database) -> list[str]:
    return sorted(r.name for r in customer_rows(database, customer_ids(database)).values())


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    database = Database.open(path)
    _customer(database, "株式会社アオバ商事")
    database.close()
    return path


def _open(qtbot: QtBot, opener: SafeOpener, target: object, clerk: Clerk) -> Result:
    result = Result()
    opener.open(target, result.opened, result.failed)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: result.done, timeout=15_000)
    clerk.stop()
    return result


def test_a_whole_ledger_opens_and_holds_its_lock(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path
) -> None:
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    clerk = Clerk({})
    result = _open(qtbot, opener, ledger, clerk)
    assert result.database is not None and clerk.seen == []
    assert lock_path(ledger).exists() and not opener.read_only
    result.database.close()
    opener.release()
    assert not lock_path(ledger).exists()


HOLDER = """
import sys, time
from pathlib import Path
from kaunet_desk.store.safety import acquire_lock
acquire_lock(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def other_instance(ledger: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(ledger)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def test_second_instance_opens_read_only(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path,
    other_instance: subprocess.Popen[str],
) -> None:
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    clerk = Clerk({"in_use": "open_read_only"})
    result = _open(qtbot, opener, ledger, clerk)
    assert clerk.names() == ["in_use"]
    assert f"プロセス番号 {other_instance.pid}" in clerk.seen[0][1]
    database = result.database
    assert database is not None and opener.read_only
    try:
        assert _names(database) == ["株式会社アオバ商事"]
        with pytest.raises(OperationalError) as caught:
            _customer(database, "有限会社ミドリ文具")
        assert "読み取り専用" in explain(caught.value)
        assert _names(database) == ["株式会社アオバ商事"]
    finally:
        database.close()
        opener.release()
    assert lock_path(ledger).exists()  # still the other instance's


def test_second_instance_may_cancel(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path,
    other_instance: subprocess.Popen[str],
) -> None:
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    clerk = Clerk({"in_use": "cancel"})
    result = _open(qtbot, opener, ledger, clerk)
    assert (result.database, result.error) == (None, None)  # cancelled: nothing to show


def _damage(path: Path) -> bytes:
    zeros = bytes(path.stat().st_size)
    path.write_bytes(zeros)
    return zeros


def test_damaged_ledger_is_restored_from_the_latest_backup(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    backup_to(ledger, folder / backup_name(datetime(2026, 11, 19, 18, 0)))
    zeros = _damage(ledger)
    opener = SafeOpener(window, background, lambda: folder)
    clerk = Clerk({"restore_offer": "restore_latest_backup", "restored": ""})
    result = _open(qtbot, opener, ledger, clerk)
    assert clerk.names() == ["restore_offer", "restored"]
    offer = clerk.seen[0][1]
    assert "上書き" in offer and "2026/11/19 18:00 のバックアップ" in offer
    database = result.database
    assert database is not None
    try:
        assert _names(database) == ["株式会社アオバ商事"]
    finally:
        database.close()
        opener.release()
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and p.suffix != ".lock"]
    assert [p.read_bytes() for p in aside if p.name.endswith(tuple("0123456789"))] == [zeros]


def test_damaged_ledger_left_alone_when_cancelled(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    backup_to(ledger, folder / backup_name(datetime(2026, 11, 19, 18, 0)))
    zeros = _damage(ledger)
    opener = SafeOpener(window, background, lambda: folder)
    clerk = Clerk({"restore_offer": "cancel"})
    result = _open(qtbot, opener, ledger, clerk)
    assert (result.database, result.error) == (None, None)
    assert ledger.read_bytes() == zeros
    assert not lock_path(ledger).exists()


def test_damaged_ledger_without_backup(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path
) -> None:
    _damage(ledger)
    opener = SafeOpener(window, background, lambda: tmp_path / "no-backups")
    clerk = Clerk({})
    result = _open(qtbot, opener, ledger, clerk)
    assert clerk.names() == ["restore_offer"]
    assert "バックアップが見つかりません" in clerk.seen[0][1]
    assert result.database is None


def test_an_empty_file_without_backups_is_a_new_ledger(
    qtbot: QtBot, window: QWidget, background: Background, tmp_path: Path
) -> None:
    path = tmp_path / "new.sqlite"
    path.write_bytes(b"")
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    clerk = Clerk({})
    result = _open(qtbot, opener, path, clerk)
    assert clerk.seen == [] and result.database is not None
    assert _names(result.database) == []
    result.database.close()
    opener.release()


def test_network_share_is_warned_about(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(open_checks, "network_location",
                        lambda path: "ネットワーク ファイルシステム cifs(/mnt/office)")
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    clerk = Clerk({})
    result = _open(qtbot, opener, ledger, clerk)
    assert clerk.names() == ["network_warning"]
    text = clerk.seen[0][1]
    assert "cifs(/mnt/office)" in text and "PostgreSQL" in text and str(ledger) in text
    assert result.database is not None  # a warning, not a refusal
    result.database.close()
    opener.release()


def test_reopening_the_same_file_keeps_the_lock(
    qtbot: QtBot, window: QWidget, background: Background, ledger: Path, tmp_path: Path
) -> None:
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    first = _open(qtbot, opener, ledger, Clerk({}))
    second = _open(qtbot, opener, ledger, Clerk({}))
    assert first.database is not None and second.database is not None
    first.database.close()
    assert lock_path(ledger).exists()
    second.database.close()
    opener.release()
    assert not lock_path(ledger).exists()


def test_unreachable_server_fails_with_a_sentence(
    qtbot: QtBot, window: QWidget, background: Background, tmp_path: Path
) -> None:
    opener = SafeOpener(window, background, lambda: tmp_path / "backups")
    url = "postgresql+psycopg://kaunet:pw@127.0.0.1:1/kaunet?connect_timeout=3"
    result = _open(qtbot, opener, url, Clerk({}))
    assert result.database is None and result.error is not None
    assert "サーバーに接続できません" in explain(result.error)
