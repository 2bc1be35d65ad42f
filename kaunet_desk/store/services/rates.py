"""The dated rate table: the seed's defaults plus what the office entered with dates."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kaunet_desk.domain import DEFAULT_RATES, RateEntry, RateTable, parse_rate_value
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import RateRow


def load_rates(db: Database) -> RateTable:
    with db.unit_of_work() as session:
        rows = session.scalars(select(RateRow).order_by(RateRow.key, RateRow.effective_from))
        entries = [
            RateEntry(r.key, r.effective_from, parse_rate_value(r.key, r.value)) for r in rows
        ]
    return DEFAULT_RATES.with_entries(entries)


def add_rate(db: Database, key: str, effective_from: date, value: str) -> RateEntry:
    """A revised fee or rate from a date on; the old value stays in force before it."""
    parsed = parse_rate_value(key, value)
    with db.unit_of_work() as session:
        row = RateRow(key=key, effective_from=effective_from, value=str(parsed))
        session.add(row)
        session.flush()
        audit.record(
            session,
            action="create",
            entity="rate",
            entity_id=row.id,
            customer_id=None,
            changes={"key": [None, key], "effective_from": [None, effective_from.isoformat()],
                     "value": [None, str(parsed)]},
        )
    return RateEntry(key, effective_from, parsed)
