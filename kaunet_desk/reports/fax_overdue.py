"""Overdue dealer-change FAX list: forms past their deadline and forms due soon.

FAQ 販売店について: a form not returned by its deadline changes nothing (returned on the
deadline day still counts), so the clerk calls these customers — those past the deadline
to send a new form, those due within N days to remind them.
"""

from __future__ import annotations

from datetime import date, timedelta

from kaunet_desk.domain import dealer_change_state
from kaunet_desk.domain.enums import DealerChangeState
from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import _
from kaunet_desk.reports.layout import (
    Target,
)
from kaunet_desk.reports.listing import Listing, Section, render_listing
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.reports.tables import (
    Column,
)
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.report_data import FaxRequestRow, unreturned_dealer_changes


def split_overdue(
    requests: list[FaxRequestRow], today: date, within_days: int
) -> tuple[list[FaxRequestRow], list[FaxRequestRow]]:
    """(past the deadline, due within ``within_days``) among unreturned requests."""
    last_day = today + timedelta(days=within_days)
    expired: list[FaxRequestRow] = []
    due_soon: list[FaxRequestRow] = []
    for request in requests:
        state = dealer_change_state(request.deadline, request.returned_on, today)
        if state is DealerChangeState.EXPIRED:
            expired.append(request)
        elif state is DealerChangeState.WAITING and request.deadline <= last_day:
            due_soon.append(request)
    return expired, due_soon


def _days(request: FaxRequestRow, today: date) -> str:
    if request.returned_on is not None:
        return _("期限後に返信")
    delta = (request.deadline - today).days
    if delta < 0:
        return _("{days} 日超過").format(days=-delta)
    if delta == 0:
        return _("本日期限")
    return _("あと {days} 日").format(days=delta)


def render_fax_overdue(
    requests: list[FaxRequestRow],
    target: Target,
    settings: ReportSettings,
    *,
    today: date,
    within_days: int,
) -> int:
    style = settings.date_style
    columns = [
        Column(_("お客さま名"), flex=True),
        Column(_("電話番号")),
        Column(_("FAX 番号")),
        Column(_("カウネット ID")),
        Column(_("返信期限"), align="center"),
        Column(_("期限"), align="right"),
    ]

    def rows(chosen: list[FaxRequestRow]) -> list[tuple[str, ...]]:
        return [
            (
                r.customer_name,
                r.phone or "—",
                r.fax or "—",
                r.kaunet_id or "—",
                format_date(r.deadline, style=style),
                _days(r, today),
            )
            for r in chosen
        ]

    expired, due_soon = split_overdue(requests, today, within_days)
    listing = Listing(
        title=_("担当販売店変更 FAX 未返信一覧"),
        columns=columns,
        sections=[
            Section(_("返信期限切れ（未返信）{count} 件").format(count=len(expired)),
                    rows(expired), _("期限切れの未返信はありません。")),
            Section(_("返信期限まで {days} 日以内 {count} 件").format(days=within_days,
                                                                     count=len(due_soon)),
                    rows(due_soon), _("期限が近い未返信はありません。")),
        ],
        info_lines=[
            _("基準日：{date}").format(date=format_date(today, style=style)),
        ],
        notes=[
            _(
                "返信期限までに FAX の返信がない場合、担当販売店は変更されません（期限日当日の"
                "返信は有効）。期限切れのお客さまには、新しい期限の FAX を送り直してください。"
            ),
        ],
        corner=_("作成日 {date}").format(date=format_date(today, style=style)),
        footer_note=settings.sender_name,
    )
    return render_listing(listing, target)


def write_fax_overdue(
    db: Database,
    target: Target,
    *,
    today: date,
    settings: ReportSettings,
    within_days: int | None = None,
) -> int:
    days = settings.fax_due_soon_days if within_days is None else within_days
    requests = unreturned_dealer_changes(db, today + timedelta(days=days))
    return render_fax_overdue(requests, target, settings, today=today, within_days=days)
