"""The purchase-history table: order ids newest first, and rows a page at a time.

Rules: domain.md「Purchase history」(FAQ 購入履歴) and「Invoice」(FAQ カウネットの請求).
The table model holds only the ids ``history_ids`` returns and asks ``history_rows`` for the
rows that scroll into view, so a quarter of a million orders never load at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from kaunet_desk.domain import billing_month, history_visibility, reflection_date
from kaunet_desk.domain.enums import HistoryVisibility, OrderStatus, PaymentMethod
from kaunet_desk.domain.rates import RateTable
from kaunet_desk.domain.tax import tax_for
from kaunet_desk.domain.text import normalize_text
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, KaunetAccount, Order
from kaunet_desk.store.services.orders import ORDER_LINE_COLUMNS, OrderLine
from kaunet_desk.store.services.record_fields import field_names

# The rates order_total_yen taxes an order at; the history shows the same split.
STANDARD_PCT = 10
REDUCED_PCT = 8
# Suffix of the order number when a limit-cancelled order is re-entered paid by card.
CARD_SUFFIX = "-C"


@dataclass(frozen=True)
class HistoryRow(OrderLine):
    """A row of the table: the order, whose it is, its tax and where My KDDI Biz 総合 shows it."""

    id: int
    customer_id: int
    customer_name: str
    kaunet_id: str
    tax_10_yen: int
    tax_8_yen: int
    # Why My KDDI Biz 総合 never shows the order, or VISIBLE (FAQ 購入履歴).
    visibility: HistoryVisibility
    # The afternoon it shows on My KDDI Biz 総合; None when it never will.
    reflection_on: date | None
    # The KDDI invoice that bills it; None when it is not billed on the KDDI invoice.
    billing_month: date | None
    # The numbers that cancelled it over the monthly limit (FAQ 月間購入上限金額).
    decided_month_total_yen: int | None
    decided_limit_yen: int | None

    @property
    def tax_yen(self) -> int:
        return self.tax_10_yen + self.tax_8_yen

    @property
    def excess_yen(self) -> int | None:
        """How far the order took the month over the limit, for a limit-cancelled order."""
        if self.decided_month_total_yen is None or self.decided_limit_yen is None:
            return None
        return self.decided_month_total_yen + self.total_yen - self.decided_limit_yen


@dataclass(frozen=True)
class AccountChoice:
    id: int
    kaunet_id: str


# The columns a row is read from and, in the same order, the HistoryRow fields they fill.
_ROW_COLUMNS = (
    Order.id,
    Order.customer_id,
    Customer.name,
    KaunetAccount.kaunet_id,
    *ORDER_LINE_COLUMNS,
    Order.decided_month_total_yen,
    Order.decided_limit_yen,
)
_ROW_FIELDS = (
    "id",
    "customer_id",
    "customer_name",
    "kaunet_id",
    *field_names(OrderLine),
    "decided_month_total_yen",
    "decided_limit_yen",
)


def ids_statement(customer_id: int | None, first_day: date, last_day: date) -> Select:
    """The id query of ``history_ids`` (the benchmark and the tests read its plan).

    For one customer SQLite walks ix_orders_customer_date backwards, for all customers
    ix_orders_order_date: the index already carries the rowid, so nothing is sorted.
    """
    statement = (
        select(Order.id)
        .where(Order.order_date >= first_day, Order.order_date <= last_day)
        .order_by(Order.order_date.desc(), Order.id.desc())
    )
    if customer_id is not None:
        statement = statement.where(Order.customer_id == customer_id)
    return statement


def history_ids(
    db: Database,
    customer_id: int | None,
    first_day: date,
    last_day: date,
    *,
    limit: int | None = None,
) -> list[int]:
    """Order ids with ``first_day <= order_date <= last_day``, newest first (order date, id).

    ``limit`` gives the first rows at once (a screenful while the rest is still coming).
    """
    statement = ids_statement(customer_id, first_day, last_day)
    if limit is not None:
        statement = statement.limit(limit)
    with db.unit_of_work() as session:
        # Core execution on the session's connection: no ORM row processing for 250k ints.
        return list(session.connection().execute(statement).scalars())


def _row(values: tuple, rates: RateTable | None, memo: dict[date, date]) -> HistoryRow:
    selected: dict[str, Any] = dict(zip(_ROW_FIELDS, values, strict=True))
    selected["other_dealer"] = bool(selected["other_dealer"])
    # A cancelled order never shipped, whatever date was typed (FAQ 購入履歴: 未発送).
    shipped = selected["shipped_on"] if selected["status"] == OrderStatus.SHIPPED.value else None
    by_card = selected["payment"] == PaymentMethod.CARD.value
    visibility = history_visibility(shipped, selected["other_dealer"], by_card)
    reflection = billed = None
    if visibility is HistoryVisibility.VISIBLE:
        assert shipped is not None
        # FAQ 購入履歴: 発送された翌営業日の午後に反映.
        reflection = memo.get(shipped)
        if reflection is None:
            reflection = memo[shipped] = reflection_date(shipped, rates=rates)
        # FAQ カウネットの請求: our KDDI-invoice orders are billed 2 months after shipping —
        # the same orders My KDDI Biz 総合 shows.
        billed = billing_month(shipped)
    return HistoryRow(
        **selected,
        # Each rate's tax rounded down on its own, as order_total_yen does.
        tax_10_yen=tax_for(selected["subtotal_10_yen"], STANDARD_PCT),
        tax_8_yen=tax_for(selected["subtotal_8_yen"], REDUCED_PCT),
        visibility=visibility,
        reflection_on=reflection,
        billing_month=billed,
    )


def history_rows(
    db: Database,
    ids: list[int],
    *,
    rates: RateTable | None = None,
    memo: dict[date, date] | None = None,
) -> dict[int, HistoryRow]:
    """The rows of ``ids`` (one page), keyed by id; ids no longer in the ledger are absent.

    ``rates`` carries the office's closed days for the reflection date (load it once with
    services.rates.load_rates); the built-in calendar when omitted. ``memo`` keeps the
    reflection dates already worked out with those rates (ship date → reflection date)
    from page to page: the holiday lookups are the slow part of a page.
    """
    memo = {} if memo is None else memo
    if not ids:
        return {}
    statement = (
        select(*_ROW_COLUMNS)
        .join(Customer, Customer.id == Order.customer_id)
        .join(KaunetAccount, KaunetAccount.id == Order.kaunet_account_id)
        .where(Order.id.in_(ids))
    )
    with db.unit_of_work() as session:
        fetched = session.connection().execute(statement).all()
    return {values[0]: _row(tuple(values), rates, memo) for values in fetched}


def kaunet_accounts(db: Database, customer_id: int) -> list[AccountChoice]:
    """The customer's Kaunet IDs, for choosing the one an order was placed with."""
    with db.unit_of_work() as session:
        rows = session.execute(
            select(KaunetAccount.id, KaunetAccount.kaunet_id)
            .where(KaunetAccount.customer_id == customer_id)
            .order_by(KaunetAccount.id)
        )
        return [AccountChoice(*row) for row in rows]


def order_no_taken(db: Database, kaunet_account_id: int, order_no: str) -> bool:
    """True when the Kaunet ID has an order with this number (uq_orders_account_order_no)."""
    with db.unit_of_work() as session:
        found = session.scalar(
            select(func.count())
            .select_from(Order)
            .where(
                Order.kaunet_account_id == kaunet_account_id,
                Order.order_no == normalize_text(order_no),
            )
        )
        return bool(found)


def card_order_no(db: Database, kaunet_account_id: int, order_no: str) -> str:
    """The number for re-entering a limit-cancelled order paid by card: ``A123-C``.

    The cancelled order is kept (it explains the cancellation), so the card order needs
    another number on the same Kaunet ID; ``-C2``, ``-C3``… when the clerk retries.
    """
    base = normalize_text(order_no)
    candidate = f"{base}{CARD_SUFFIX}"
    attempt = 1
    while order_no_taken(db, kaunet_account_id, candidate):
        attempt += 1
        candidate = f"{base}{CARD_SUFFIX}{attempt}"
    return candidate
