"""The dealer-change FAX form (FAQ: 販売店について)."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.arguments import optional_date, require_date
from kaunet_desk.domain.enums import DealerChangeState
from kaunet_desk.domain.months import add_months, first_of_month


def dealer_change_months(returned: date) -> tuple[date, date]:
    """First days of the two months in which the change can take effect.

    FAQ: FAX を返信した翌月または翌々月に変更.
    """
    returned = require_date("returned", returned)
    month = first_of_month(returned)
    return add_months(month, 1, name="returned"), add_months(month, 2, name="returned")


def dealer_change_state(deadline: date, returned: date | None, today: date) -> DealerChangeState:
    """Where a FAX form stands on `today`.

    FAQ: 期日までに FAX 返信しなかった場合 → 変更されません. Returned on the deadline day
    still counts; returned after it counts as not returned in time. EFFECTIVE is set by
    the clerk once KDDI confirms the change, never inferred from dates.
    """
    deadline = require_date("deadline", deadline)
    returned = optional_date("returned", returned)
    today = require_date("today", today)
    if returned is not None:
        if returned <= deadline:
            return DealerChangeState.RETURNED
        return DealerChangeState.EXPIRED
    if today > deadline:
        return DealerChangeState.EXPIRED
    return DealerChangeState.WAITING
