"""The customer ledger as units of work returning plain dataclasses.

Rules: domain.md「Customers」(FAQ カウネットの会員情報について). The draft and the records are
defined in customer_records and importable from here; the Kaunet IDs a customer holds are
kept by kaunet_accounts (also importable from here).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaunet_desk.domain.enums import ApplicationStatus, CustomerStatus
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import ContactChange, Customer, KaunetAccount, LimitChange
from kaunet_desk.store.services.customer_records import (
    CONTACT_FIELDS,
    ContactChangeRecord,
    CustomerDetail,
    CustomerDraft,
    CustomerRecord,
    KaunetAccountRecord,
    LimitChangeRecord,
    SaveResult,
    customer_record,
    draft_of,
)
from kaunet_desk.store.services.customer_writes import (
    audit_change,
    load_customer,
    normalize_kaunet_id,
    search_text,
)
from kaunet_desk.store.services.errors import ValidationFailed
from kaunet_desk.store.services.kaunet_accounts import (
    add_kaunet_account,
    kaunet_id_taken,
    set_application_status,
)
from kaunet_desk.store.services.record_fields import copy_fields

__all__ = [
    "CONTACT_FIELDS",
    "ContactChangeRecord",
    "CustomerDetail",
    "CustomerDraft",
    "CustomerRecord",
    "KaunetAccountRecord",
    "LimitChangeRecord",
    "SaveResult",
    "add_kaunet_account",
    "cancel_customer",
    "change_limit",
    "contact_changes",
    "create_customer",
    "customer_detail",
    "get_customer",
    "kaunet_id_taken",
    "limit_changes",
    "set_application_status",
    "stop_catalogue",
    "update_customer",
    "withdraw_cancellation",
    "withdraw_catalogue_stop",
]

R = TypeVar("R")


def _assign(row: Customer, values: dict[str, Any]) -> dict[str, list[Any]]:
    """Set ``values`` on the row; what changed, as an audit diff."""
    before = {name: getattr(row, name) for name in values}
    for name, value in values.items():
        setattr(row, name, value)
    return audit.diff(before, values)


def _checked(draft: CustomerDraft) -> CustomerDraft:
    clean = draft.normalised()
    problems = clean.problems()
    if problems:
        raise ValidationFailed(problems)
    return clean


def create_customer(
    db: Database, draft: CustomerDraft, kaunet_ids: list[str] | None = None
) -> CustomerRecord:
    clean = _checked(draft)
    with db.unit_of_work() as session:
        row = Customer(**asdict(clean), status=CustomerStatus.ACTIVE.value)
        for kaunet_id in kaunet_ids or []:
            row.accounts.append(
                KaunetAccount(
                    kaunet_id=normalize_kaunet_id(kaunet_id),
                    application_status=ApplicationStatus.IN_PROGRESS.value,
                )
            )
        row.search_text = search_text(row)
        session.add(row)
        session.flush()
        audit_change(session, "create", row, audit.diff({}, asdict(clean)))
        return customer_record(row)


def get_customer(db: Database, customer_id: int) -> CustomerRecord:
    with db.unit_of_work() as session:
        return customer_record(load_customer(session, customer_id))


def update_customer(
    db: Database, customer_id: int, draft: CustomerDraft, *, today: date | None = None
) -> SaveResult:
    """Save the form; the monthly limit is not changed here (see change_limit)."""
    clean = _checked(draft)
    today = today or date.today()
    with db.unit_of_work() as session:
        row = load_customer(session, customer_id)
        before = asdict(draft_of(row))
        after = asdict(clean) | {"monthly_limit_yen": row.monthly_limit_yen}
        changes = tuple(
            ContactChangeRecord(today, name, before[name], after[name])
            for name in CONTACT_FIELDS
            if before[name] != after[name]
        )
        session.add_all(ContactChange(customer_id=row.id, **asdict(c)) for c in changes)
        delta = _assign(row, after)
        row.search_text = search_text(row)
        if delta:
            audit_change(session, "update", row, delta)
        session.flush()
        return SaveResult(customer_record(row), changes)


def _set_state(db: Database, customer_id: int, **values: Any) -> CustomerRecord:
    with db.unit_of_work() as session:
        row = load_customer(session, customer_id)
        audit_change(session, "update", row, _assign(row, values))
        session.flush()
        return customer_record(row)


def stop_catalogue(db: Database, customer_id: int, on: date) -> CustomerRecord:
    """Recorded after the customer asked カウネットヘルプコール to stop the catalogue (FAQ)."""
    return _set_state(db, customer_id, catalogue_stopped_on=on)


def cancel_customer(db: Database, customer_id: int, on: date) -> CustomerRecord:
    """Recorded after cancellation through KDDI まとめてオフィスサポートデスク (FAQ)."""
    return _set_state(db, customer_id, status=CustomerStatus.CANCELLED.value, cancelled_on=on)


def withdraw_catalogue_stop(db: Database, customer_id: int) -> CustomerRecord:
    """Takes back a catalogue stop recorded by mistake (wrong customer, or the customer
    changed their mind before calling): the ledger says 定期送付中 again. The audit log
    keeps both the record and its withdrawal."""
    return _set_state(db, customer_id, catalogue_stopped_on=None)


def withdraw_cancellation(db: Database, customer_id: int) -> CustomerRecord:
    """Takes back a cancellation recorded by mistake: the customer is 契約中 again. Only our
    record changes — nothing is undone at KDDI (a real cancellation is theirs, FAQ)."""
    return _set_state(db, customer_id, status=CustomerStatus.ACTIVE.value, cancelled_on=None)


def change_limit(
    db: Database, customer_id: int, new_yen: int, reason: str, on: date
) -> LimitChangeRecord:
    """FAQ 月間購入上限金額: normally fixed after screening; an exception needs a reason."""
    if new_yen < 0:
        raise ValueError("new_yen must not be negative")
    if not normalize_text(reason):
        raise ValueError("reason is required")
    with db.unit_of_work() as session:
        row = load_customer(session, customer_id)
        change = LimitChangeRecord(on, row.monthly_limit_yen, new_yen, normalize_text(reason))
        session.add(LimitChange(customer_id=row.id, **asdict(change)))
        row.monthly_limit_yen = new_yen
        audit_change(session, "update", row, {"monthly_limit_yen": [change.old_yen, new_yen]})
        return change


def _change_log(
    session: Session,
    model: type[ContactChange] | type[LimitChange],
    record_type: type[R],
    customer_id: int,
) -> tuple[R, ...]:
    """The customer's logged changes of one kind, oldest first."""
    rows = session.scalars(
        select(model)
        .where(model.customer_id == customer_id)
        .order_by(model.changed_on, model.id)
    )
    return tuple(copy_fields(record_type, row) for row in rows)


def contact_changes(db: Database, customer_id: int) -> list[ContactChangeRecord]:
    with db.unit_of_work() as session:
        return list(_change_log(session, ContactChange, ContactChangeRecord, customer_id))


def limit_changes(db: Database, customer_id: int) -> list[LimitChangeRecord]:
    with db.unit_of_work() as session:
        return list(_change_log(session, LimitChange, LimitChangeRecord, customer_id))


def customer_detail(db: Database, customer_id: int) -> CustomerDetail:
    with db.unit_of_work() as session:
        return CustomerDetail(
            customer=customer_record(load_customer(session, customer_id)),
            contact_changes=_change_log(session, ContactChange, ContactChangeRecord, customer_id),
            limit_changes=_change_log(session, LimitChange, LimitChangeRecord, customer_id),
        )
