"""Reading the audit log: who changed what, when, old → new (written by store.audit).

The 変更履歴 dialog lists entries newest first, filtered by customer, date range and kind.
Like the other big tables it holds ids only (``entry_ids``) and reads rows a page at a time
(``entry_rows``); ``entries`` is the same read as plain offset paging.

Kinds are not stored: they follow from the entity and the action. A monthly-limit change is
written by customers.change_limit as an update of the customer whose only change is
``monthly_limit_yen`` (FAQ 月間購入上限金額: changed only as a recorded exception), so 上限 is
told apart from other customer edits by that key. An import run writes one entry with
entity ``import`` (services.bulk_import). ``kind_of`` (Python) and ``kind_condition`` (SQL)
say the same thing; a test holds them together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, not_, select

from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry, Customer
from kaunet_desk.store.services.dealer_change import ENTITY as DEALER_CHANGE_ENTITY

IMPORT = "import"
LIMIT_FIELD = "monthly_limit_yen"
# How json.dumps (store.audit.record) writes the key: a quoted name, then ": ".
_LIMIT_KEY_TEXT = f'"{LIMIT_FIELD}": '
PAGE_SIZE = 200


class AuditKind(StrEnum):
    CUSTOMER = "customer"
    KAUNET_ACCOUNT = "kaunet_account"
    ORDER = "order"
    LIMIT = "limit"
    DEALER_CHANGE = "dealer_change"
    RATE = "rate"
    IMPORT = "import"
    OTHER = "other"  # an entity this version does not know (a newer app wrote it)


_ENTITY_KIND = {
    "customer": AuditKind.CUSTOMER,
    "kaunet_account": AuditKind.KAUNET_ACCOUNT,
    "order": AuditKind.ORDER,
    DEALER_CHANGE_ENTITY: AuditKind.DEALER_CHANGE,
    "rate": AuditKind.RATE,
}


@dataclass(frozen=True)
class AuditFilter:
    customer_id: int | None = None
    date_from: date | None = None  # inclusive
    date_to: date | None = None  # inclusive: the whole day
    kind: AuditKind | None = None


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any  # a JSON value: str, int, float, bool or None (dates as ISO text)
    new: Any


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int
    customer_id: int | None
    customer_name: str  # "" when there is no customer or it no longer exists
    changes: tuple[FieldChange, ...]
    kind: AuditKind


def decode_changes(text: str) -> tuple[FieldChange, ...]:
    """``{"field": [old, new], …}`` → FieldChanges in the stored (sorted) order.

    Anything else (hand-edited or from a future version) is kept visible, not dropped.
    """
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return (FieldChange("", None, text),)
    if not isinstance(data, dict):
        return (FieldChange("", None, data),)
    changes = []
    for name, value in data.items():
        if isinstance(value, list) and len(value) == 2:
            changes.append(FieldChange(str(name), value[0], value[1]))
        else:
            changes.append(FieldChange(str(name), None, value))
    return tuple(changes)


def kind_of(entity: str, action: str, fields: Sequence[str]) -> AuditKind:
    if entity == IMPORT:
        return AuditKind.IMPORT
    if entity == "customer" and action == "update" and LIMIT_FIELD in fields:
        return AuditKind.LIMIT
    return _ENTITY_KIND.get(entity, AuditKind.OTHER)


def _is_limit() -> ColumnElement[bool]:
    return and_(
        AuditEntry.entity == "customer",
        AuditEntry.action == "update",
        AuditEntry.changes.contains(_LIMIT_KEY_TEXT, autoescape=True),
    )


def kind_condition(kind: AuditKind) -> ColumnElement[bool]:
    if kind is AuditKind.IMPORT:
        return AuditEntry.entity == IMPORT
    if kind is AuditKind.LIMIT:
        return _is_limit()
    if kind is AuditKind.OTHER:
        return AuditEntry.entity.not_in([*_ENTITY_KIND, IMPORT])
    entities = [entity for entity, mapped in _ENTITY_KIND.items() if mapped is kind]
    condition = AuditEntry.entity.in_(entities)
    if kind is AuditKind.CUSTOMER:
        condition = and_(condition, not_(_is_limit()))
    return condition


def _filtered(statement: Select[Any], where: AuditFilter) -> Select[Any]:
    if where.customer_id is not None:
        statement = statement.where(AuditEntry.customer_id == where.customer_id)
    if where.date_from is not None:
        statement = statement.where(AuditEntry.at >= datetime.combine(where.date_from, time.min))
    if where.date_to is not None:
        day_after = datetime.combine(where.date_to + timedelta(days=1), time.min)
        statement = statement.where(AuditEntry.at < day_after)
    if where.kind is not None:
        statement = statement.where(kind_condition(where.kind))
    # Newest first; entries written in the same instant keep the order they were written in.
    return statement.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


_ROW_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.user,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.customer_id,
    Customer.name,
    AuditEntry.changes,
)


def _rows(where: AuditFilter | None = None) -> Select[Any]:
    statement = select(*_ROW_COLUMNS).outerjoin(Customer, Customer.id == AuditEntry.customer_id)
    return statement if where is None else _filtered(statement, where)


def _record(row: Any) -> AuditRecord:
    changes = decode_changes(row.changes)
    return AuditRecord(
        id=row.id,
        at=row.at,
        user=row.user,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        customer_id=row.customer_id,
        customer_name=row.name or "",
        changes=changes,
        kind=kind_of(row.entity, row.action, [c.field for c in changes]),
    )


def entry_ids(db: Database, where: AuditFilter = AuditFilter()) -> list[int]:
    """Ids of the matching entries, newest first (what the dialog's table model holds)."""
    with db.unit_of_work() as session:
        statement = _filtered(select(AuditEntry.id), where)
        return list(session.connection().execute(statement).scalars())


def entry_rows(db: Database, ids: Sequence[int]) -> dict[int, AuditRecord]:
    """The entries with these ids (one page of the table); vanished ids are left out."""
    if not ids:
        return {}
    with db.unit_of_work() as session:
        result = session.execute(_rows().where(AuditEntry.id.in_(list(ids))))
        return {row.id: _record(row) for row in result}


def entries(
    db: Database,
    where: AuditFilter = AuditFilter(),
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[AuditRecord]:
    """One page of the matching entries, newest first."""
    with db.unit_of_work() as session:
        result = session.execute(_rows(where).offset(offset).limit(limit))
        return [_record(row) for row in result]


def iter_records(
    db: Database, ids: Sequence[int], batch: int = 500
) -> Iterator[AuditRecord]:
    """The entries of ``ids`` in that order, read ``batch`` at a time (the CSV export)."""
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = entry_rows(db, chunk)
        yield from (rows[i] for i in chunk if i in rows)
