"""A ledger with edits on known days, and the 変更履歴 dialog over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import bulk_import
from kaunet_desk.ui.audit.dialog import AuditLogDialog
from kaunet_desk.ui.background import Background

from .support import TODAY, FakeDatetime, Ledger, make_edits, wait_loaded


@pytest.fixture
def ledger(db: Database, monkeypatch: pytest.MonkeyPatch) -> Ledger:
    monkeypatch.setattr(audit, "datetime", FakeDatetime)
    monkeypatch.setattr(bulk_import, "datetime", FakeDatetime)
    return make_edits(db)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, ledger: Ledger, settings: QSettings,
           background: Background) -> AuditLogDialog:
    widget = AuditLogDialog(db, background, settings, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    wait_loaded(qtbot, widget)
    return widget
