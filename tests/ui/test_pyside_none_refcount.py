"""The PySide6 6.12 None-refcount bug must not be able to end a clerk's session."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kaunet_desk.ui import pyside_none_refcount


def test_affected_versions() -> None:
    assert pyside_none_refcount.affected((3, 11), "6.12.0")
    assert not pyside_none_refcount.affected((3, 12), "6.12.0")
    assert not pyside_none_refcount.affected((3, 11), "6.11.0")


def test_a_day_of_qt_calls_leaves_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(200_000):  # far beyond None's natural refcount on 3.11 (~25,000)
        label.setText("a")
    assert sys.getrefcount(None) > 0  # still here: the interpreter did not abort
    if pyside_none_refcount.affected(sys.version_info[:2], PySide6.__version__):
        assert pyside_none_refcount._applied
