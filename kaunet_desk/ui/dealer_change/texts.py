"""The words of the tab: state names, filter names and the rules' sentences for refusals.

Rules: domain.md「Dealer change by FAX」(FAQ 販売店について).
"""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain import DealerChangeState
from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.dealer_change import DealerChangeRow, Refusal, RequestFilter

STATE_NAMES: dict[DealerChangeState, str] = {
    DealerChangeState.WAITING: N_("待ち"),
    DealerChangeState.RETURNED: N_("返送済"),
    DealerChangeState.EXPIRED: N_("期限切れ"),
    DealerChangeState.EFFECTIVE: N_("変更完了"),
}

STATE_TIPS: dict[DealerChangeState, str] = {
    DealerChangeState.WAITING: N_("お客さまからの FAX 返送を待っています。"),
    DealerChangeState.RETURNED: N_(
        "期限内に返送されました。返送の翌月または翌々月に販売店が変更されます。"
    ),
    DealerChangeState.EXPIRED: N_(
        "返送期限までに返送されなかったため、販売店は変更されません。"
        "変更するには新しい FAX 用紙を送ってください。"
    ),
    DealerChangeState.EFFECTIVE: N_("販売店の変更が完了しました。"),
}

FILTER_NAMES: dict[RequestFilter, str] = {
    RequestFilter.ALL: N_("すべて(&A)"),
    RequestFilter.OPEN: N_("待ち(&W)"),
    RequestFilter.DUE_SOON: N_("期限間近(&S)"),
    RequestFilter.OVERDUE: N_("期限切れ(&O)"),
    RequestFilter.RETURNED: N_("返送済(&T)"),
    RequestFilter.EFFECTIVE: N_("変更完了(&C)"),
}

OVERDUE_MARK = N_("期限超過")
DUE_SOON_MARK = N_("期限間近")

# What the clerk tells a customer who asks (FAQ 販売店について), shown under the table.
RULE_SUMMARY = N_(
    "返送期限の当日に届いた FAX まで有効です。期限を過ぎると販売店は変更されません。"
    "変更は返送の翌月または翌々月で、お客さまにメールが届き、ログイン後のカウネット"
    "トップページ左上に「KDDI まとめてオフィス」のロゴが表示されます。"
    "変更に費用はかからず、変更による新しいカタログの送付もありません。"
)


def state_name(state: DealerChangeState) -> str:
    return _(STATE_NAMES[state])


def months_text(months: tuple[date, date]) -> str:
    return _("{first} または {second}").format(
        first=format_month(months[0]), second=format_month(months[1])
    )


def refusal_text(refusal: Refusal, row: DealerChangeRow, today: date) -> str:
    """The rule behind a refusal, in the words the clerk can repeat to the customer."""
    if refusal is Refusal.RETURNED_AFTER_DEADLINE:
        # FAQ: 期日までに FAX 返信しなかった場合、変更されません.
        return _(
            "返送期限（{deadline}）を過ぎています。期限までに返送されなかったため、"
            "販売店は変更されません。変更するには新しい FAX 用紙を送ってください。"
        ).format(deadline=format_date(row.deadline))
    if refusal is Refusal.RETURNED_BEFORE_SENT:
        return _("FAX 送付日（{sent}）より前の日付です。").format(
            sent=format_date(row.fax_sent_on)
        )
    if refusal is Refusal.DATE_IN_FUTURE:
        return _("先の日付は記録できません（本日は {today}）。").format(today=format_date(today))
    if refusal is Refusal.ALREADY_RETURNED:
        return _("返送は記録済みです。")
    if refusal is Refusal.NOT_RETURNED:
        return _("FAX が期限内に返送されていません。返送前は販売店は変更されません。")
    if refusal is Refusal.ALREADY_EFFECTIVE:
        return _("変更完了は記録済みです。")
    if refusal is Refusal.NOT_A_CHANGE_MONTH:
        months = row.change_months()
        if months is None:
            return _("FAX が期限内に返送されていません。返送前は販売店は変更されません。")
        return _("変更月は返送の翌月か翌々月（{months}）です。").format(months=months_text(months))
    if refusal is Refusal.NOT_WAITING:
        return _("返送待ちか期限超過の依頼だけ期限切れにできます。")
    if refusal is Refusal.NOTHING_TO_WITHDRAW:
        return _("取り消せる記録がありません"
                 "（返送・変更完了・期限切れのどれも記録されていません）。")
    if refusal is Refusal.BEFORE_RETURN:
        return _("返送日（{returned}）より前の日付です。").format(
            returned=format_date(row.returned_on)
        )
    raise AssertionError(refusal)
