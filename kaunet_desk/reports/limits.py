"""Monthly limit list: each customer's month total against 月間購入上限金額 (FAQ).

Our choice (domain.md): tax-included KDDI-invoice orders, ordered or shipped, counted in
the month of the order date; card orders and cancelled orders do not count. Customers over
the limit come first, then those that reached it, then those near it (limit.warning_pct).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kaunet_desk.domain.limits import near_limit
from kaunet_desk.domain.rates import LIMIT_WARNING_PCT, RateTable
from kaunet_desk.formatting import format_date, format_month, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.reports.layout import (
    Target,
)
from kaunet_desk.reports.listing import Listing, Section, render_listing
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.reports.tables import (
    Column,
)
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.rates import load_rates
from kaunet_desk.store.services.report_data import LimitUsageRow, month_limit_usage

OVER = N_("超過")
REACHED = N_("上限到達")
NEAR = N_("注意")
_ORDER = {OVER: 0, REACHED: 1, NEAR: 2, "": 3}


@dataclass(frozen=True)
class LimitLine:
    usage: LimitUsageRow
    remaining_yen: int
    judgement: str  # OVER / REACHED / NEAR / ""


def judge(used_yen: int, limit_yen: int, *, on: date, rates: RateTable) -> str:
    """FAQ 月間購入上限金額: exactly reaching the limit is allowed, beyond it is not."""
    if used_yen > limit_yen:
        return OVER
    if used_yen == limit_yen:
        return REACHED
    if near_limit(used_yen, limit_yen, on=on, rates=rates):
        return NEAR
    return ""


def limit_lines(usages: list[LimitUsageRow], *, month: date, rates: RateTable) -> list[LimitLine]:
    lines = [
        LimitLine(u, u.limit_yen - u.used_yen, judge(u.used_yen, u.limit_yen, on=month,
                                                      rates=rates))
        for u in usages
    ]
    # Stable: フリガナ order (from the query) within each judgement.
    return sorted(lines, key=lambda line: _ORDER[line.judgement])


def _percent(used: int, limit: int) -> str:
    return f"{used * 100 // limit}%" if limit else "—"


def render_limits(
    lines: list[LimitLine],
    target: Target,
    settings: ReportSettings,
    *,
    month: date,
    today: date,
    warning_pct: int,
) -> int:
    style = settings.date_style
    columns = [
        Column(_("番号"), align="right"),
        Column(_("お客さま名"), flex=True),
        Column(_("上限額"), align="right"),
        Column(_("利用額"), align="right"),
        Column(_("残額"), align="right"),
        Column(_("利用率"), align="right"),
        Column(_("判定"), align="center"),
    ]
    rows = [
        (
            str(line.usage.customer_id),
            line.usage.name,
            format_yen(line.usage.limit_yen),
            format_yen(line.usage.used_yen),
            format_yen(line.remaining_yen),
            _percent(line.usage.used_yen, line.usage.limit_yen),
            _(line.judgement) if line.judgement else "",
        )
        for line in lines
    ]
    counts = {key: sum(1 for line in lines if line.judgement == key) for key in _ORDER}
    month_text = format_month(month, style=style)
    listing = Listing(
        title=_("月間購入上限金額 一覧　{month}").format(month=month_text),
        columns=columns,
        sections=[Section("", rows, _("この月に集計対象の注文はありません。"))],
        info_lines=[
            _("対象：{count} 件（超過 {over} 件、上限到達 {reached} 件、注意 {near} 件）").format(
                count=len(lines), over=counts[OVER], reached=counts[REACHED],
                near=counts[NEAR]),
            _("「注意」は利用額が上限額の {pct}% 以上のお客さまです。").format(pct=warning_pct),
        ],
        notes=[
            _(
                "利用額は KDDI 請求書払いの注文（注文済・発送済）の税込金額を注文日の月で"
                "合計したものです。カード払い・キャンセルした注文は含みません。"
                "上限額ちょうどまでのご購入は可能です。"
            ),
        ],
        corner=_("作成日 {date}").format(date=format_date(today, style=style)),
        footer_note=settings.sender_name,
    )
    return render_listing(listing, target)


def write_limits(
    db: Database,
    month: date,
    target: Target,
    *,
    today: date,
    settings: ReportSettings,
    include_unused: bool = False,
) -> int:
    month = month.replace(day=1)
    rates = load_rates(db)
    usages = month_limit_usage(db, month, include_unused=include_unused)
    lines = limit_lines(usages, month=month, rates=rates)
    return render_limits(lines, target, settings, month=month, today=today,
                         warning_pct=rates.int_value(LIMIT_WARNING_PCT, month))
