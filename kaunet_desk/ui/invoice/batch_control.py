"""「全顧客の請求書を一括作成…」: the button, its 保存 / 印刷 menu and the progress dialog.

The batch itself (one PDF with every invoice, why one file) is in batch.py. Here: where it
goes (a file the clerk names, or a private temporary file that is printed), a
QProgressDialog showing 「n / 総数 件」 with a working 中止, and what happened, said next to
the button.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTemporaryDir
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from kaunet_desk.formatting import format_month, format_number
from kaunet_desk.i18n import _
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.invoice.batch import BatchCancelled, BatchResult, InvoiceBatch
from kaunet_desk.ui.printing import printer as printing
from kaunet_desk.ui.printing import saving
from kaunet_desk.ui.tab import pdf_file_name

# (database, billing month) the batch is for, or the reason it cannot run.
Subject = tuple[Database, date] | str


class InvoiceBatchControl(QWidget):
    def __init__(
        self,
        background: Background,
        subject: Callable[[], Subject],
        today: Callable[[], date],
        read_settings: Callable[[], ReportSettings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invoice_batch")
        self.background = background
        self._subject = subject
        self._today = today
        self._read_settings = read_settings
        self._folder = QTemporaryDir()
        self._serial = 0
        self.batch: InvoiceBatch | None = None
        self._message = ""  # what the last batch did
        self.progress_dialog: QProgressDialog | None = None

        self.button = QPushButton(_("全顧客の請求書を一括作成…"))
        self.button.setObjectName("batch_button")
        menu = QMenu(self.button)
        self.save_action = menu.addAction(_("1 つの PDF に保存…"))
        self.save_action.setObjectName("batch_save")
        self.print_action = menu.addAction(_("印刷…"))
        self.print_action.setObjectName("batch_print")
        self.save_action.triggered.connect(self.save)
        self.print_action.triggered.connect(self.print_all)
        self.button.setMenu(menu)
        self.status_label = QLabel()
        self.status_label.setObjectName("batch_status")
        self.status_label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.status_label, 1)
        self.refresh()

    # -- availability ------------------------------------------------------------------
    def reason(self) -> str | None:
        if self.batch is not None:
            return _("一括作成の途中です。")
        subject = self._subject()
        return subject if isinstance(subject, str) else None

    def refresh(self) -> None:
        """Call when the database or the billing month changes."""
        reason = self.reason()
        self.button.setEnabled(reason is None)
        subject = self._subject()
        if reason is None and not isinstance(subject, str):
            tip = _("{month}ご請求分の請求書プレビューを、請求のあるお客さま全員分まとめて"
                    "1 つの PDF にします").format(month=format_month(subject[1]))
        else:
            tip = reason or ""
        self.button.setToolTip(tip)
        # Why the button is off wins over the outcome of the last batch.
        running = self.batch is not None
        self.status_label.setText(reason if reason is not None and not running
                                  else self._message)

    def _say(self, text: str) -> None:
        self._message = text
        self.status_label.setText(text)

    # -- the two ways out --------------------------------------------------------------
    def save(self) -> None:
        subject = self._subject()
        if self.reason() is not None or isinstance(subject, str):
            return
        _database, month = subject
        name = pdf_file_name(_("請求書プレビュー一括"), f"{month.year:04d}-{month.month:02d}")
        target = saving.ask_save_path(self, name)
        if target is None:
            return

        def saved(result: BatchResult) -> None:
            assert result.path is not None
            self._say(_("保存しました: {name}({count} 件・{pages} ページ)").format(
                name=result.path.name, count=format_number(result.invoices),
                pages=format_number(result.pages)))

        self._run(target, saved)

    def print_all(self) -> None:
        if self.reason() is not None or isinstance(self._subject(), str):
            return
        self._serial += 1
        target = Path(self._folder.path()) / f"invoices-{self._serial}.pdf"

        def made(result: BatchResult) -> None:
            assert result.path is not None
            self._print(result)

        self._run(target, made)

    def _print(self, result: BatchResult) -> None:
        assert result.path is not None
        document = QPdfDocument(self)
        try:
            document.load(str(result.path))
            chosen = printing.choose_printer(self, document)
            if chosen is None:
                self._say(_("印刷を取りやめました。"))
                return
            printed = printing.print_document(document, chosen)
        except OSError as error:
            QMessageBox.warning(self, _("印刷"), str(error))
            return
        finally:
            document.close()
            document.deleteLater()
            result.path.unlink(missing_ok=True)
        self._say(_("{count} 件の請求書、{pages} ページを印刷しました。").format(
            count=format_number(result.invoices), pages=format_number(printed)))

    # -- running -----------------------------------------------------------------------
    def _run(self, target: Path, then: Callable[[BatchResult], None]) -> None:
        subject = self._subject()
        if isinstance(subject, str):
            return
        database, month = subject
        batch = InvoiceBatch(database, month, target, today=self._today(),
                             read_settings=self._read_settings, parent=self)
        dialog = QProgressDialog(self.window())
        dialog.setObjectName("batch_progress")
        dialog.setWindowTitle(_("請求書の一括作成"))
        dialog.setLabelText(_("{month}ご請求分: 対象のお客さまを数えています…").format(
            month=format_month(month)))
        dialog.setCancelButtonText(_("中止"))
        dialog.setRange(0, 0)  # busy until the total is known
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(lambda: self._cancel(batch))

        def progressed(done: int, total: int) -> None:
            if batch.is_cancelled():
                return
            dialog.setLabelText(_("{month}ご請求分の請求書を作成しています… {done} / {total} 件")
                                .format(month=format_month(month), done=format_number(done),
                                        total=format_number(total)))
            dialog.setMaximum(max(total, 1))
            # Last: a modal QProgressDialog's setValue processes events, so later progress
            # runs inside it; anything set after it would overwrite the newer numbers.
            dialog.setValue(done)

        def finished() -> None:
            self.batch = None
            self.progress_dialog = None
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()
            batch.deleteLater()
            self.refresh()

        def succeeded(result: BatchResult) -> None:
            finished()
            if result.path is None:
                self._say(_("{month}ご請求分の請求があるお客さまはいません。").format(
                    month=format_month(month)))
                return
            then(result)

        def failed(error: Exception) -> None:
            finished()
            if isinstance(error, BatchCancelled):
                self._say(_("中止しました。ファイルは作成していません。"))
            else:
                self._say(_("作成できませんでした: {error}").format(error=error))

        batch.progressed.connect(progressed)
        batch.succeeded.connect(succeeded)
        batch.failed.connect(failed)
        self.batch = batch
        self.progress_dialog = dialog
        self.refresh()
        self._say(_("一括作成しています…"))
        dialog.show()
        batch.start(self.background)

    def _cancel(self, batch: InvoiceBatch) -> None:
        batch.cancel()
        self._say(_("中止しています…"))

    def cancel(self) -> None:
        """Stop a running batch (as 中止 in the progress dialog does)."""
        if self.batch is not None:
            self._cancel(self.batch)
