"""Every text of the main window in English: no Japanese left except data and kept terms.

The language is switched before the window module is imported and the window built, as the
app does at start-up (ui/language.apply_language), and every tab is visited (with its first
row selected) so that the widgets a tab builds or fills lazily exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database

from .conftest import TODAY, database_strings, japanese_left

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


# Longer than every debounce timer of the tabs (searches, detail panes: 150–300 ms).
DEBOUNCE_MS = 400


def _settle(window: QWidget) -> None:
    """Let debounced loads start, background work finish and its results paint (a result
    may start more work); nothing may still be running when the window goes away."""
    for _round in range(50):
        window.background.wait()  # type: ignore[attr-defined]
        QTest.qWait(DEBOUNCE_MS)
        if not window.background.busy():  # type: ignore[attr-defined]
            QApplication.processEvents()
            return
    raise AssertionError("background work did not settle")


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        yield f"{where} › action", action.text()
        yield f"{where} › action tooltip", action.toolTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} › {action.text()}")


def _header_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for section in range(model.columnCount()):
        for role, kind in ((DISPLAY, "header"), (TOOLTIP, "header tooltip")):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield f"{where} {kind} {section}", value


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the clerk can read in the window and its widgets."""
    yield "window title", window.windowTitle()
    for action in window.actions():
        yield "window action", action.text()
    for menu in window.menuBar().findChildren(QMenu):  # type: ignore[attr-defined]
        yield from _menu_texts(menu, f"menu {menu.title()!r}")
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield f"{where} tooltip", widget.toolTip()
        yield f"{where} status tip", widget.statusTip()
        yield f"{where} what's this", widget.whatsThis()
        yield f"{where} accessible name", widget.accessibleName()
        for action in widget.actions():
            yield f"{where} action", action.text()
            yield f"{where} action tooltip", action.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        if isinstance(widget, QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{where} tab {index}", widget.tabText(index)
                yield f"{where} tab tooltip {index}", widget.tabToolTip(index)
        if isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        if isinstance(widget, QAbstractSpinBox):  # date and month pickers show a format
            yield f"{where} text", widget.text()
            yield f"{where} special value", widget.specialValueText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{where} item {index}", widget.itemText(index)
        if isinstance(widget, QAbstractItemView):
            yield from _header_texts(widget, where)


def _select_first_rows(window: QWidget) -> None:
    """Select row 0 of every table the current tab shows, so detail panes fill in."""
    for view in window.tabs.currentWidget().findChildren(QAbstractItemView):  # type: ignore[attr-defined]
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
            _settle(window)


@pytest.fixture
def english_window(english: None, demo_db: Database, qtbot: QtBot,
                   tmp_path: Path) -> Iterator[QWidget]:
    from kaunet_desk.ui.main_window import MainWindow  # imported once English is on

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, today=TODAY)
    window.resize(1280, 800)
    window.show()
    window.attach(Database.open(demo_db.url))
    _settle(window)
    try:
        yield window
        _settle(window)  # no result may arrive in a later test, after the window is gone
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone()
        window.deleteLater()
        QApplication.processEvents()


def test_every_widget_of_the_main_window_reads_in_english(
    english_window: QWidget, demo_db: Database
) -> None:
    window = english_window
    data = database_strings(Path(str(demo_db.url.database)))
    assert any("株式会社" in name for name in data)  # the demo ledger is Japanese data
    seen: set[tuple[str, str]] = set()
    for index in range(window.tabs.count()):  # type: ignore[attr-defined]
        window.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        _settle(window)
        _select_first_rows(window)
        seen.update((where, text) for where, text in visible_texts(window) if text)
    texts = {text for _where, text in seen}
    assert len(texts) > 250  # the walk reached the tabs' widgets, not just the frame
    assert {"Customer", "Purchase history", "Monthly limit"} <= texts
    left = sorted((where, text) for where, text in seen if japanese_left(text, data))
    assert left == []
