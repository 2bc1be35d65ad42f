"""Preview, print and save the reports' PDFs inside the app (QtPdf + QPrinter).

Tabs use ``ReportButtons(parent, make_pdf)``; ``PdfPreviewDialog`` and ``print_document``
are there for anything else that has a PDF in hand.
"""

from kaunet_desk.ui.printing.buttons import ReportButtons
from kaunet_desk.ui.printing.preview_dialog import PdfPreviewDialog
from kaunet_desk.ui.printing.printer import print_document

__all__ = ["PdfPreviewDialog", "ReportButtons", "print_document"]
