"""The in-app PDF preview: QtPdf shows the very PDF that is printed or saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.i18n import _
from kaunet_desk.ui.printing import printer as printing
from kaunet_desk.ui.printing import saving


class PdfPreviewDialog(QDialog):
    """Pages of ``pdf_path`` one under the other, fitted to the width, with 印刷 and 保存.

    Ctrl+P prints, Ctrl+S saves a copy, Esc closes. ``suggested_name`` is the file name the
    save dialog proposes.
    """

    def __init__(
        self, pdf_path: Path, *, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(_("印刷プレビュー — {title}").format(title=title))
        self.pdf_path = pdf_path
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        error = self.document.load(str(pdf_path))

        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.fit_width_button = QPushButton(_("幅に合わせる"))
        self.fit_page_button = QPushButton(_("ページ全体"))
        self.print_button = QPushButton(_("印刷…"))
        self.print_button.setObjectName("print_button")
        self.save_button = QPushButton(_("PDF として保存…"))
        self.save_button.setObjectName("save_button")
        close_button = QPushButton(_("閉じる"))
        self.fit_width_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_pdf)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_pdf)

        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        for button in (self.fit_width_button, self.fit_page_button, self.print_button,
                       self.save_button, close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        if error != QPdfDocument.Error.None_:
            self.page_label.setText(_("PDF を開けませんでした。"))
            for button in (self.print_button, self.save_button):
                button.setEnabled(False)
                button.setToolTip(_("PDF を開けなかったため使えません。"))
        else:
            self._show_page(0)
        self.print_button.setFocus()
        self.resize(820, 960)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _show_page(self, page: int) -> None:
        self.page_label.setText(_("{page} / {total} ページ").format(
            page=page + 1, total=self.page_count()))

    def print_pdf(self) -> None:
        if not self.print_button.isEnabled():
            return
        chosen = printing.choose_printer(self, self.document)
        if chosen is None:
            return  # cancelled in the print dialog: nothing went out
        try:
            printed = printing.print_document(self.document, chosen)
        except OSError as error:
            QMessageBox.warning(self, _("印刷"), str(error))
            return
        self._on_printed(printed)

    def save_pdf(self) -> None:
        if not self.save_button.isEnabled():
            return
        target = saving.ask_save_path(self, self.suggested_name)
        if target is None:
            return
        try:
            saving.save_copy(self.pdf_path, target)
        except OSError as error:
            QMessageBox.warning(self, _("PDF として保存"),
                                _("保存できませんでした：{error}").format(error=error))
            return
        self._on_saved(target)

    # Subclasses that must know when the document left the app extend these two.
    def _on_printed(self, pages: int) -> None:
        self.status_label.setText(_("{pages} ページを印刷しました。").format(pages=pages))

    def _on_saved(self, target: Path) -> None:
        self.status_label.setText(_("保存しました：{name}").format(name=target.name))
