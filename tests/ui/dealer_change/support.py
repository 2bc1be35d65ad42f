"""Helpers shared by the tab's tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kaunet_desk.ui.dealer_change.columns import COLUMN_INDEX
from kaunet_desk.ui.dealer_change.send_dialog import FaxSendDialog
from kaunet_desk.ui.dealer_change.view import DealerChangeTab
from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.printing import printer as printing

TODAY = date(2026, 5, 20)  # a Wednesday


@dataclass(frozen=True)
class Customer:
    id: int
    account_id: int


def wait_loaded(qtbot: QtBot, tab: DealerChangeTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)


def column_texts(tab: DealerChangeTab, key: str) -> list[str]:
    model = tab.model
    return [model.index(row, COLUMN_INDEX[key]).data() for row in range(model.rowCount())]


def wait_send_dialog(qtbot: QtBot, tab: DealerChangeTab) -> FaxSendDialog:
    """The preview of the new form, once drawn in the background."""
    qtbot.waitUntil(lambda: isinstance(tab.dialog, FaxSendDialog), timeout=10_000)
    dialog = tab.dialog
    assert isinstance(dialog, FaxSendDialog)
    return dialog


def pdf_printer(path: Path) -> QPrinter:
    """What the print dialog would return, printing into a PDF file instead of paper."""
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)
    return printer


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
