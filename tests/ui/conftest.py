"""Fixtures every UI test may take: its own settings file and its own background workers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kaunet_desk.ui.background import Background


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def background() -> Iterator[Background]:
    """Waited for at teardown. Take it after ``qtbot`` and ``db``: fixtures are torn down
    in reverse, so the work still running ends before the widgets and the database close."""
    jobs = Background()
    yield jobs
    jobs.wait()
