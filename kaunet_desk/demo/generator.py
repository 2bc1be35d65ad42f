"""The demo build: a realistic, deterministic ledger written with bulk Core inserts.

Speed (tech-notes.md, SQLite / SQLAlchemy): `session.add_all` is ≈ 50× slower than Core
`connection.execute(insert(table), dicts)`, so every row goes through buffered Core
inserts in chunks, all inside one transaction. Ids are ours (sequential from 1), so child
rows name their parents without a round trip; on PostgreSQL the id sequences are moved past
them at the end. Orders are streamed customer by customer: memory stays bounded.

Determinism: everything random comes from one `random.Random(seed)` consumed in a fixed
order, and nothing reads the clock except the `today` default — same seed and today, same
rows, timestamps included.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import Connection, Table, func, insert, select, text

from kaunet_desk.demo import postal
from kaunet_desk.demo.billing import BillingMaker
from kaunet_desk.demo.customers import Buyer, CustomerMaker
from kaunet_desk.demo.orders import OrderCalendar, OrderMaker
from kaunet_desk.store import models as _models  # noqa: F401  (registers every table)
from kaunet_desk.store.base import Base
from kaunet_desk.store.database import Database

Progress = Callable[[str, int, int], None]

# Parents before children: a flush writes the buffers in this order, so foreign keys hold
# at every statement (SQLite checks them immediately).
TABLES = (
    "customers",
    "kaunet_accounts",
    "limit_changes",
    "contact_changes",
    "dealer_change_requests",
    "orders",
    "invoices",
    "payments",
    "combined_billing_facts",
)
CHUNK_ROWS = 20_000
_PROGRESS_STEP = 5_000


class DemoDataError(RuntimeError):
    """The target database cannot take the demo (it already holds customers)."""


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    today: date
    customers: int
    kaunet_accounts: int
    limit_changes: int
    contact_changes: int
    dealer_change_requests: int
    orders: int
    invoices: int
    payments: int
    combined_billing_facts: int
    over_limit_orders: int
    seconds: float

    @property
    def counts(self) -> dict[str, int]:
        """Rows written per table."""
        values = asdict(self)
        return {table: values[table] for table in TABLES}


class _BulkWriter:
    """Buffers rows per table and writes them with executemany-style Core inserts."""

    def __init__(self, connection: Connection, chunk_rows: int = CHUNK_ROWS) -> None:
        self.connection = connection
        self.chunk_rows = chunk_rows
        self.tables: dict[str, Table] = {name: Base.metadata.tables[name] for name in TABLES}
        self.buffers: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES}
        self.counts: dict[str, int] = dict.fromkeys(TABLES, 0)

    def add(self, table: str, row: dict[str, object]) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        for name in TABLES:
            buffer = self.buffers[name]
            if not buffer:
                continue
            table = self.tables[name]
            self.connection.execute(insert(table), buffer)
            self.counts[name] += len(buffer)
            buffer.clear()


def _allocate(rng: random.Random, buyers: list[Buyer], firsts: list[int], orders: int) -> list[int]:
    """How many orders each buyer places: proportional to activity × months as a customer.

    Largest-remainder rounding, so the counts add up to exactly `orders`.
    """
    weights: list[float] = []
    for buyer, first in zip(buyers, firsts, strict=True):
        span = buyer.last_ord - first + 1
        if not buyer.accounts or span <= 0:
            weights.append(0.0)
            continue
        activity = rng.lognormvariate(0.0, 0.8)
        if buyer.heavy:
            activity *= 4.0
        weights.append(activity * span)
    total = sum(weights)
    if total <= 0 or orders <= 0:
        return [0] * len(buyers)
    shares = [orders * w / total for w in weights]
    counts = [int(s) for s in shares]
    left = orders - sum(counts)
    by_remainder = sorted(range(len(buyers)), key=lambda i: (counts[i] - shares[i], i))
    for i in by_remainder[:left]:
        counts[i] += 1
    return counts


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL: we wrote the ids ourselves, so move each id sequence past them."""
    for name in TABLES:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 1))"
            )
        )


def build_demo(
    db: Database,
    *,
    customers: int = 2000,
    orders: int = 20000,
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty ledger with `customers` customers and `orders` orders.

    Raises DemoDataError when the database already has customers: the demo's ids start at
    1 and its rows are only meaningful together.
    """
    if customers < 0 or orders < 0:
        raise ValueError("customers and orders must not be negative")
    started = time.perf_counter()
    today = today or date.today()
    rng = random.Random(seed)
    report: Progress = progress or (lambda _stage, _done, _total: None)
    customers_table = Base.metadata.tables["customers"]

    with db.engine.begin() as connection:
        if connection.execute(select(func.count()).select_from(customers_table)).scalar():
            raise DemoDataError("the database already holds customers; use an empty one")
        writer = _BulkWriter(connection)

        pool = postal.load_pool(rng) if customers else []
        maker = CustomerMaker(rng, today, pool, writer.add)
        buyers: list[Buyer] = []
        report("customers", 0, customers)
        for index in range(customers):
            buyers.append(maker.make(index))
            if (index + 1) % _PROGRESS_STEP == 0:
                report("customers", index + 1, customers)
        writer.flush()
        report("customers", customers, customers)

        order_maker = OrderMaker(rng, OrderCalendar.for_today(today), writer.add)
        billing = BillingMaker(rng, today, writer.add)
        firsts = [order_maker.first_ord(b) if b.accounts else b.last_ord + 1 for b in buyers]
        counts = _allocate(rng, buyers, firsts, orders)
        report("orders", 0, orders)
        next_report = _PROGRESS_STEP * 4
        for buyer, count in zip(buyers, counts, strict=True):
            billed = billing.wants(buyer)
            if buyer.accounts:
                order_maker.make(buyer, count, billed)
            if billed is not None:
                billing.make(buyer, billed)
            if order_maker.next_id >= next_report:
                report("orders", order_maker.next_id, orders)
                next_report += _PROGRESS_STEP * 4
        writer.flush()
        report("orders", order_maker.next_id, orders)

        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)

    return DemoSummary(
        seed=seed,
        today=today,
        **writer.counts,
        over_limit_orders=order_maker.tally.over_limit,
        seconds=round(time.perf_counter() - started, 3),
    )
