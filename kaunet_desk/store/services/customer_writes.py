"""What every unit of work on a customer's rows does: load the customer (or NotFound), keep
its search text in step with its names, phones and Kaunet IDs, and file an audit entry.

Shared by services.customers and services.kaunet_accounts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kaunet_desk.domain import search_key
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store import audit
from kaunet_desk.store.models import Customer, KaunetAccount
from kaunet_desk.store.services.errors import NotFound


def load_customer(session: Session, customer_id: int) -> Customer:
    row = session.get(Customer, customer_id)
    if row is None:
        raise NotFound("customer", customer_id)
    return row


def normalize_kaunet_id(text: str) -> str:
    """Kaunet IDs are codes (K + digits): any width, any case → one spelling (our choice),
    so the unique constraint catches 「ｋ１２３」 typed for 「K123」."""
    return normalize_text(text).upper()


def search_text(row: Customer) -> str:
    """The haystack of the incremental search (customer_list): name, フリガナ, phone, FAX,
    email and every Kaunet ID, each as domain.search_key spells it."""
    pieces = [row.name, row.name_kana, row.phone, row.fax, row.email]
    pieces += [a.kaunet_id for a in row.accounts]
    return " ".join(search_key(p) for p in pieces if p)


def audit_change(
    session: Session,
    action: str,
    row: Customer | KaunetAccount,
    changes: dict[str, list[Any]],
) -> None:
    """An audit entry for ``row`` (store.audit), filed under the customer it concerns."""
    if isinstance(row, Customer):
        entity, customer_id = "customer", row.id
    else:
        entity, customer_id = "kaunet_account", row.customer_id
    audit.record(
        session,
        action=action,
        entity=entity,
        entity_id=row.id,
        customer_id=customer_id,
        changes=changes,
    )
