"""The writing side of a CSV import: ONE transaction, bulk inserts in chunks, one audit entry.

Used by kaunet_desk.transfer.importer; it knows SQL, not files. Everything an import writes
goes through one connection and one transaction, so a failure, a cancel or a killed
process leaves the ledger exactly as it was (SQLite's WAL drops an uncommitted
transaction on the next open). Speed (tech-notes.md「SQLite / SQLAlchemy」): orders go in
as tuples through the DBAPI's executemany on SQLite — what raw sqlite3 does — and as Core
inserts elsewhere; never through the ORM.

Audit (our choice): an import writes ONE audit entry, entity "import", with the counts
and the file name, instead of one entry per row: a million entries would double the
ledger, and the rows themselves are the record of what was imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, tuple_
from sqlalchemy.exc import IntegrityError

from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry, Customer, KaunetAccount, Order

# The order of the tuples insert_orders takes (transfer.order_rows builds them).
ORDER_FIELDS = (
    "customer_id", "kaunet_account_id", "order_no", "order_date", "shipped_on",
    "subtotal_10_yen", "subtotal_8_yen", "total_yen", "points_used_yen", "payment",
    "other_dealer", "dealer_name", "status",
)
_DATE_POSITIONS = (ORDER_FIELDS.index("order_date"), ORDER_FIELDS.index("shipped_on"))
# Row values per IN (…) probe: well under SQLite's 32,766 bound variables.
_PROBE_ROWS = 2_000


class ImportWriter:
    """One open import transaction. Nothing is kept unless ``commit()`` is called."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._sqlite = connection.dialect.name == "sqlite"
        columns = ", ".join(ORDER_FIELDS)
        marks = ", ".join("?" * len(ORDER_FIELDS))
        self._order_sql = f"INSERT INTO {Order.__tablename__} ({columns}) VALUES ({marks})"
        self._committed = False

    # -- what the checks need to know -------------------------------------------------
    def account_index(self) -> dict[str, tuple[int, int]]:
        """Every stored Kaunet ID → (account id, customer id)."""
        rows = self.connection.execute(
            select(KaunetAccount.kaunet_id, KaunetAccount.id, KaunetAccount.customer_id)
        )
        return {kaunet_id: (account_id, customer_id) for kaunet_id, account_id, customer_id in rows}

    def customer_keys(self) -> set[tuple[str, str]]:
        """(name, phone) of every customer, to refuse the same customer twice."""
        return {(n, p) for n, p in self.connection.execute(select(Customer.name, Customer.phone))}

    # -- writing -------------------------------------------------------------------------
    def insert_customers(self, rows: Sequence[tuple[dict[str, Any], Sequence[tuple[str, str]]]]
                         ) -> None:
        """Customers (column values) with their Kaunet IDs (kaunet_id, application status)."""
        if not rows:
            return
        table = Customer.__table__
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = self.connection.execute(statement, [values for values, _ in rows]).scalars().all()
        accounts = [
            {"customer_id": customer_id, "kaunet_id": kaunet_id, "application_status": status}
            for customer_id, (_, pairs) in zip(ids, rows, strict=True)
            for kaunet_id, status in pairs
        ]
        if accounts:
            self.connection.execute(insert(KaunetAccount.__table__), accounts)

    def insert_orders(self, rows: list[tuple]) -> list[int]:
        """Insert ``rows``; returns the positions of rows refused because the same order
        (Kaunet ID + 注文番号) is already in the ledger — those are not written.

        Optimistic: the chunk goes in under a savepoint; only when the unique constraint
        refuses it are its keys looked up and the chunk written again without them.
        """
        if not rows:
            return []
        try:
            with self.connection.begin_nested():
                self._write_orders(rows)
            return []
        except IntegrityError:
            pass
        existing = self._existing_orders([(r[1], r[2]) for r in rows])
        refused = [n for n, r in enumerate(rows) if (r[1], r[2]) in existing]
        keep = [r for n, r in enumerate(rows) if (r[1], r[2]) not in existing]
        if keep:
            with self.connection.begin_nested():
                self._write_orders(keep)  # a second refusal is a real fault: raise
        return refused

    def _write_orders(self, rows: list[tuple]) -> None:
        if self._sqlite:
            # Dates are ISO text already: SQLAlchemy's own SQLite storage format.
            self.connection.exec_driver_sql(self._order_sql, rows)
            return
        dicts = []
        for row in rows:
            values = dict(zip(ORDER_FIELDS, row, strict=True))
            for position in _DATE_POSITIONS:
                name = ORDER_FIELDS[position]
                if values[name] is not None:
                    values[name] = date.fromisoformat(values[name])
            dicts.append(values)
        self.connection.execute(insert(Order.__table__), dicts)

    def _existing_orders(self, keys: list[tuple[int, str]]) -> set[tuple[int, str]]:
        found: set[tuple[int, str]] = set()
        for start in range(0, len(keys), _PROBE_ROWS):
            probe = keys[start : start + _PROBE_ROWS]
            rows = self.connection.execute(
                select(Order.kaunet_account_id, Order.order_no).where(
                    tuple_(Order.kaunet_account_id, Order.order_no).in_(probe)
                )
            )
            found.update((account_id, order_no) for account_id, order_no in rows)
        return found

    def record(self, changes: dict[str, Any]) -> None:
        """The one audit entry of this import (entity "import", entity_id 0: no row id)."""
        entry = {
            "at": datetime.now(), "user": audit.current_user(), "action": "create",
            "entity": "import", "entity_id": 0, "customer_id": None,
            "changes": json.dumps(
                {key: [None, value] for key, value in changes.items()},
                ensure_ascii=False, sort_keys=True,
            ),
        }
        self.connection.execute(insert(AuditEntry.__table__), [entry])

    def commit(self) -> None:
        self._committed = True


@contextmanager
def import_transaction(db: Database) -> Iterator[ImportWriter]:
    """The writer of one import: committed only when the body called ``commit()`` and
    returned normally; rolled back on any exception, a cancel included."""
    with db.engine.connect() as connection:
        transaction = connection.begin()
        if connection.dialect.name == "sqlite":
            # pysqlite opens its transaction only before INSERT/UPDATE/DELETE: a SAVEPOINT
            # issued first would open one of its own, and its RELEASE would COMMIT. BEGIN
            # IMMEDIATE also takes the write lock now (waiting busy_timeout), so the reads
            # below and the writes after them see one snapshot.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        writer = ImportWriter(connection)
        try:
            yield writer
        except BaseException:
            transaction.rollback()
            raise
        if writer._committed:
            transaction.commit()
        else:
            transaction.rollback()
