"""What the customer services take and return: the form's draft and plain records.

Rules: domain.md「Customers」(FAQ カウネットの会員情報について). The fields are named as the
model's columns, so a record is copied from its row by name (record_fields.copy_fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from kaunet_desk.domain import to_katakana
from kaunet_desk.domain.customer_fields import (
    FieldProblem,
    check_customer_fields,
    normalize_phone,
    normalize_postal,
)
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store.models import Customer
from kaunet_desk.store.services.record_fields import copy_fields

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
        return replace(
            self,
            name=normalize_text(self.name),
            name_kana=to_katakana(self.name_kana),
            phone=normalize_phone(self.phone),
            email=normalize_text(self.email).lower(),
            postal_code=normalize_postal(self.postal_code),
            address=normalize_text(self.address),
            fax=normalize_phone(self.fax),
            contact_person=normalize_text(self.contact_person),
        )

    def problems(self) -> list[FieldProblem]:
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
class LimitChangeRecord:
    changed_on: date
    old_yen: int
    new_yen: int
    reason: str


@dataclass(frozen=True)
class SaveResult:
    customer: CustomerRecord
    # Non-empty when the clerk must remind the customer to call カウネットヘルプコール.
    contact_changes: tuple[ContactChangeRecord, ...] = ()


@dataclass(frozen=True)
class CustomerDetail:
    """Everything the お客さま form shows, read in one unit of work."""

    customer: CustomerRecord
    contact_changes: tuple[ContactChangeRecord, ...]
    limit_changes: tuple[LimitChangeRecord, ...]


def draft_of(row: Customer) -> CustomerDraft:
    return copy_fields(CustomerDraft, row)


def customer_record(row: Customer) -> CustomerRecord:
    return CustomerRecord(
        id=row.id,
        draft=draft_of(row),
        status=row.status,
        catalogue_stopped_on=row.catalogue_stopped_on,
        cancelled_on=row.cancelled_on,
        accounts=tuple(copy_fields(KaunetAccountRecord, a) for a in row.accounts),
    )
