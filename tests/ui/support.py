"""Helpers the tab tests share: typing Japanese, showing a tab, saving and printing PDFs.

The tab folders are packages below this one (``tests/ui/__init__.py``; pytest runs with
``--import-mode=importlib``), so their tests import these as ``from ..support import …``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.printing import printer as printing
from kaunet_desk.ui.tab import Tab

TabT = TypeVar("TabT", bound=Tab)


def type_with_ime(field: QWidget, text: str) -> None:
    """Japanese arrives through the input method (QTest can only type ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def commit_text(field: QWidget, text: str) -> None:
    """Type Japanese as the IME does into ``field``, focused first as a clerk would."""
    field.setFocus()
    type_with_ime(field, text)


def show_tab(qtbot: QtBot, tab: TabT, today: date, size: tuple[int, int] = (1280, 760)) -> TabT:
    """``tab`` shown at ``size`` on ``today``, closed by qtbot at the end of the test."""
    qtbot.addWidget(tab)
    tab.set_today(today)
    tab.resize(*size)
    tab.show()
    return tab


def save_report(
    qtbot: QtBot, buttons: ReportButtons, target: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """「PDF として保存…」 with the save dialog answered by ``target``; the PDF's text."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kwargs: (str(target), "PDF (*.pdf)"))
    assert buttons.save_button.isEnabled(), buttons.status_label.text()
    qtbot.mouseClick(buttons.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: buttons.status_label.text().startswith("保存しました"),
                    timeout=10_000)
    return "\n".join(page.extract_text() for page in PdfReader(target).pages)


def pdf_printer(path: Path, resolution: int = 100) -> QPrinter:
    """What the print dialog would return, printing into a PDF file instead of paper."""
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    return printer
