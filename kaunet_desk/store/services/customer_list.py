"""The customers table: ids in 五十音順, search, and rows fetched a page at a time.

The table model holds only ids and asks for rows as they scroll into view, so 100,000
customers never load at once.

Search is a substring scan of the normalised haystack ``customers.search_text`` (see
services.customer_writes.search_text). On SQLite it runs over the covering index
``ix_customers_kana_search`` in 五十音順, so no sort and no table lookups; at 100,000
customers a keystroke answers in ≈20–40 ms whatever the query length. FTS5 trigram was
measured and not adopted: Debian's SQLite 3.40 returns nothing for 1- and 2-character
queries (tech-notes.md), so those need this scan anyway, and for 3+ characters FTS still
has to look up and sort every hit — slower than the scan for common words like 株式会.
``tests/bench/bench_customer_search.py`` prints both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, Select, func, select

from kaunet_desk.domain import search_key
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    name_kana: str
    kind: str
    phone: str
    fax: str
    email: str
    address: str
    monthly_limit_yen: int
    status: str
    catalogue_stopped_on: date | None = None
    cancelled_on: date | None = None


_ROW_COLUMNS = (
    Customer.id,
    Customer.name,
    Customer.name_kana,
    Customer.kind,
    Customer.phone,
    Customer.fax,
    Customer.email,
    Customer.address,
    Customer.monthly_limit_yen,
    Customer.status,
    Customer.catalogue_stopped_on,
    Customer.cancelled_on,
)


def _like_pattern(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(key: str, *, sqlite: bool) -> ColumnElement[bool]:
    """``search_text`` contains ``key`` (already a search_key).

    SQLite: instr() — a plain substring test, no LIKE escaping, and measurably cheaper per
    row than LIKE. Elsewhere (PostgreSQL): LIKE with the wildcards escaped.
    """
    if sqlite:
        return func.instr(Customer.search_text, key) > 0
    return Customer.search_text.like(_like_pattern(key), escape="\\")


def customer_ids(db: Database, query: str = "") -> list[int]:
    """Ids in フリガナ order (katakana sorts in 五十音順 by code point), filtered by ``query``.

    The query is normalised like the stored haystack (width, kana, case, hyphens), so
    「ｶﾌﾞｼｷ」, 「かぶしき」 and 「カブシキ」 find the same rows; 1- and 2-character
    queries work like longer ones.
    """
    statement = select(Customer.id).order_by(Customer.name_kana, Customer.id)
    key = search_key(query)
    if key:
        statement = statement.where(matches(key, sqlite=db.is_sqlite))
    with db.unit_of_work() as session:
        connection = session.connection()
        if db.is_sqlite:
            return _ids_through_driver(connection, statement)
        return list(connection.execute(statement).scalars())


def _ids_through_driver(connection: Connection, statement: Select[tuple[int]]) -> list[int]:
    """The same statement, run on the sqlite3 connection underneath SQLAlchemy.

    SQLAlchemy's result rows cost ≈ 0.3 µs an id on top of SQLite's own work: +16 ms for
    the 54,000 hits of 「株」 at 100,000 customers, measured, enough to push a one-character
    keystroke's p95 past 50 ms (BENCHMARKS.md). A list of ints needs none of that.
    """
    compiled = statement.compile(dialect=connection.dialect)
    parameters = [compiled.params[name] for name in compiled.positiontup or ()]
    driver = connection.connection.driver_connection
    assert driver is not None  # pysqlite always has one
    return [row[0] for row in driver.execute(str(compiled), parameters)]


def customer_rows(db: Database, ids: list[int]) -> dict[int, CustomerRow]:
    if not ids:
        return {}
    with db.unit_of_work() as session:
        result = session.execute(select(*_ROW_COLUMNS).where(Customer.id.in_(ids)))
        return {row.id: CustomerRow(*row) for row in result}


def count_customers(db: Database) -> int:
    with db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Customer)) or 0
