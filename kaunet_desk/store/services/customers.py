"""The customer ledger as units of work returning plain dataclasses.

Rules: domain.md「Customers」(FAQ カウネットの会員情報について).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaunet_desk.domain import search_key, to_katakana
from kaunet_desk.domain.customer_fields import (
    check_customer_fields,
    normalize_phone,
    normalize_postal,
)
from kaunet_desk.domain.enums import ApplicationStatus, CustomerStatus
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import ContactChange, Customer, KaunetAccount, LimitChange
from kaunet_desk.store.services.errors import NotFound, ValidationFailed

# A change of these after a move is reported by the customer to カウネットヘルプコール (FAQ).
CONTACT_FIELDS = ("postal_code", "address", "phone", "fax")


@dataclass(frozen=True)
class CustomerDraft:
    """What the form submits. Text is normalised here, once, on the way in."""

    name: str
    name_kana: str
    kind: str
    invoice_payment: str
    monthly_limit_yen: int
    phone: str
    email: str
    postal_code: str = ""
    address: str = ""
    fax: str = ""
    contact_person: str = ""
    disability_discount: bool = False
    combined_billing: bool = True

    def normalised(self) -> CustomerDraft:
        return CustomerDraft(
            name=normalize_text(self.name),
            name_kana=to_katakana(self.name_kana),
            kind=self.kind,
            invoice_payment=self.invoice_payment,
            monthly_limit_yen=self.monthly_limit_yen,
            phone=normalize_phone(self.phone),
            email=normalize_text(self.email).lower(),
            postal_code=normalize_postal(self.postal_code),
            address=normalize_text(self.address),
            fax=normalize_phone(self.fax),
            contact_person=normalize_text(self.contact_person),
            disability_discount=self.disability_discount,
            combined_billing=self.combined_billing,
        )

    def problems(self) -> list:
        return check_customer_fields(
            name=self.name,
            name_kana=self.name_kana,
            postal_code=self.postal_code,
            phone=self.phone,
            fax=self.fax,
            email=self.email,
            monthly_limit_yen=self.monthly_limit_yen,
        )


@dataclass(frozen=True)
class KaunetAccountRecord:
    id: int
    kaunet_id: str
    application_status: str
    applied_on: date | None


@dataclass(frozen=True)
class CustomerRecord:
    id: int
    draft: CustomerDraft
    status: str
    catalogue_stopped_on: date | None
    cancelled_on: date | None
    accounts: tuple[KaunetAccountRecord, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ContactChangeRecord:
    changed_on: date
    field: str
    old_value: str
    new_value: str


@dataclass(frozen=True)
class SaveResult:
    customer: CustomerRecord
    # Non-empty when the clerk must remind the customer to call カウネットヘルプコール.
    contact_changes: tuple[ContactChangeRecord, ...] = ()


def _draft_of(row: Customer) -> CustomerDraft:
    return CustomerDraft(
        name=row.name,
        name_kana=row.name_kana,
        kind=row.kind,
        invoice_payment=row.invoice_payment,
        monthly_limit_yen=row.monthly_limit_yen,
        phone=row.phone,
        email=row.email,
        postal_code=row.postal_code,
        address=row.address,
        fax=row.fax,
        contact_person=row.contact_person,
        disability_discount=row.disability_discount,
        combined_billing=row.combined_billing,
    )


def _record_of(row: Customer) -> CustomerRecord:
    return CustomerRecord(
        id=row.id,
        draft=_draft_of(row),
        status=row.status,
        catalogue_stopped_on=row.catalogue_stopped_on,
        cancelled_on=row.cancelled_on,
        accounts=tuple(
            KaunetAccountRecord(a.id, a.kaunet_id, a.application_status, a.applied_on)
            for a in row.accounts
        ),
    )


def _kaunet_id(text: str) -> str:
    """Kaunet IDs are codes (K + digits): any width, any case → one spelling (our choice),
    so the unique constraint catches 「ｋ１２３」 typed for 「K123」."""
    return normalize_text(text).upper()


def _search_text(row: Customer) -> str:
    pieces = [row.name, row.name_kana, row.phone, row.fax, row.email]
    pieces += [a.kaunet_id for a in row.accounts]
    return " ".join(search_key(p) for p in pieces if p)


def _load(session: Session, customer_id: int) -> Customer:
    row = session.get(Customer, customer_id)
    if row is None:
        raise NotFound("customer", customer_id)
    return row


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
                    kaunet_id=_kaunet_id(kaunet_id),
                    application_status=ApplicationStatus.IN_PROGRESS.value,
                )
            )
        row.search_text = _search_text(row)
        session.add(row)
        session.flush()
        audit.record(
            session,
            action="create",
            entity="customer",
            entity_id=row.id,
            customer_id=row.id,
            changes=audit.diff({}, asdict(clean)),
        )
        return _record_of(row)


def get_customer(db: Database, customer_id: int) -> CustomerRecord:
    with db.unit_of_work() as session:
        return _record_of(_load(session, customer_id))


def update_customer(
    db: Database, customer_id: int, draft: CustomerDraft, *, today: date | None = None
) -> SaveResult:
    """Save the form; the monthly limit is not changed here (see change_limit)."""
    clean = _checked(draft)
    today = today or date.today()
    with db.unit_of_work() as session:
        row = _load(session, customer_id)
        before = asdict(_draft_of(row))
        after = asdict(clean) | {"monthly_limit_yen": row.monthly_limit_yen}
        changes: list[ContactChangeRecord] = []
        for name in CONTACT_FIELDS:
            if before[name] != after[name]:
                change = ContactChangeRecord(today, name, before[name], after[name])
                changes.append(change)
                session.add(ContactChange(customer_id=row.id, **asdict(change)))
        for name, value in after.items():
            setattr(row, name, value)
        row.search_text = _search_text(row)
        delta = audit.diff(before, after)
        if delta:
            audit.record(
                session,
                action="update",
                entity="customer",
                entity_id=row.id,
                customer_id=row.id,
                changes=delta,
            )
        session.flush()
        return SaveResult(_record_of(row), tuple(changes))


def contact_changes(db: Database, customer_id: int) -> list[ContactChangeRecord]:
    with db.unit_of_work() as session:
        rows = session.scalars(
            select(ContactChange)
            .where(ContactChange.customer_id == customer_id)
            .order_by(ContactChange.changed_on, ContactChange.id)
        )
        return [ContactChangeRecord(r.changed_on, r.field, r.old_value, r.new_value) for r in rows]


def _set_state(db: Database, customer_id: int, **values: object) -> CustomerRecord:
    with db.unit_of_work() as session:
        row = _load(session, customer_id)
        before = {k: getattr(row, k) for k in values}
        for name, value in values.items():
            setattr(row, name, value)
        audit.record(
            session,
            action="update",
            entity="customer",
            entity_id=row.id,
            customer_id=row.id,
            changes=audit.diff(before, dict(values)),
        )
        session.flush()
        return _record_of(row)


def stop_catalogue(db: Database, customer_id: int, on: date) -> CustomerRecord:
    """Recorded after the customer asked カウネットヘルプコール to stop the catalogue (FAQ)."""
    return _set_state(db, customer_id, catalogue_stopped_on=on)


def cancel_customer(db: Database, customer_id: int, on: date) -> CustomerRecord:
    """Recorded after cancellation through KDDI まとめてオフィスサポートデスク (FAQ)."""
    return _set_state(db, customer_id, status=CustomerStatus.CANCELLED.value, cancelled_on=on)


@dataclass(frozen=True)
class LimitChangeRecord:
    changed_on: date
    old_yen: int
    new_yen: int
    reason: str


def change_limit(
    db: Database, customer_id: int, new_yen: int, reason: str, on: date
) -> LimitChangeRecord:
    """FAQ 月間購入上限金額: normally fixed after screening; an exception needs a reason."""
    if new_yen < 0:
        raise ValueError("new_yen must not be negative")
    if not normalize_text(reason):
        raise ValueError("reason is required")
    with db.unit_of_work() as session:
        row = _load(session, customer_id)
        change = LimitChangeRecord(on, row.monthly_limit_yen, new_yen, normalize_text(reason))
        session.add(LimitChange(customer_id=row.id, **asdict(change)))
        row.monthly_limit_yen = new_yen
        audit.record(
            session,
            action="update",
            entity="customer",
            entity_id=row.id,
            customer_id=row.id,
            changes={"monthly_limit_yen": [change.old_yen, new_yen]},
        )
        return change


def limit_changes(db: Database, customer_id: int) -> list[LimitChangeRecord]:
    with db.unit_of_work() as session:
        rows = session.scalars(
            select(LimitChange)
            .where(LimitChange.customer_id == customer_id)
            .order_by(LimitChange.changed_on, LimitChange.id)
        )
        return [LimitChangeRecord(r.changed_on, r.old_yen, r.new_yen, r.reason) for r in rows]


def add_kaunet_account(
    db: Database, customer_id: int, kaunet_id: str, status: str, applied_on: date | None
) -> KaunetAccountRecord:
    """An additional Kaunet ID (My KDDI Biz 総合: カウネット契約追加申込)."""
    ApplicationStatus(status)  # raises ValueError on an unknown status
    with db.unit_of_work() as session:
        row = _load(session, customer_id)
        account = KaunetAccount(
            kaunet_id=_kaunet_id(kaunet_id), application_status=status, applied_on=applied_on
        )
        row.accounts.append(account)
        row.search_text = _search_text(row)
        session.flush()
        audit.record(
            session,
            action="create",
            entity="kaunet_account",
            entity_id=account.id,
            customer_id=row.id,
            changes={"kaunet_id": [None, account.kaunet_id], "application_status": [None, status]},
        )
        return KaunetAccountRecord(account.id, account.kaunet_id, status, applied_on)


def set_application_status(db: Database, account_id: int, status: str) -> KaunetAccountRecord:
    ApplicationStatus(status)
    with db.unit_of_work() as session:
        account = session.get(KaunetAccount, account_id)
        if account is None:
            raise NotFound("kaunet_account", account_id)
        old = account.application_status
        account.application_status = status
        audit.record(
            session,
            action="update",
            entity="kaunet_account",
            entity_id=account.id,
            customer_id=account.customer_id,
            changes={"application_status": [old, status]},
        )
        return KaunetAccountRecord(account.id, account.kaunet_id, status, account.applied_on)


def kaunet_id_taken(db: Database, kaunet_id: str) -> bool:
    """True when the ID (normalised as add_kaunet_account stores it) is already registered."""
    key = _kaunet_id(kaunet_id)
    with db.unit_of_work() as session:
        found = session.scalar(select(KaunetAccount.id).where(KaunetAccount.kaunet_id == key))
        return found is not None


@dataclass(frozen=True)
class CustomerDetail:
    """Everything the お客さま form shows, read in one unit of work."""

    customer: CustomerRecord
    contact_changes: tuple[ContactChangeRecord, ...]
    limit_changes: tuple[LimitChangeRecord, ...]


def customer_detail(db: Database, customer_id: int) -> CustomerDetail:
    with db.unit_of_work() as session:
        row = _load(session, customer_id)
        contacts = session.scalars(
            select(ContactChange)
            .where(ContactChange.customer_id == customer_id)
            .order_by(ContactChange.changed_on, ContactChange.id)
        )
        limits = session.scalars(
            select(LimitChange)
            .where(LimitChange.customer_id == customer_id)
            .order_by(LimitChange.changed_on, LimitChange.id)
        )
        return CustomerDetail(
            customer=_record_of(row),
            contact_changes=tuple(
                ContactChangeRecord(c.changed_on, c.field, c.old_value, c.new_value)
                for c in contacts
            ),
            limit_changes=tuple(
                LimitChangeRecord(c.changed_on, c.old_yen, c.new_yen, c.reason) for c in limits
            ),
        )
