"""The 販売店変更 FAX tab's PDFs: the overdue list, a request's form, and the new-request
flow that records a request as sent only once its form went out (FAQ 販売店について)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QTabWidget
from pytestqt.qtbot import QtBot

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.ui.dealer_change import messages
from kaunet_desk.ui.dealer_change.field_errors import to_qdate
from kaunet_desk.ui.dealer_change.new_request_dialog import NewRequestDialog
from kaunet_desk.ui.dealer_change.send_dialog import FaxSendDialog
from kaunet_desk.ui.dealer_change.view import DealerChangeTab
from kaunet_desk.ui.printing import printer as printing

from ..support import pdf_printer, save_report
from .support import TODAY, Customer, wait_send_dialog

OpenTab = Callable[[], tuple[QTabWidget, DealerChangeTab]]
AddCustomer = Callable[[str, str, str], Customer]
AddRequest = Callable[[Customer, date, date], int]
LEFT = Qt.MouseButton.LeftButton


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Confirmations answered from this list, in order (empty: yes)."""
    queue: list[bool] = []

    def ask(_parent: object, _title: str, _text: str, _yes: str) -> bool:
        return queue.pop(0) if queue else True

    monkeypatch.setattr(messages, "ask", ask)
    return queue


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The print dialog answered with a PDF printer; each printed file is listed."""
    files: list[Path] = []

    def choose(*_args: object) -> QPrinter:
        files.append(tmp_path / f"printed-{len(files) + 1}.pdf")
        return pdf_printer(files[-1])

    monkeypatch.setattr(printing, "choose_printer", choose)
    return files


def test_overdue_list_has_the_overdue_customer_and_the_tabs_due_within_days(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    late = add_customer("株式会社期限切商事", "キゲンギレショウジ", "K1")
    soon = add_customer("株式会社間近文具", "マヂカブング", "K2")
    later = add_customer("株式会社余裕物産", "ヨユウブッサン", "K3")
    add_request(late, date(2026, 5, 1), TODAY - timedelta(days=1))
    add_request(soon, date(2026, 5, 10), TODAY + timedelta(days=2))
    add_request(later, date(2026, 5, 10), TODAY + timedelta(days=10))
    _tabs, tab = open_tab()
    tab.filters.days.setValue(3)
    assert "3 日以内" in tab.overdue_caption.text()
    text = save_report(qtbot, tab.report_buttons, tmp_path / "overdue.pdf", monkeypatch)
    expired_part, soon_part = text.split("返信期限まで 3 日以内")
    assert "株式会社期限切商事" in expired_part and "1 日超過" in expired_part
    assert "株式会社間近文具" in soon_part and "株式会社余裕物産" not in text
    # The tab's N is the list's N.
    tab.filters.days.setValue(14)
    text = save_report(qtbot, tab.report_buttons, tmp_path / "overdue14.pdf", monkeypatch)
    assert "14 日以内" in text and "株式会社余裕物産" in text


def test_form_of_the_selected_request_carries_its_deadline(
    qtbot: QtBot, open_tab: OpenTab, add_customer: AddCustomer, add_request: AddRequest,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: list[Path],
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    gone = add_customer("鈴木文具店", "スズキブングテン", "K200")
    request_id = add_request(who, date(2026, 5, 12), date(2026, 5, 29))
    expired_id = add_request(gone, date(2026, 5, 1), date(2026, 5, 10))
    _tabs, tab = open_tab()
    tab.table.clearSelection()
    assert not tab.form_buttons.save_button.isEnabled()
    assert tab.form_buttons.status_label.text() == "一覧で依頼を選んでください。"
    # An expired form is not reprinted: the FAQ's remedy is a new form with a new deadline.
    assert tab.select_request(expired_id)
    assert not tab.actions_by_name["print_form"].isEnabled()
    assert "FAX を再送" in tab.form_buttons.status_label.text()
    assert tab.select_request(request_id)
    assert tab.actions_by_name["print_form"].isEnabled()
    text = save_report(qtbot, tab.form_buttons, tmp_path / "form.pdf", monkeypatch)
    assert "株式会社山田商事" in text and "K100" in text
    assert "2026/05/29（金） 必着" in text  # the request's deadline, 29 May 2026 a Friday
    assert "2026/05/12" in text  # sent on the day the request records
    # 「FAX 用紙を印刷」 reprints the same two pages.
    tab.actions_by_name["print_form"].trigger()
    qtbot.waitUntil(lambda: bool(printed) and printed[0].exists(), timeout=10_000)
    assert len(PdfReader(printed[0]).pages) == 2  # rendered pages: images, no text


def _new_request_form(
    qtbot: QtBot, tab: DealerChangeTab, customer_id: int, sent: date, deadline: date
) -> FaxSendDialog:
    """新規 FAX 送付 → the customer and dates → 「FAX 用紙を作成…」 → the drawn form."""
    tab.actions_by_name["new"].trigger()
    dialog = tab.dialog
    assert isinstance(dialog, NewRequestDialog)
    assert dialog.ok_button.text() == "FAX 用紙を作成…"
    qtbot.waitUntil(lambda: not dialog.picker.loading(), timeout=5_000)
    row = dialog.picker.model.position(customer_id)
    assert row is not None
    dialog.picker.view.setCurrentIndex(dialog.picker.model.index(row, 0))
    qtbot.waitUntil(lambda: dialog.picker.current_id() == customer_id)
    dialog.sent.setDate(to_qdate(sent))
    dialog.deadline.setDate(to_qdate(deadline))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    return wait_send_dialog(qtbot, tab)


def test_closing_the_form_unsent_records_nothing(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    answers: list[bool], printed: list[Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    _tabs, tab = open_tab()
    send = _new_request_form(qtbot, tab, who.id, TODAY, date(2026, 6, 3))
    # Print dialog cancelled, save dialog cancelled: nothing went out.
    monkeypatch.setattr(printing, "choose_printer", lambda *_args: None)
    qtbot.mouseClick(send.print_button, LEFT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    qtbot.mouseClick(send.save_button, LEFT)
    # 「送信済みにする」 asked, and the clerk said no.
    answers.append(False)
    qtbot.mouseClick(send.mark_sent_button, LEFT)
    assert not send.is_recorded
    # Closing asks first; "no" keeps the form open, "yes" closes with nothing recorded.
    answers.append(False)
    send.close()
    assert send.isVisible() and tab.dialog is send
    answers.append(True)
    send.close()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert svc.request_ids(db, today=TODAY) == []


def test_saving_the_form_records_the_request_sent_on_the_chosen_day(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    answers: list[bool], printed: list[Path], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    _tabs, tab = open_tab()
    sent, deadline = TODAY - timedelta(days=1), date(2026, 6, 2)
    send = _new_request_form(qtbot, tab, who.id, sent, deadline)
    assert svc.request_ids(db, today=TODAY) == []
    target = tmp_path / "fax.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(send.save_button, LEFT)
    assert send.is_recorded
    [request_id] = svc.request_ids(db, today=TODAY)
    row = svc.get_request(db, request_id)
    assert (row.customer_id, row.kaunet_account_id) == (who.id, who.account_id)
    assert (row.fax_sent_on, row.deadline) == (sent, deadline)
    text = _text(target)
    assert "2026/06/02（火） 必着" in text and "K100" in text
    assert "送信日：2026/05/19（火）" in text
    # Printing it too records nothing more; closing asks nothing.
    qtbot.mouseClick(send.print_button, LEFT)
    assert len(printed) == 1 and printed[0].exists()
    assert svc.request_ids(db, today=TODAY) == [request_id]
    assert not send.mark_sent_button.isEnabled()
    send.close()
    qtbot.waitUntil(lambda: tab.dialog is None and tab.selected_id() == request_id,
                    timeout=5_000)


def test_printing_or_confirming_records_it(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    answers: list[bool], printed: list[Path],
) -> None:
    first = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    second = add_customer("鈴木文具店", "スズキブングテン", "K200")
    _tabs, tab = open_tab()
    send = _new_request_form(qtbot, tab, first.id, TODAY, date(2026, 6, 3))
    qtbot.mouseClick(send.print_button, LEFT)
    assert printed and len(PdfReader(printed[0]).pages) == 2
    assert [svc.get_request(db, i).customer_id for i in svc.request_ids(db, today=TODAY)] == [
        first.id]
    send.close()
    qtbot.waitUntil(lambda: tab.dialog is None)
    # Sent another way (e.g. from the FAX machine's own memory): confirmed by the clerk.
    send = _new_request_form(qtbot, tab, second.id, TODAY, date(2026, 6, 5))
    qtbot.mouseClick(send.mark_sent_button, LEFT)
    assert send.is_recorded
    deadlines = {svc.get_request(db, i).customer_id: svc.get_request(db, i).deadline
                 for i in svc.request_ids(db, today=TODAY)}
    assert deadlines == {first.id: date(2026, 6, 3), second.id: date(2026, 6, 5)}
    send.close()


def test_a_form_that_cannot_be_recorded_keeps_the_dialog_open(
    qtbot: QtBot, db: Database, open_tab: OpenTab, add_customer: AddCustomer,
    answers: list[bool], printed: list[Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    who = add_customer("株式会社山田商事", "ヤマダショウジ", "K100")
    _tabs, tab = open_tab()
    send = _new_request_form(qtbot, tab, who.id, TODAY, date(2026, 6, 3))

    def refuse(_db: object, _draft: object) -> int:
        raise svc.NotFound("customer", who.id)

    monkeypatch.setattr(svc, "create_request", refuse)  # deleted by someone meanwhile
    qtbot.mouseClick(send.print_button, LEFT)
    assert send.sent_out and not send.is_recorded
    assert send.record_error.isVisible() and "見つかりません" in send.record_error.text()
    answers.append(False)  # "close without recording?" — no
    send.close()
    assert send.isVisible()
