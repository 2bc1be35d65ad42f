"""Dealer-change FAX requests as units of work returning plain dataclasses.

Rules: domain.md「Dealer change by FAX」(FAQ 販売店について). The state is never stored: it
follows from the deadline, the return date and today (domain.dealer_change_state), except
"effective", which the clerk sets once KDDI confirms the change (``effective_month``).
Every create/update writes an audit entry in the same unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from kaunet_desk.domain import DealerChangeState, dealer_change_months, dealer_change_state
from kaunet_desk.domain.customer_fields import FieldProblem
from kaunet_desk.domain.text import search_key
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, DealerChangeRequest, KaunetAccount
from kaunet_desk.store.services.errors import NotFound, ValidationFailed

ENTITY = "dealer_change_request"


class RequestFilter(StrEnum):
    ALL = "all"
    OPEN = "open"  # waiting: nothing returned, deadline not passed
    OVERDUE = "overdue"  # state 期限切れ: deadline passed without a return in time
    DUE_SOON = "due_soon"  # waiting, deadline within N days (today included)
    RETURNED = "returned"  # returned in time, change not confirmed yet
    EFFECTIVE = "effective"


class Refusal(StrEnum):
    """Why a state change is refused; the UI turns the code into the rule's sentence."""

    RETURNED_AFTER_DEADLINE = "returned_after_deadline"  # FAQ: 期日までに返信しなかった場合
    RETURNED_BEFORE_SENT = "returned_before_sent"
    DATE_IN_FUTURE = "date_in_future"
    ALREADY_RETURNED = "already_returned"
    NOT_RETURNED = "not_returned"  # effective / email / logo need a return in time
    ALREADY_EFFECTIVE = "already_effective"
    NOT_A_CHANGE_MONTH = "not_a_change_month"  # FAQ: 翌月または翌々月
    NOT_WAITING = "not_waiting"
    BEFORE_RETURN = "before_return"
    NOTHING_TO_WITHDRAW = "nothing_to_withdraw"


class Step(StrEnum):
    """A recorded step of a request that a withdrawal can take back."""

    RETURNED = "returned"
    EFFECTIVE = "effective"
    CLOSED = "closed"


class DealerChangeRefused(ValueError):
    def __init__(self, refusal: Refusal, request_id: int) -> None:
        super().__init__(f"{ENTITY} {request_id}: {refusal.value}")
        self.refusal = refusal
        self.request_id = request_id


@dataclass(frozen=True)
class RequestDraft:
    customer_id: int
    kaunet_account_id: int | None
    fax_sent_on: date
    deadline: date

    def problems(self) -> list[FieldProblem]:
        # The form says which field is wrong, on the field (domain.md「Customers」, last rule).
        if self.deadline < self.fax_sent_on:
            return [FieldProblem("deadline", "before_sent")]
        return []


@dataclass(frozen=True)
class DealerChangeRow:
    """One request as the table shows it; derived values take ``today`` explicitly."""

    id: int
    customer_id: int
    customer_name: str
    kaunet_account_id: int | None
    kaunet_id: str
    fax_sent_on: date
    deadline: date
    returned_on: date | None
    effective_month: date | None
    notification_seen_on: date | None
    logo_confirmed_on: date | None
    closed_on: date | None = None

    def state(self, today: date) -> DealerChangeState:
        if self.effective_month is not None:
            return DealerChangeState.EFFECTIVE
        if self.closed_on is not None:
            return DealerChangeState.EXPIRED
        return dealer_change_state(self.deadline, self.returned_on, today)

    def days_left(self, today: date) -> int:
        """Days until the deadline; 0 on the deadline day, negative once it passed."""
        return (self.deadline - today).days

    def change_months(self) -> tuple[date, date] | None:
        """The two months the change can take effect in, once returned in time (FAQ)."""
        if self.returned_on is None or self.returned_on > self.deadline:
            return None
        return dealer_change_months(self.returned_on)

    def is_overdue(self, today: date) -> bool:
        """期限切れ and not yet closed by the clerk: a form to chase or to close."""
        return self.closed_on is None and self.state(today) is DealerChangeState.EXPIRED

    def is_due_soon(self, today: date, within_days: int) -> bool:
        return (
            self.state(today) is DealerChangeState.WAITING
            and self.days_left(today) <= within_days
        )


# The Kaunet ID a request moves; "" when it names none.
KAUNET_ID = func.coalesce(KaunetAccount.kaunet_id, "")

_ROW_COLUMNS = (
    DealerChangeRequest.id,
    DealerChangeRequest.customer_id,
    Customer.name,
    DealerChangeRequest.kaunet_account_id,
    KAUNET_ID,
    DealerChangeRequest.fax_sent_on,
    DealerChangeRequest.deadline,
    DealerChangeRequest.returned_on,
    DealerChangeRequest.effective_month,
    DealerChangeRequest.notification_seen_on,
    DealerChangeRequest.logo_confirmed_on,
    DealerChangeRequest.closed_on,
)

_FIELDS = (
    "customer_id",
    "kaunet_account_id",
    "fax_sent_on",
    "deadline",
    "returned_on",
    "effective_month",
    "notification_seen_on",
    "logo_confirmed_on",
    "closed_on",
)


# -- the list -------------------------------------------------------------------------------
def _not_effective() -> ColumnElement[bool]:
    return DealerChangeRequest.effective_month.is_(None)


def _waiting(today: date) -> ColumnElement[bool]:
    return and_(
        _not_effective(),
        DealerChangeRequest.closed_on.is_(None),
        DealerChangeRequest.returned_on.is_(None),
        DealerChangeRequest.deadline >= today,
    )


def _expired(today: date) -> ColumnElement[bool]:
    # FAQ: not returned by the deadline → no change; a return after the deadline counts as none.
    return and_(
        _not_effective(),
        or_(
            and_(DealerChangeRequest.returned_on.is_(None), DealerChangeRequest.deadline < today),
            DealerChangeRequest.returned_on > DealerChangeRequest.deadline,
            DealerChangeRequest.closed_on.is_not(None),
        ),
    )


def overdue(today: date) -> ColumnElement[bool]:
    """期限切れ and not closed: what the tab title counts and highlights (and, as of the day
    after a date, what the FAX overdue list chases: services.report_data)."""
    return and_(_expired(today), DealerChangeRequest.closed_on.is_(None))


def _condition(kind: RequestFilter, today: date, due_within_days: int) -> ColumnElement[bool]:
    request = DealerChangeRequest
    if kind is RequestFilter.OPEN:
        return _waiting(today)
    if kind is RequestFilter.OVERDUE:
        return _expired(today)
    if kind is RequestFilter.DUE_SOON:
        return and_(_waiting(today), request.deadline <= today + timedelta(days=due_within_days))
    if kind is RequestFilter.RETURNED:
        return and_(
            _not_effective(), request.returned_on.is_not(None),
            request.returned_on <= request.deadline,
        )
    if kind is RequestFilter.EFFECTIVE:
        return request.effective_month.is_not(None)
    return true()


def _like_pattern(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ids_statement(kind: RequestFilter, today: date, due_within_days: int, query: str) -> Select:
    request = DealerChangeRequest
    # What needs the clerk first: waiting forms (nearest deadline on top), then overdue
    # ones, returned ones and finished ones, each of those most recent first.
    rank = case(
        (_waiting(today), 0), (overdue(today), 1), (_expired(today), 2), (_not_effective(), 3),
        else_=4,
    )
    waiting_deadline = case((_waiting(today), request.deadline), else_=None)
    statement = (
        select(request.id)
        .where(_condition(kind, today, due_within_days))
        .order_by(rank, waiting_deadline, request.deadline.desc(), request.id.desc())
    )
    key = search_key(query)
    if key:
        # Customer.search_text already holds the name, フリガナ, phones and Kaunet IDs.
        statement = statement.join(Customer, Customer.id == DealerChangeRequest.customer_id).where(
            Customer.search_text.like(_like_pattern(key), escape="\\")
        )
    return statement


def request_ids(
    db: Database,
    kind: RequestFilter = RequestFilter.ALL,
    *,
    today: date,
    due_within_days: int = 3,
    query: str = "",
) -> list[int]:
    """Ids of the requests that pass ``kind`` (and the search ``query``), most urgent first."""
    with db.unit_of_work() as session:
        return list(session.scalars(_ids_statement(kind, today, due_within_days, query)))


def count_overdue(db: Database, *, today: date) -> int:
    with db.unit_of_work() as session:
        statement = select(func.count()).select_from(DealerChangeRequest).where(overdue(today))
        return session.scalar(statement) or 0


def request_query(*columns: Any) -> Select:
    """``columns`` of requests, with their customer and the Kaunet account they name (if any)
    joined in: what the table and the printed FAX lists read."""
    return (
        select(*columns)
        .select_from(DealerChangeRequest)
        .join(Customer, Customer.id == DealerChangeRequest.customer_id)
        .outerjoin(KaunetAccount, KaunetAccount.id == DealerChangeRequest.kaunet_account_id)
    )


def _rows(session: Session, ids: list[int]) -> dict[int, DealerChangeRow]:
    statement = request_query(*_ROW_COLUMNS).where(DealerChangeRequest.id.in_(ids))
    return {row[0]: DealerChangeRow(*row) for row in session.execute(statement)}


def request_rows(db: Database, ids: list[int]) -> dict[int, DealerChangeRow]:
    if not ids:
        return {}
    with db.unit_of_work() as session:
        return _rows(session, ids)


def _snapshot(session: Session, request_id: int) -> DealerChangeRow:
    row = _rows(session, [request_id]).get(request_id)
    if row is None:
        raise NotFound(ENTITY, request_id)
    return row


def get_request(db: Database, request_id: int) -> DealerChangeRow:
    with db.unit_of_work() as session:
        return _snapshot(session, request_id)


# -- changes --------------------------------------------------------------------------------
def _values(row: DealerChangeRequest) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _FIELDS}


def _load(session: Session, request_id: int) -> DealerChangeRequest:
    row = session.get(DealerChangeRequest, request_id)
    if row is None:
        raise NotFound(ENTITY, request_id)
    return row


def _update(session: Session, row: DealerChangeRequest, **values: object) -> None:
    before = _values(row)
    for name, value in values.items():
        setattr(row, name, value)
    delta = audit.diff(before, _values(row))
    if delta:
        audit.record(
            session,
            action="update",
            entity=ENTITY,
            entity_id=row.id,
            customer_id=row.customer_id,
            changes=delta,
        )
    session.flush()


def create_request(db: Database, draft: RequestDraft) -> int:
    """A FAX form sent to the customer, to be returned by ``deadline`` (FAQ 販売店について)."""
    problems = draft.problems()
    with db.unit_of_work() as session:
        if session.get(Customer, draft.customer_id) is None:
            raise NotFound("customer", draft.customer_id)
        if draft.kaunet_account_id is not None:
            account = session.get(KaunetAccount, draft.kaunet_account_id)
            if account is None or account.customer_id != draft.customer_id:
                problems.append(FieldProblem("kaunet_account_id", "not_of_customer"))
        if problems:
            raise ValidationFailed(problems)
        row = DealerChangeRequest(
            customer_id=draft.customer_id,
            kaunet_account_id=draft.kaunet_account_id,
            fax_sent_on=draft.fax_sent_on,
            deadline=draft.deadline,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            action="create",
            entity=ENTITY,
            entity_id=row.id,
            customer_id=row.customer_id,
            changes=audit.diff({}, {k: v for k, v in _values(row).items() if v is not None}),
        )
        return row.id


def check_return(row: DealerChangeRow, returned_on: date, today: date) -> Refusal | None:
    """Why ``returned_on`` cannot be recorded, or None. Shared by the form and the service."""
    if row.returned_on is not None or row.effective_month is not None:
        return Refusal.ALREADY_RETURNED
    if returned_on > today:
        return Refusal.DATE_IN_FUTURE
    if returned_on < row.fax_sent_on:
        return Refusal.RETURNED_BEFORE_SENT
    # FAQ: 期日までに FAX 返信しなかった場合、変更されません — the deadline day itself counts.
    if returned_on > row.deadline:
        return Refusal.RETURNED_AFTER_DEADLINE
    return None


def _refuse(request_id: int, refusal: Refusal | None) -> None:
    if refusal is not None:
        raise DealerChangeRefused(refusal, request_id)


def mark_returned(db: Database, request_id: int, returned_on: date, *, today: date) -> None:
    with db.unit_of_work() as session:
        _refuse(request_id, check_return(_snapshot(session, request_id), returned_on, today))
        _update(session, _load(session, request_id), returned_on=returned_on)


def check_effective(row: DealerChangeRow, month: date, today: date) -> Refusal | None:
    state = row.state(today)
    if state is DealerChangeState.EFFECTIVE:
        return Refusal.ALREADY_EFFECTIVE
    months = row.change_months()
    if state is not DealerChangeState.RETURNED or months is None:
        return Refusal.NOT_RETURNED
    if month not in months:
        return Refusal.NOT_A_CHANGE_MONTH
    return None


def mark_effective(db: Database, request_id: int, month: date, *, today: date) -> None:
    """KDDI confirmed the change in ``month``: 翌月 or 翌々月 after the return (FAQ)."""
    with db.unit_of_work() as session:
        _refuse(request_id, check_effective(_snapshot(session, request_id), month, today))
        _update(session, _load(session, request_id), effective_month=month)


def check_follow_up(row: DealerChangeRow, on: date, today: date) -> Refusal | None:
    """The email and the logo come after a return in time (FAQ); not before it, not tomorrow."""
    if row.state(today) not in (DealerChangeState.RETURNED, DealerChangeState.EFFECTIVE):
        return Refusal.NOT_RETURNED
    if on > today:
        return Refusal.DATE_IN_FUTURE
    if row.returned_on is not None and on < row.returned_on:
        return Refusal.BEFORE_RETURN
    return None


def _record_follow_up(
    db: Database, request_id: int, field: str, on: date | None, today: date
) -> None:
    with db.unit_of_work() as session:
        if on is not None:
            _refuse(request_id, check_follow_up(_snapshot(session, request_id), on, today))
        _update(session, _load(session, request_id), **{field: on})


def record_notification_seen(
    db: Database, request_id: int, on: date | None, *, today: date
) -> None:
    """The customer's email about the change was seen on ``on`` (None clears a mistake)."""
    _record_follow_up(db, request_id, "notification_seen_on", on, today)


def record_logo_confirmed(db: Database, request_id: int, on: date | None, *, today: date) -> None:
    """「KDDI まとめてオフィス」 logo seen at the top left of the Kaunet home page (FAQ)."""
    _record_follow_up(db, request_id, "logo_confirmed_on", on, today)


def check_expire(row: DealerChangeRow, today: date) -> Refusal | None:
    """Close a waiting request (stop waiting) or an overdue one (its missed deadline dealt with)."""
    if not (row.state(today) is DealerChangeState.WAITING or row.is_overdue(today)):
        return Refusal.NOT_WAITING
    return None


def expire_request(db: Database, request_id: int, *, today: date) -> None:
    """Close the request as 期限切れ: the customer declined, the form was lost, or the
    deadline passed and the clerk has dealt with it. The deadline on the form stays as sent."""
    with db.unit_of_work() as session:
        _refuse(request_id, check_expire(_snapshot(session, request_id), today))
        _update(session, _load(session, request_id), closed_on=today)


def last_step(row: DealerChangeRow) -> Step | None:
    """The latest recorded step: 変更完了 comes after 返送, and a closed request has neither."""
    if row.effective_month is not None:
        return Step.EFFECTIVE
    if row.closed_on is not None:
        return Step.CLOSED
    if row.returned_on is not None:
        return Step.RETURNED
    return None


def check_withdraw(row: DealerChangeRow) -> Refusal | None:
    """Why there is nothing to take back, or None."""
    return Refusal.NOTHING_TO_WITHDRAW if last_step(row) is None else None


# What each withdrawal clears. The email and logo dates rest on the return (FAQ: they
# follow a change, and a change follows a return in time), so they go with it.
_STEP_FIELDS = {
    Step.RETURNED: ("returned_on", "notification_seen_on", "logo_confirmed_on"),
    Step.EFFECTIVE: ("effective_month",),
    Step.CLOSED: ("closed_on",),
}


def withdraw_last_step(db: Database, request_id: int) -> Step:
    """Take back the last step, recorded by mistake (wrong request, wrong date): the request
    is as it was before it, and the audit log keeps the step and its withdrawal."""
    with db.unit_of_work() as session:
        row = _snapshot(session, request_id)
        _refuse(request_id, check_withdraw(row))
        step = last_step(row)
        assert step is not None  # check_withdraw refused otherwise
        _update(session, _load(session, request_id),
                **dict.fromkeys(_STEP_FIELDS[step], None))
        return step
