"""The new FAX form, previewed before it is sent; sending it is what records the request.

The request is recorded (FAX 送付日 = the day chosen in the new-request dialog) at the
first of:
- 印刷… — the print dialog was accepted and the pages went to the printer (a FAX driver
  counts: it is a printer);
- PDF として保存… — a copy was saved (to be sent by PC-FAX or mail);
- 送信済みにする — the clerk confirms the form went out another way.
Cancelling the print or save dialog records nothing. Closing before any of the three asks
first, and says that nothing will be recorded. Once recorded, printing or saving again
records nothing more. When recording fails after the form was printed or saved (e.g. the
customer was deleted meanwhile) the dialog stays open with the reason, and closing asks
again: a printed form is never silently left unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import _
from kaunet_desk.ui.dealer_change import messages
from kaunet_desk.ui.dealer_change.field_errors import error_label
from kaunet_desk.ui.printing import PdfPreviewDialog

# Records the request; returns why it could not (shown in the dialog), or None.
Record = Callable[[], str | None]


class FaxSendDialog(PdfPreviewDialog):
    recorded = Signal()

    def __init__(
        self,
        pdf_path: Path,
        *,
        who: str,
        sent_on: date,
        deadline: date,
        suggested_name: str,
        record: Record,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(pdf_path, title=_("担当販売店変更 FAX"), suggested_name=suggested_name,
                         parent=parent)
        self.setObjectName("fax_send_dialog")
        self.setWindowTitle(_("担当販売店変更 FAX を送る — {who}").format(who=who))
        self._record = record
        self.is_recorded = False
        self.sent_out = False  # printed or saved at least once
        self._sent_on = sent_on
        self.intro = QLabel(_(
            "{who} への FAX 用紙です(送付日 {sent}、返送期限 {deadline})。\n"
            "印刷するか PDF として保存すると、送付を記録します。"
            "ほかの方法で送った場合は「送信済みにする」を押してください。"
        ).format(who=who, sent=format_date(sent_on), deadline=format_date(deadline)))
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.mark_sent_button = QPushButton(_("送信済みにする…"))
        self.mark_sent_button.setObjectName("mark_sent_button")
        self.mark_sent_button.setToolTip(
            _("印刷・保存せずに送った FAX を、送付日 {sent} の送付として記録します").format(
                sent=format_date(sent_on)))
        self.mark_sent_button.clicked.connect(self.mark_sent)
        self.record_error = error_label()
        self.record_error.setObjectName("record_error")
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.mark_sent_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, top)
        layout.insertWidget(1, self.record_error)
        if not self.print_button.isEnabled():  # the PDF could not be opened
            self.mark_sent_button.setEnabled(False)
            self.mark_sent_button.setToolTip(self.print_button.toolTip())

    # -- the three ways a form goes out ----------------------------------------------
    def _on_printed(self, pages: int) -> None:
        if pages:
            super()._on_printed(pages)
            self._went_out()

    def _on_saved(self, target: Path) -> None:
        super()._on_saved(target)
        self._went_out()

    def mark_sent(self) -> None:
        if self.is_recorded or not self.mark_sent_button.isEnabled():
            return
        text = _("この FAX 用紙を {sent} に送付したとして記録します。\n"
                 "印刷も保存もしていない用紙です。ほかの方法で送ったときだけ記録してください。"
                 ).format(sent=format_date(self._sent_on))
        if messages.ask(self, _("送信済みにする"), text, _("送信済みにする")):
            self._try_record()

    def _went_out(self) -> None:
        self.sent_out = True
        if not self.is_recorded:
            self._try_record()

    def _try_record(self) -> None:
        problem = self._record()
        if problem is not None:
            self.record_error.setText(
                _("⚠ 送付を記録できませんでした: {problem}").format(problem=problem))
            self.record_error.show()
            return
        self.is_recorded = True
        self.record_error.hide()
        self.intro.setText(_("送付を記録しました(送付日 {sent})。").format(
            sent=format_date(self._sent_on)))
        self.mark_sent_button.setEnabled(False)
        self.mark_sent_button.setToolTip(_("記録済みです。"))
        self.recorded.emit()

    # -- closing ---------------------------------------------------------------------
    def reject(self) -> None:
        if not self.is_recorded:
            if self.sent_out:
                text = _("印刷または保存した FAX 用紙の送付が記録されていません。\n"
                         "記録せずに閉じますか?")
            else:
                text = _("FAX 用紙を印刷も保存もしていないため、送付は記録されません。\n"
                         "記録せずに閉じますか?")
            if not messages.ask(self, _("記録せずに閉じる"), text, _("記録せずに閉じる")):
                return
        super().reject()
