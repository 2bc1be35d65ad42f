"""The Kaunet IDs a customer holds (FAQ: カウネット契約追加申込), as units of work.

A customer may hold several; each carries the state of its application, whose three
unfinished states are the FAQ's causes of a missing 「KDDI まとめてオフィス」 icon.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kaunet_desk.domain.enums import ApplicationStatus
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import KaunetAccount
from kaunet_desk.store.services.customer_records import KaunetAccountRecord
from kaunet_desk.store.services.customer_writes import (
    audit_change,
    load_customer,
    normalize_kaunet_id,
    search_text,
)
from kaunet_desk.store.services.errors import NotFound
from kaunet_desk.store.services.record_fields import copy_fields


def add_kaunet_account(
    db: Database, customer_id: int, kaunet_id: str, status: str, applied_on: date | None
) -> KaunetAccountRecord:
    """An additional Kaunet ID (My KDDI Biz 総合: カウネット契約追加申込)."""
    ApplicationStatus(status)  # raises ValueError on an unknown status
    with db.unit_of_work() as session:
        row = load_customer(session, customer_id)
        account = KaunetAccount(
            kaunet_id=normalize_kaunet_id(kaunet_id),
            application_status=status,
            applied_on=applied_on,
        )
        row.accounts.append(account)
        row.search_text = search_text(row)
        session.flush()
        audit_change(
            session,
            "create",
            account,
            {"kaunet_id": [None, account.kaunet_id], "application_status": [None, status]},
        )
        return copy_fields(KaunetAccountRecord, account)


def set_application_status(db: Database, account_id: int, status: str) -> KaunetAccountRecord:
    ApplicationStatus(status)
    with db.unit_of_work() as session:
        account = session.get(KaunetAccount, account_id)
        if account is None:
            raise NotFound("kaunet_account", account_id)
        old = account.application_status
        account.application_status = status
        audit_change(session, "update", account, {"application_status": [old, status]})
        return copy_fields(KaunetAccountRecord, account)


def kaunet_id_taken(db: Database, kaunet_id: str) -> bool:
    """True when the ID (normalised as add_kaunet_account stores it) is already registered."""
    key = normalize_kaunet_id(kaunet_id)
    with db.unit_of_work() as session:
        found = session.scalar(select(KaunetAccount.id).where(KaunetAccount.kaunet_id == key))
        return found is not None
