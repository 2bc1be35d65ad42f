"""The in-app preview (QtPdf), printing through QPrinter, and ReportButtons."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from kaunet_desk.reports.fax_form import FaxFormData, render_fax_form
from kaunet_desk.reports.invoice import render_invoices
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.printing import PdfPreviewDialog, ReportButtons, print_document, saving
from kaunet_desk.ui.printing import printer as printing

SETTINGS = ReportSettings()
LEFT = Qt.MouseButton.LeftButton


def _fax(path: Path) -> None:
    data = FaxFormData(
        customer_id=1, company="株式会社みなと文具", company_kana="ミナトブング",
        contact_person="山田 太郎", phone="03-1234-5678", fax="03-1234-5679",
        postal_code="105-0011", address="東京都港区芝公園4-2-8", kaunet_ids=("KN-1",),
        sent_on=date(2026, 11, 20), deadline=date(2026, 12, 4),
    )
    render_fax_form(data, path, SETTINGS)


def _pdf_printer(path: Path) -> QPrinter:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def test_preview_dialog_shows_the_page_count(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "fax.pdf"
    _fax(pdf)
    dialog = PdfPreviewDialog(pdf, title="担当販売店変更 FAX", suggested_name="fax.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == 2
    assert dialog.page_label.text() == "1 / 2 ページ"
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    target = os.environ.get("KAUNET_SCREENSHOT_DIR")
    if target:  # a person looks at these; QPdfView renders pages on a thread, give it time
        qtbot.wait(1500)
        dialog.grab().save(str(Path(target) / "pdf_preview.png"))


def test_preview_of_a_broken_file_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    dialog = PdfPreviewDialog(broken, title="x", suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_label.text() == "PDF を開けませんでした。"
    assert not dialog.print_button.isEnabled()
    assert dialog.print_button.toolTip()


def test_print_document_renders_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "fax.pdf"
    _fax(pdf)
    dialog = PdfPreviewDialog(pdf, title="x", suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"
    assert print_document(dialog.document, _pdf_printer(printed)) == 2
    assert len(PdfReader(printed).pages) == 2


def test_print_range_from_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "fax.pdf"
    _fax(pdf)
    dialog = PdfPreviewDialog(pdf, title="x", suggested_name="x.pdf")
    qtbot.addWidget(dialog)
    printer = _pdf_printer(tmp_path / "page2.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert print_document(dialog.document, printer) == 1


def test_dialog_print_and_save(qtbot: QtBot, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "fax.pdf"
    _fax(pdf)
    dialog = PdfPreviewDialog(pdf, title="x", suggested_name="fax.pdf")
    qtbot.addWidget(dialog)
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda _parent, _doc: _pdf_printer(printed))
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert dialog.status_label.text() == "2 ページを印刷しました。"
    assert len(PdfReader(printed).pages) == 2
    saved = tmp_path / "saved" / "copy.pdf"
    monkeypatch.setattr(saving, "ask_save_path", lambda _parent, _name: saved)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert saved.read_bytes() == pdf.read_bytes()
    assert dialog.status_label.text() == "保存しました：copy.pdf"


def test_report_buttons(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Path] = []

    def make_pdf(path: Path) -> None:
        made.append(path)
        _fax(path)

    buttons = ReportButtons(None, make_pdf, title="FAX", suggested_name="fax.pdf")
    qtbot.addWidget(buttons)
    buttons.show()
    qtbot.mouseClick(buttons.preview_button, LEFT)
    assert buttons.preview_dialog is not None and buttons.preview_dialog.isVisible()
    assert buttons.preview_dialog.page_label.text() == "1 / 2 ページ"
    saved = tmp_path / "out.pdf"
    monkeypatch.setattr(saving, "ask_save_path", lambda _parent, _name: saved)
    qtbot.mouseClick(buttons.save_button, LEFT)
    assert len(PdfReader(saved).pages) == 2
    assert buttons.status_label.text() == "保存しました：out.pdf"
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda _parent, _doc: _pdf_printer(printed))
    qtbot.mouseClick(buttons.print_button, LEFT)
    assert len(PdfReader(printed).pages) == 2
    # Each action wrote a new file: an open preview never has its file replaced.
    assert len(set(made)) == 3
    buttons.preview_dialog.close()


def test_report_buttons_unavailable_say_why(qtbot: QtBot) -> None:
    buttons = ReportButtons(None, lambda _path: None)
    qtbot.addWidget(buttons)
    buttons.set_unavailable("お客さまを選んでください")
    for button in buttons.buttons():
        assert not button.isEnabled()
        assert button.toolTip() == "お客さまを選んでください"
    assert buttons.status_label.text() == "お客さまを選んでください"
    buttons.set_unavailable(None)
    assert all(button.isEnabled() for button in buttons.buttons())
    assert buttons.status_label.text() == ""


def test_report_buttons_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    background = Background()

    def make_pdf(path: Path) -> None:
        render_invoices([], path, SETTINGS, issued_on=date(2026, 11, 20))

    buttons = ReportButtons(None, make_pdf, background=background)
    qtbot.addWidget(buttons)
    with qtbot.waitSignal(buttons.pdf_ready, timeout=10_000):
        qtbot.mouseClick(buttons.preview_button, LEFT)
        assert not buttons.preview_button.isEnabled()
        assert buttons.status_label.text() == "PDF を作成しています…"
    assert buttons.preview_button.isEnabled()
    assert buttons.preview_dialog is not None
    assert buttons.preview_dialog.page_count() == 1
    buttons.preview_dialog.close()


def test_report_buttons_show_a_failure(qtbot: QtBot) -> None:
    def make_pdf(_path: Path) -> None:
        raise ValueError("お客さまが見つかりません")

    buttons = ReportButtons(None, make_pdf)
    qtbot.addWidget(buttons)
    qtbot.mouseClick(buttons.preview_button, LEFT)
    assert buttons.status_label.text() == "PDF を作成できませんでした：お客さまが見つかりません"
    assert buttons.preview_dialog is None
    assert buttons.preview_button.isEnabled()
