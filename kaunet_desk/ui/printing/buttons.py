"""ReportButtons: 印刷プレビュー / 印刷 / PDF として保存 for any tab.

A tab gives a ``make_pdf(path)`` callable (usually a kaunet_desk.reports writer bound to
its selection); the buttons write the PDF into a private temporary folder — off the GUI
thread when a Background is given, with a busy label meanwhile — then preview, print or
save that very file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTemporaryDir, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.printing import printer as printing
from kaunet_desk.ui.printing import saving
from kaunet_desk.ui.printing.preview_dialog import PdfPreviewDialog

MakePdf = Callable[[Path], object]


class ReportButtons(QWidget):
    """Three buttons over one report; ``set_unavailable(reason)`` disables them and says why."""

    pdf_ready = Signal(object)  # the Path written, after each generation

    def __init__(
        self,
        parent: QWidget | None,
        make_pdf: MakePdf,
        *,
        title: str = "",
        suggested_name: str = "report.pdf",
        background: Background | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("report_buttons")
        self.make_pdf = make_pdf
        self.title = title or _("帳票")
        self.suggested_name = suggested_name
        self.background = background
        self.preview_dialog: PdfPreviewDialog | None = None
        self._folder = QTemporaryDir()
        self._serial = 0
        self._reason: str | None = None
        self._busy = False
        self._message = ""

        self.preview_button = QPushButton(_("印刷プレビュー"))
        self.preview_button.setObjectName("preview_button")
        self.print_button = QPushButton(_("印刷…"))
        self.print_button.setObjectName("print_button")
        self.save_button = QPushButton(_("PDF として保存…"))
        self.save_button.setObjectName("save_button")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.preview_button.clicked.connect(lambda: self._generate(self._preview))
        self.print_button.clicked.connect(lambda: self._generate(self._print))
        self.save_button.clicked.connect(lambda: self._generate(self._save))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            layout.addWidget(button)
        layout.addWidget(self.status_label, 1)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.preview_button, self.print_button, self.save_button)

    # -- availability --------------------------------------------------------------
    def set_unavailable(self, reason: str | None) -> None:
        """Disable the buttons with ``reason`` as tooltip and visible label; None enables."""
        self._reason = reason
        self._refresh()

    def _refresh(self) -> None:
        if self._busy:
            reason: str | None = _("PDF を作成しています…")
        else:
            reason = self._reason
        for button in self.buttons():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        # Why the buttons are disabled wins over the outcome of the last action.
        self.status_label.setText(reason or self._message)

    def _say(self, text: str) -> None:
        self._message = text
        self._refresh()

    # -- generation ----------------------------------------------------------------
    def _next_path(self) -> Path:
        # A new name each time: a preview may still hold the previous file open (Windows).
        self._serial += 1
        stem = Path(self.suggested_name).stem or "report"
        return Path(self._folder.path()) / f"{stem}-{self._serial}.pdf"

    def _generate(self, then: Callable[[Path], None]) -> None:
        if self._busy or self._reason is not None:
            return
        path = self._next_path()
        self._message = ""

        def work() -> Path:
            self.make_pdf(path)
            return path

        def done(result: Path) -> None:
            self._busy = False
            self._refresh()
            self.pdf_ready.emit(result)
            then(result)

        def failed(error: Exception) -> None:
            self._busy = False
            self._refresh()
            self._say(_("PDF を作成できませんでした：{error}").format(error=error))

        self._busy = True
        self._refresh()
        if self.background is not None:
            self.background.run(work, done, failed)
            return
        try:
            result = work()
        except Exception as error:  # shown next to the buttons, never lost
            failed(error)
        else:
            done(result)

    def _preview(self, path: Path) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        self.preview_dialog = PdfPreviewDialog(
            path, title=self.title, suggested_name=self.suggested_name, parent=self
        )
        self.preview_dialog.show()

    def _print(self, path: Path) -> None:
        document = QPdfDocument(self)
        try:
            document.load(str(path))
            chosen = printing.choose_printer(self, document)
            if chosen is None:
                return
            printed = printing.print_document(document, chosen)
        except OSError as error:
            QMessageBox.warning(self, _("印刷"), str(error))
            return
        finally:
            document.close()
            document.deleteLater()
        self._say(_("{pages} ページを印刷しました。").format(pages=printed))

    def _save(self, path: Path) -> None:
        target = saving.ask_save_path(self, self.suggested_name)
        if target is None:
            return
        try:
            saving.save_copy(path, target)
        except OSError as error:
            self._say(_("保存できませんでした：{error}").format(error=error))
            return
        self._say(_("保存しました：{name}").format(name=target.name))
