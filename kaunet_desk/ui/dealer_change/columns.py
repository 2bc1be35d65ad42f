"""The table's columns: one descriptor each, the pattern of Anki's browser table.

A column turns a plain DealerChangeRow into text for the day the table is drawn for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt

from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.dealer_change import DealerChangeRow
from kaunet_desk.ui.dealer_change.texts import DUE_SOON_MARK, OVERDUE_MARK, months_text, state_name


@dataclass(frozen=True)
class Day:
    """What a cell depends on besides the row: today, and how near "due soon" is."""

    today: date
    due_within_days: int


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked with N_, translated when shown
    tip: str
    text: Callable[[DealerChangeRow, Day], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


def alert(row: DealerChangeRow, day: Day) -> str:
    """「期限超過」 for an overdue request, 「期限間近」 for one due within N days, else ""."""
    if row.is_overdue(day.today):
        return OVERDUE_MARK
    if row.is_due_soon(day.today, day.due_within_days):
        return DUE_SOON_MARK
    return ""


def _days_left(row: DealerChangeRow, day: Day) -> str:
    # Only meaningful while nothing came back: negative = days past the deadline.
    if row.returned_on is not None or row.effective_month is not None:
        return ""
    return _("{days} 日").format(days=row.days_left(day.today))


def _change_months(row: DealerChangeRow, _day: Day) -> str:
    months = row.change_months()
    return months_text(months) if months else ""


def _checked(on: date | None) -> str:
    return _("✓ {date}").format(date=format_date(on)) if on else ""


def _state(row: DealerChangeRow, day: Day) -> str:
    return state_name(row.state(day.today))


def _effective(row: DealerChangeRow, _day: Day) -> str:
    return format_month(row.effective_month)


RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter

COLUMNS: tuple[Column, ...] = (
    Column("customer", N_("お客さま"), N_("お客さまの名前"), lambda r, d: r.customer_name),
    Column("kaunet_id", N_("カウネット ID"), N_("販売店を変更するカウネット ID"),
           lambda r, d: r.kaunet_id),
    Column("sent", N_("FAX 送付日"), N_("担当販売店変更 FAX を送った日"),
           lambda r, d: format_date(r.fax_sent_on), CENTER),
    Column("deadline", N_("返送期限"), N_("FAX 用紙に書いた返送期限（当日の返送まで有効）"),
           lambda r, d: format_date(r.deadline), CENTER),
    Column("days_left", N_("残り日数"), N_("返送期限までの日数（マイナスは期限超過の日数）"),
           _days_left, RIGHT),
    Column("returned", N_("返送日"), N_("お客さまから FAX が返送された日"),
           lambda r, d: format_date(r.returned_on), CENTER),
    Column("state", N_("状態"), N_("待ち / 返送済 / 期限切れ / 変更完了"), _state),
    Column("alert", N_("注意"), N_("期限超過: 期限までに返送なし / 期限間近: 期限が近い"), alert),
    Column("months", N_("変更予定月"), N_("返送の翌月または翌々月に販売店が変更されます"),
           _change_months),
    Column("effective", N_("変更月"), N_("販売店の変更が完了した月"), _effective, CENTER),
    Column("mail", N_("通知メール"), N_("変更のお知らせメールをお客さまが確認した日"),
           lambda r, d: _checked(r.notification_seen_on), CENTER),
    Column("logo", N_("ロゴ確認"), N_("カウネットのトップページ左上に「KDDI まとめてオフィス」の"
                                       "ロゴが表示されたのを確認した日"),
           lambda r, d: _checked(r.logo_confirmed_on), CENTER),
)

COLUMN_INDEX = {column.key: index for index, column in enumerate(COLUMNS)}
