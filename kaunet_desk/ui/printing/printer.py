"""Printing a PDF through Qt: each page rendered by QtPdf at the printer's resolution.

QPdfDocument renders a page of a ReportLab PDF in 6–15 ms (shared/tech-notes.md), so the
PDF the preview shows is the very thing printed — no second layout through QPainter.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from kaunet_desk.i18n import _

# Enough for 10 pt Japanese on paper and FAX; a 600 dpi printer does not need 4× the pixels.
MAX_RENDER_DPI = 300


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def choose_printer(parent: QWidget | None, document: QPdfDocument) -> QPrinter | None:
    """The print dialog; None when the clerk cancelled. Tests replace this function."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("印刷"))
    dialog.setMinMax(1, max(1, document.pageCount()))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def page_range(printer: QPrinter, page_count: int) -> range:
    """0-based pages to print: the range chosen in the dialog, else all."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or page_count, page_count)
        return range(first - 1, last)
    return range(page_count)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Send the pages to ``printer``; returns how many were printed."""
    pages = page_range(printer, document.pageCount())
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("プリンターを開けませんでした。"))
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    try:
        for count, page in enumerate(pages):
            if count:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            points = document.pagePointSize(page)
            # Keep the page's proportions inside the printable area.
            scale = min(target.width() / points.width(), target.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            image = document.render(
                page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            painter.drawImage(QRectF(0, 0, width, height), image)
    finally:
        painter.end()
    return len(pages)
