"""The customers table: ids in 五十音順, search, and rows fetched a page at a time.

The table model holds only ids and asks for rows as they scroll into view, so 100,000
customers never load at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

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
)


def _like_pattern(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def customer_ids(db: Database, query: str = "") -> list[int]:
    """Ids in フリガナ order (katakana sorts in 五十音順 by code point), filtered by ``query``.

    The query is normalised like the stored haystack (width, kana, case, hyphens), so
    「ｶﾌﾞｼｷ」, 「かぶしき」 and 「カブシキ」 find the same rows.
    """
    statement = select(Customer.id).order_by(Customer.name_kana, Customer.id)
    key = search_key(query)
    if key:
        statement = statement.where(Customer.search_text.like(_like_pattern(key), escape="\\"))
    with db.unit_of_work() as session:
        return list(session.scalars(statement))


def customer_rows(db: Database, ids: list[int]) -> dict[int, CustomerRow]:
    if not ids:
        return {}
    with db.unit_of_work() as session:
        result = session.execute(select(*_ROW_COLUMNS).where(Customer.id.in_(ids)))
        return {row.id: CustomerRow(*row) for row in result}


def count_customers(db: Database) -> int:
    with db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Customer)) or 0
