"""Dealer-change FAX services on a real SQLite file (FAQ 販売店について)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kaunet_desk.domain.enums import CustomerKind, DealerChangeState, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry
from kaunet_desk.store.services import customers
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.store.services.dealer_change import Refusal, RequestFilter
from kaunet_desk.store.services.errors import NotFound, ValidationFailed

TODAY = date(2026, 5, 20)


def _customer(db: Database, name: str, kana: str, kaunet_id: str) -> tuple[int, int]:
    record = customers.create_customer(
        db,
        customers.CustomerDraft(
            name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=100_000,
            phone="0312345678", email="t@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


def _request(db: Database, who: tuple[int, int], sent: date, deadline: date) -> int:
    return svc.create_request(db, svc.RequestDraft(who[0], who[1], sent, deadline))


def _audit(db: Database, request_id: int) -> list[tuple[str, dict[str, list[object]]]]:
    with db.unit_of_work() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "dealer_change_request", AuditEntry.entity_id == request_id)
            .order_by(AuditEntry.id)
        )
        return [(r.action, json.loads(r.changes)) for r in rows]


def test_create_reads_back_with_customer_and_kaunet_id_and_is_audited(db: Database) -> None:
    who = _customer(db, "株式会社山田商事", "ヤマダショウジ", "K100")
    request_id = _request(db, who, date(2026, 5, 1), date(2026, 5, 15))
    row = svc.get_request(db, request_id)
    assert (row.customer_name, row.kaunet_id) == ("株式会社山田商事", "K100")
    assert (row.fax_sent_on, row.deadline, row.returned_on) == (
        date(2026, 5, 1), date(2026, 5, 15), None,
    )
    assert row.state(date(2026, 5, 15)) is DealerChangeState.WAITING
    assert row.state(date(2026, 5, 16)) is DealerChangeState.EXPIRED
    assert row.days_left(date(2026, 5, 13)) == 2
    assert row.days_left(date(2026, 5, 18)) == -3
    [(action, changes)] = _audit(db, request_id)
    assert action == "create"
    assert changes["deadline"] == [None, "2026-05-15"]
    assert changes["customer_id"] == [None, who[0]]


def test_a_deadline_before_the_sending_day_is_refused_on_that_field(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    with pytest.raises(ValidationFailed) as error:
        _request(db, who, date(2026, 5, 10), date(2026, 5, 9))
    assert [(p.field, p.code) for p in error.value.problems] == [("deadline", "before_sent")]
    _request(db, who, date(2026, 5, 10), date(2026, 5, 10))  # the same day is allowed


def test_a_kaunet_id_of_another_customer_is_refused(db: Database) -> None:
    first = _customer(db, "A社", "エーシャ", "K1")
    second = _customer(db, "B社", "ビーシャ", "K2")
    with pytest.raises(ValidationFailed) as error:
        svc.create_request(
            db, svc.RequestDraft(first[0], second[1], date(2026, 5, 1), date(2026, 5, 2))
        )
    assert error.value.problems[0].field == "kaunet_account_id"
    with pytest.raises(NotFound):
        svc.create_request(db, svc.RequestDraft(999, None, date(2026, 5, 1), date(2026, 5, 2)))


def test_returned_on_the_deadline_day_counts_and_gives_the_next_two_months(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 5, 1), date(2026, 5, 31))
    svc.mark_returned(db, request_id, date(2026, 5, 31), today=date(2026, 6, 2))
    row = svc.get_request(db, request_id)
    assert row.state(date(2026, 6, 2)) is DealerChangeState.RETURNED
    # FAQ: 翌月または翌々月 — returned in May → June or July (by hand).
    assert row.change_months() == (date(2026, 6, 1), date(2026, 7, 1))
    assert _audit(db, request_id)[-1] == ("update", {"returned_on": [None, "2026-05-31"]})


@pytest.mark.parametrize(
    ("returned", "today", "refusal"),
    [
        (date(2026, 6, 1), date(2026, 6, 3), Refusal.RETURNED_AFTER_DEADLINE),
        (date(2026, 4, 30), date(2026, 5, 3), Refusal.RETURNED_BEFORE_SENT),
        (date(2026, 5, 21), date(2026, 5, 20), Refusal.DATE_IN_FUTURE),
    ],
)
def test_impossible_or_late_returns_are_refused_and_change_nothing(
    db: Database, returned: date, today: date, refusal: Refusal
) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 5, 1), date(2026, 5, 31))
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.mark_returned(db, request_id, returned, today=today)
    assert error.value.refusal is refusal
    assert svc.get_request(db, request_id).returned_on is None
    assert len(_audit(db, request_id)) == 1  # only the create


def test_effective_needs_a_return_in_time_and_one_of_the_two_months(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 1, 5), date(2026, 1, 19))
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.mark_effective(db, request_id, date(2026, 2, 1), today=TODAY)
    assert error.value.refusal is Refusal.NOT_RETURNED
    svc.mark_returned(db, request_id, date(2026, 1, 10), today=date(2026, 1, 12))
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.mark_effective(db, request_id, date(2026, 4, 1), today=TODAY)
    assert error.value.refusal is Refusal.NOT_A_CHANGE_MONTH
    svc.mark_effective(db, request_id, date(2026, 3, 1), today=TODAY)  # 翌々月 of January
    row = svc.get_request(db, request_id)
    assert row.state(TODAY) is DealerChangeState.EFFECTIVE
    assert row.effective_month == date(2026, 3, 1)
    assert _audit(db, request_id)[-1][1] == {"effective_month": [None, "2026-03-01"]}
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.mark_returned(db, request_id, date(2026, 1, 11), today=TODAY)
    assert error.value.refusal is Refusal.ALREADY_RETURNED


def test_email_and_logo_dates_follow_a_return(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 3, 1), date(2026, 3, 15))
    with pytest.raises(svc.DealerChangeRefused):
        svc.record_notification_seen(db, request_id, date(2026, 3, 2), today=TODAY)
    svc.mark_returned(db, request_id, date(2026, 3, 10), today=date(2026, 3, 11))
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.record_logo_confirmed(db, request_id, date(2026, 3, 9), today=TODAY)
    assert error.value.refusal is Refusal.BEFORE_RETURN
    svc.record_notification_seen(db, request_id, date(2026, 4, 2), today=TODAY)
    svc.record_logo_confirmed(db, request_id, date(2026, 4, 3), today=TODAY)
    row = svc.get_request(db, request_id)
    assert (row.notification_seen_on, row.logo_confirmed_on) == (date(2026, 4, 2), date(2026, 4, 3))
    assert _audit(db, request_id)[-1][1] == {"logo_confirmed_on": [None, "2026-04-03"]}


def test_expire_closes_the_request_and_keeps_the_deadline_as_sent(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 5, 10), date(2026, 5, 24))
    svc.expire_request(db, request_id, today=TODAY)
    row = svc.get_request(db, request_id)
    assert row.deadline == date(2026, 5, 24)
    assert row.state(TODAY) is DealerChangeState.EXPIRED
    assert not row.is_overdue(TODAY)  # closed: nothing left to chase
    assert _audit(db, request_id)[-1][1] == {"closed_on": [None, "2026-05-20"]}
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.expire_request(db, request_id, today=TODAY)
    assert error.value.refusal is Refusal.NOT_WAITING
    # A form sent today can be closed today too.
    sent_today = _request(db, who, TODAY, date(2026, 6, 3))
    svc.expire_request(db, sent_today, today=TODAY)


def test_closing_an_overdue_request_takes_it_out_of_the_overdue_count(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    overdue = _request(db, who, date(2026, 5, 1), date(2026, 5, 10))  # deadline passed
    assert svc.count_overdue(db, today=TODAY) == 1
    svc.expire_request(db, overdue, today=TODAY)
    assert svc.count_overdue(db, today=TODAY) == 0
    # Still listed under 期限切れ.
    ids = svc.request_ids(db, svc.RequestFilter.OVERDUE, today=TODAY, due_within_days=3)
    assert ids == [overdue]


def test_filters_and_the_overdue_count(db: Database) -> None:
    who = _customer(db, "株式会社山田商事", "ヤマダショウジ", "K1")
    other = _customer(db, "鈴木文具店", "スズキブングテン", "K2")
    # Relative to TODAY = 2026-05-20, with "due soon" = within 3 days (by hand):
    waiting_far = _request(db, who, date(2026, 5, 15), date(2026, 5, 29))  # 9 days left
    due_today = _request(db, other, date(2026, 5, 6), date(2026, 5, 20))  # 0 days left
    due_in_3 = _request(db, who, date(2026, 5, 9), date(2026, 5, 23))  # 3 days left
    overdue = _request(db, other, date(2026, 5, 1), date(2026, 5, 19))  # 1 day over
    returned = _request(db, who, date(2026, 5, 1), date(2026, 5, 10))
    svc.mark_returned(db, returned, date(2026, 5, 10), today=TODAY)
    effective = _request(db, other, date(2026, 2, 1), date(2026, 2, 10))
    svc.mark_returned(db, effective, date(2026, 2, 3), today=TODAY)
    svc.mark_effective(db, effective, date(2026, 3, 1), today=TODAY)

    def ids(kind: RequestFilter, **kw: object) -> list[int]:
        return svc.request_ids(db, kind, today=TODAY, **kw)  # type: ignore[arg-type]

    # Waiting (nearest deadline first), overdue, returned, effective.
    assert ids(RequestFilter.ALL) == [due_today, due_in_3, waiting_far, overdue, returned,
                                      effective]
    assert ids(RequestFilter.OPEN) == [due_today, due_in_3, waiting_far]
    assert ids(RequestFilter.OVERDUE) == [overdue]
    assert ids(RequestFilter.DUE_SOON) == [due_today, due_in_3]
    assert ids(RequestFilter.DUE_SOON, due_within_days=2) == [due_today]
    assert ids(RequestFilter.DUE_SOON, due_within_days=9) == [due_today, due_in_3, waiting_far]
    assert ids(RequestFilter.RETURNED) == [returned]
    assert ids(RequestFilter.EFFECTIVE) == [effective]
    assert ids(RequestFilter.ALL, query="やまだ") == [due_in_3, waiting_far, returned]
    assert ids(RequestFilter.OPEN, query="k2") == [due_today]
    assert svc.count_overdue(db, today=TODAY) == 1
    # The next day the one due today is overdue as well.
    assert svc.count_overdue(db, today=date(2026, 5, 21)) == 2


def test_rows_keep_a_request_without_kaunet_id(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = svc.create_request(
        db, svc.RequestDraft(who[0], None, date(2026, 5, 1), date(2026, 5, 2))
    )
    rows = svc.request_rows(db, [request_id, 12345])
    assert list(rows) == [request_id]
    assert rows[request_id].kaunet_id == ""
    assert svc.request_rows(db, []) == {}


def test_withdrawing_takes_back_the_last_step_one_at_a_time(db: Database) -> None:
    """Effective, then return (with the email and logo dates that rest on it), then nothing
    is left; every withdrawal is audited."""
    who = _customer(db, "A社", "エーシャ", "K1")
    request_id = _request(db, who, date(2026, 3, 1), date(2026, 3, 15))
    with pytest.raises(svc.DealerChangeRefused) as error:
        svc.withdraw_last_step(db, request_id)
    assert error.value.refusal is Refusal.NOTHING_TO_WITHDRAW
    svc.mark_returned(db, request_id, date(2026, 3, 10), today=TODAY)
    svc.record_notification_seen(db, request_id, date(2026, 4, 2), today=TODAY)
    svc.mark_effective(db, request_id, date(2026, 4, 1), today=TODAY)
    assert svc.withdraw_last_step(db, request_id) is svc.Step.EFFECTIVE
    row = svc.get_request(db, request_id)
    assert (row.returned_on, row.effective_month, row.notification_seen_on) == (
        date(2026, 3, 10), None, date(2026, 4, 2))
    assert row.state(TODAY) is DealerChangeState.RETURNED
    assert svc.withdraw_last_step(db, request_id) is svc.Step.RETURNED
    row = svc.get_request(db, request_id)
    assert (row.returned_on, row.notification_seen_on) == (None, None)
    assert _audit(db, request_id)[-1][1] == {
        "returned_on": ["2026-03-10", None], "notification_seen_on": ["2026-04-02", None]}
    with pytest.raises(svc.DealerChangeRefused):
        svc.withdraw_last_step(db, request_id)


def test_withdrawing_a_close_makes_the_request_overdue_again(db: Database) -> None:
    who = _customer(db, "A社", "エーシャ", "K1")
    overdue = _request(db, who, date(2026, 5, 1), date(2026, 5, 10))
    svc.expire_request(db, overdue, today=TODAY)
    assert svc.count_overdue(db, today=TODAY) == 0
    assert svc.withdraw_last_step(db, overdue) is svc.Step.CLOSED
    assert svc.count_overdue(db, today=TODAY) == 1
    assert svc.get_request(db, overdue).closed_on is None
