"""Why an action cannot be used on the selected request, or None when it can.

Each disabled button shows its reason as a tooltip and in the visible line under the
buttons. The checks are the service's own (check_*), so the form and the store agree.
"""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain import DealerChangeState
from kaunet_desk.i18n import _
from kaunet_desk.store.services.dealer_change import (
    DealerChangeRow,
    Refusal,
    check_expire,
    check_withdraw,
)
from kaunet_desk.ui.dealer_change.texts import refusal_text

Reason = str | None


def no_selection() -> str:
    return _("一覧で依頼を選んでください。")


def mark_returned(row: DealerChangeRow | None, today: date) -> Reason:
    if row is None:
        return no_selection()
    if row.returned_on is not None or row.effective_month is not None:
        return refusal_text(Refusal.ALREADY_RETURNED, row, today)
    # An overdue request stays open here: the dialog explains the rule on the date field,
    # and a form that did arrive in time but was recorded late can still be entered.
    return None


def mark_effective(row: DealerChangeRow | None, today: date) -> Reason:
    if row is None:
        return no_selection()
    state = row.state(today)
    if state is DealerChangeState.EFFECTIVE:
        return refusal_text(Refusal.ALREADY_EFFECTIVE, row, today)
    if state is not DealerChangeState.RETURNED:
        return refusal_text(Refusal.NOT_RETURNED, row, today)
    return None


def follow_up(row: DealerChangeRow | None, today: date) -> Reason:
    """The email and the logo come only after a return in time (FAQ 販売店について)."""
    if row is None:
        return no_selection()
    if row.state(today) not in (DealerChangeState.RETURNED, DealerChangeState.EFFECTIVE):
        return refusal_text(Refusal.NOT_RETURNED, row, today)
    return None


def expire(row: DealerChangeRow | None, today: date) -> Reason:
    if row is None:
        return no_selection()
    refusal = check_expire(row, today)
    return None if refusal is None else refusal_text(refusal, row, today)


def withdraw(row: DealerChangeRow | None, today: date) -> Reason:
    if row is None:
        return no_selection()
    refusal = check_withdraw(row)
    return None if refusal is None else refusal_text(refusal, row, today)


def resend(row: DealerChangeRow | None, today: date) -> Reason:
    if row is None:
        return no_selection()
    if row.state(today) is not DealerChangeState.EXPIRED:
        return _("期限切れの依頼だけ再送できます。")
    return None


def print_form(row: DealerChangeRow | None, today: date) -> Reason:
    """A reprint is the form as sent, so only while it can still be returned (FAQ: a form
    past its deadline changes nothing — a new one with a new deadline is sent instead)."""
    if row is None:
        return no_selection()
    state = row.state(today)
    if state is DealerChangeState.EXPIRED:
        return _("期限切れの用紙は印刷しません。「FAX を再送」で新しい期限の用紙を送ってください。")
    if state is not DealerChangeState.WAITING:
        return _("返送済みの依頼です。")
    return None
