"""What each action of the tab does: open its dialog, confirm, call the service, reload.

Service calls here are single-row updates (a few ms), so they run on the GUI thread and a
refusal is shown at once; the list is then reloaded in the background. FAX forms are drawn
off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from kaunet_desk.domain import dealer_change_months
from kaunet_desk.domain.customer_fields import FieldProblem
from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.store.services.customers import get_customer
from kaunet_desk.store.services.dealer_change import DealerChangeRefused, DealerChangeRow
from kaunet_desk.store.services.errors import NotFound, ValidationFailed
from kaunet_desk.ui.dealer_change import messages
from kaunet_desk.ui.dealer_change.date_dialog import DateDialog
from kaunet_desk.ui.dealer_change.effective_dialog import EffectiveDialog
from kaunet_desk.ui.dealer_change.fax_sheet import FaxSheet, write_fax_sheet
from kaunet_desk.ui.dealer_change.new_request_dialog import PROBLEM_TEXT, NewRequestDialog
from kaunet_desk.ui.dealer_change.send_dialog import FaxSendDialog
from kaunet_desk.ui.dealer_change.texts import months_text, refusal_text
from kaunet_desk.ui.printing.report_settings import load_report_settings

if TYPE_CHECKING:
    from kaunet_desk.ui.dealer_change.view import DealerChangeTab


def _apply(tab: DealerChangeTab, row: DealerChangeRow, today: date,
           change: Callable[[], object]) -> None:
    try:
        change()
    except DealerChangeRefused as error:
        messages.tell(tab, _("記録できません"), refusal_text(error.refusal, row, today))
    except NotFound:
        messages.tell(tab, _("記録できません"),
                      _("この依頼は見つかりません（削除された可能性があります）。"))
    tab.reload(select=row.id)


def _who(row: DealerChangeRow) -> str:
    if row.kaunet_id:
        return _("{customer} さま（{kaunet_id}）").format(
            customer=row.customer_name, kaunet_id=row.kaunet_id
        )
    return _("{customer} さま").format(customer=row.customer_name)


def _check_draft(database: Database, draft: svc.RequestDraft) -> list[FieldProblem]:
    """The service's own checks, before the form is drawn: what is printed must record."""
    problems = draft.problems()
    try:
        customer = get_customer(database, draft.customer_id)
    except NotFound:
        return [FieldProblem("customer_id", "not_found")]
    if draft.kaunet_account_id is not None and draft.kaunet_account_id not in {
        account.id for account in customer.accounts
    }:
        problems.append(FieldProblem("kaunet_account_id", "not_of_customer"))
    return problems


def _problem_text(problems: list[FieldProblem]) -> str:
    return _("、").join(_(PROBLEM_TEXT.get((p.field, p.code), p.code)) for p in problems)


def new_request(
    tab: DealerChangeTab, customer_id: int | None = None, account_id: int | None = None
) -> None:
    """新規 FAX 送付: choose the customer and dates, then the form is drawn and previewed;
    the request is recorded only once the form was printed, saved or confirmed as sent
    (send_dialog.py says exactly when)."""
    database = tab.database
    if database is None:
        return
    dialog = NewRequestDialog(
        tab, database=database, background=tab.background, today=tab.today(),
        deadline_days=load_report_settings(tab.settings).fax_return_days,
        submit=lambda draft: _check_draft(database, draft),
        customer_id=customer_id, kaunet_account_id=account_id,
    )

    def accepted() -> None:
        draft = dialog.draft()
        if draft is None:
            return
        kaunet_id = dialog.account.currentText() if dialog.account.currentData() else ""
        name = dialog.picker.current_name()
        sheet = FaxSheet(draft.customer_id, name, kaunet_id, draft.fax_sent_on, draft.deadline)
        _draw_then_send(tab, database, draft, sheet)

    dialog.accepted.connect(accepted)
    tab.show_dialog(dialog)


def _draw_then_send(
    tab: DealerChangeTab, database: Database, draft: svc.RequestDraft, sheet: FaxSheet
) -> None:
    path = tab.next_fax_path()
    read_settings = tab.report_settings_reader()
    tab.set_drawing(True)

    def drawn(_pages: int) -> None:
        tab.set_drawing(False)

        def record() -> str | None:
            try:
                new_id = svc.create_request(database, draft)
            except ValidationFailed as error:
                return _problem_text(error.problems)
            except NotFound:
                return _problem_text([FieldProblem("customer_id", "not_found")])
            tab.reload(select=new_id)
            return None

        tab.show_dialog(FaxSendDialog(
            path, who=_("{customer} さま").format(customer=sheet.customer_name),
            sent_on=sheet.sent_on, deadline=sheet.deadline,
            suggested_name=sheet.file_name(), record=record, parent=tab,
        ))

    def failed(error: Exception) -> None:
        tab.set_drawing(False)
        messages.tell(tab, _("FAX 用紙を作成できません"),
                      _("FAX 用紙を作成できませんでした。送付は記録していません。\n{error}")
                      .format(error=error))

    tab.background.run(lambda: write_fax_sheet(database, sheet, path, read_settings()),
                       drawn, failed)


def resend(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    """The FAQ's remedy for a missed deadline: send a new form to the same customer."""
    new_request(tab, row.customer_id, row.kaunet_account_id)


def mark_returned(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    database, today = tab.database, tab.today()
    if database is None:
        return

    def check(day: date) -> str | None:
        refusal = svc.check_return(row, day, today)
        return None if refusal is None else refusal_text(refusal, row, today)

    def preview(day: date) -> str:
        # FAQ: 返信した翌月または翌々月に変更.
        return _("販売店は {months} に変更されます。").format(
            months=months_text(dealer_change_months(day))
        )

    dialog = DateDialog(
        tab, title=_("FAX の返送を記録"),
        intro=_("{who}\nFAX 送付日 {sent}　返送期限 {deadline}（期限日当日の返送まで有効）").format(
            who=_who(row), sent=format_date(row.fax_sent_on), deadline=format_date(row.deadline)
        ),
        label=_("返送日(&R)"), initial=today, ok_text=_("返送を記録"), check=check,
        preview=preview,
    )

    def confirmed() -> None:
        day = dialog.chosen()
        text = _("{who} の FAX を {day} の返送として記録します。\n"
                 "販売店は {months} に変更されます。\n"
                 "誤って記録したときは「記録を取り消す」で戻せます。").format(
            who=_who(row), day=format_date(day), months=months_text(dealer_change_months(day))
        )
        if messages.ask(tab, _("返送を記録"), text, _("記録する")):
            _apply(tab, row, today,
                   lambda: svc.mark_returned(database, row.id, day, today=today))

    dialog.accepted.connect(confirmed)
    tab.show_dialog(dialog)


def mark_effective(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    database, today = tab.database, tab.today()
    months = row.change_months()
    if database is None or months is None or row.returned_on is None:
        return
    dialog = EffectiveDialog(tab, customer=row.customer_name, returned_on=row.returned_on,
                             months=months)

    def confirmed() -> None:
        month = dialog.chosen()
        text = _("{who} の販売店変更を {month} に完了として記録します。\n"
                 "誤って記録したときは「記録を取り消す」で戻せます。").format(
            who=_who(row), month=format_month(month)
        )
        if messages.ask(tab, _("変更完了を記録"), text, _("記録する")):
            _apply(tab, row, today,
                   lambda: svc.mark_effective(database, row.id, month, today=today))

    dialog.accepted.connect(confirmed)
    tab.show_dialog(dialog)


def _follow_up(tab: DealerChangeTab, row: DealerChangeRow, *, title: str, intro: str,
               label: str, current: date | None,
               record: Callable[[date], None]) -> None:
    today = tab.today()

    def check(day: date) -> str | None:
        refusal = svc.check_follow_up(row, day, today)
        return None if refusal is None else refusal_text(refusal, row, today)

    if current is not None:
        intro += "\n" + _("記録済みの日付 {day} を上書きします（変更履歴に残ります）。").format(
            day=format_date(current)
        )
    dialog = DateDialog(tab, title=title, intro=f"{_who(row)}\n{intro}", label=label,
                        initial=current or today, ok_text=_("記録"), check=check)
    # Correctable by recording again, so no confirmation beyond the dialog itself.
    dialog.accepted.connect(lambda: _apply(tab, row, today, lambda: record(dialog.chosen())))
    tab.show_dialog(dialog)


def record_notification(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    database, today = tab.database, tab.today()
    if database is None:
        return
    _follow_up(
        tab, row, title=_("通知メールの確認を記録"),
        intro=_("販売店変更後にお客さまへ届くお知らせメールを、お客さまが確認した日です。"),
        label=_("確認日(&D)"), current=row.notification_seen_on,
        record=lambda day: svc.record_notification_seen(database, row.id, day, today=today),
    )


def record_logo(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    database, today = tab.database, tab.today()
    if database is None:
        return
    _follow_up(
        tab, row, title=_("ロゴの確認を記録"),
        intro=_("ログイン後のカウネットのトップページ左上に「KDDI まとめてオフィス」のロゴが"
                "表示されたことを確認した日です。"),
        label=_("確認日(&D)"), current=row.logo_confirmed_on,
        record=lambda day: svc.record_logo_confirmed(database, row.id, day, today=today),
    )


def expire(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    database, today = tab.database, tab.today()
    if database is None:
        return
    text = _(
        "{who} の依頼（返送期限 {deadline}）を期限切れとして閉じます。\n"
        "閉じた依頼は期限超過の件数に数えません。"
        "この後に届いた FAX では販売店は変更されません。"
        "変更するには新しい FAX 用紙を送ってください。\n"
        "誤って閉じたときは「記録を取り消す」で戻せます。"
    ).format(who=_who(row), deadline=format_date(row.deadline))
    if messages.ask(tab, _("期限切れにする"), text, _("期限切れにする")):
        _apply(tab, row, today, lambda: svc.expire_request(database, row.id, today=today))


def withdraw(tab: DealerChangeTab, row: DealerChangeRow) -> None:
    """Take back the last step recorded by mistake, after saying what the request goes back
    to; the change history keeps both."""
    database, today = tab.database, tab.today()
    step = svc.last_step(row)
    if database is None or step is None:
        return
    if step is svc.Step.EFFECTIVE:
        text = _("{who} の変更完了の記録（{month}）を取り消し、返送済みに戻します。").format(
            who=_who(row), month=format_month(row.effective_month))
    elif step is svc.Step.CLOSED:
        text = _("{who} の依頼を期限切れとして閉じた記録（{day}）を取り消し、"
                 "元に戻します。").format(who=_who(row), day=format_date(row.closed_on))
    else:
        text = _("{who} の返送の記録（{day}）を取り消し、返送待ちに戻します。").format(
            who=_who(row), day=format_date(row.returned_on))
        if row.notification_seen_on or row.logo_confirmed_on:
            text += "\n" + _("記録済みの通知メール確認日・ロゴ確認日も消えます。")
    text += "\n" + _("取り消したことは変更履歴に残ります。")
    if messages.ask(tab, _("記録を取り消す"), text, _("取り消す")):
        _apply(tab, row, today, lambda: svc.withdraw_last_step(database, row.id))
