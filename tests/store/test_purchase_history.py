"""The purchase-history service (FAQ 購入履歴): ids in the window, rows with what they mean."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk.domain import billing_month, history_window, reflection_date
from kaunet_desk.domain.enums import (
    CustomerKind,
    HistoryVisibility,
    InvoicePaymentMethod,
    OrderStatus,
    PaymentMethod,
)
from kaunet_desk.domain.rates import CALENDAR_CLOSED_DAYS
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as customer_service
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.store.services.purchase_history import (
    card_order_no,
    history_ids,
    history_rows,
    ids_statement,
    kaunet_accounts,
    order_no_taken,
)
from kaunet_desk.store.services.rates import add_rate, load_rates

TODAY = date(2026, 11, 20)  # a Friday


def make_customer(
    db: Database, name: str, kaunet_id: str, limit: int = 1_000_000
) -> tuple[int, int]:
    """(customer id, Kaunet account id)."""
    record = customer_service.create_customer(
        db,
        customer_service.CustomerDraft(
            name=name, name_kana="テスト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=limit,
            phone="0312345678", email=f"{kaunet_id.lower()}@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


def enter(db: Database, account: int, no: str, ordered: date, **kw: object) -> int:
    values: dict[str, object] = {
        "kaunet_account_id": account, "order_no": no, "order_date": ordered,
        "subtotal_10_yen": 1000, "subtotal_8_yen": 0,
    }
    values.update(kw)
    return enter_order(db, OrderDraft(**values)).order.id  # type: ignore[arg-type]


@pytest.fixture
def customers(db: Database) -> tuple[tuple[int, int], tuple[int, int]]:
    return make_customer(db, "株式会社イチ", "K1"), make_customer(db, "株式会社ニ", "K2")


@pytest.fixture
def accounts(customers: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, int]:
    return customers[0][1], customers[1][1]


def test_ids_cover_the_six_month_window_newest_first(
    db: Database, accounts: tuple[int, int]
) -> None:
    one, two = accounts
    before = enter(db, one, "OLD", date(2026, 5, 31))  # the day before the window
    first_day = enter(db, one, "JUN", date(2026, 6, 1))
    same_day_a = enter(db, two, "A", date(2026, 11, 20))
    same_day_b = enter(db, one, "B", date(2026, 11, 20))
    mid = enter(db, two, "SEP", date(2026, 9, 18))
    start, end = history_window(TODAY)
    assert (start, end) == (date(2026, 6, 1), TODAY)  # by hand: this month and five before

    ids = history_ids(db, None, start, end)

    # Newest order date first; the later-entered order first on the same day.
    assert ids == [same_day_b, same_day_a, mid, first_day]
    assert before not in ids


def test_ids_of_one_customer_only(
    db: Database, customers: tuple[tuple[int, int], tuple[int, int]]
) -> None:
    (customer_id, one), (_other, two) = customers
    mine = [enter(db, one, f"M{i}", date(2026, 10, i)) for i in range(1, 4)]
    enter(db, two, "OTHER", date(2026, 10, 2))

    assert history_ids(db, customer_id, *history_window(TODAY)) == list(reversed(mine))


@pytest.mark.parametrize(
    ("customer_id", "index"), [(7, "ix_orders_customer_date"), (None, "ix_orders_order_date")]
)
def test_id_query_walks_its_index_without_sorting(
    db: Database, customer_id: int | None, index: str
) -> None:
    if not db.is_sqlite:
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by its statistics")
    statement = ids_statement(customer_id, date(2026, 6, 1), TODAY)
    compiled = statement.compile(dialect=db.engine.dialect)
    params = tuple(
        value.isoformat() if isinstance(value, date) else value
        for value in (compiled.params[key] for key in compiled.positiontup or ())
    )
    with db.engine.connect() as connection:
        plan = " ".join(
            str(row[-1])
            for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)
        )
    assert index in plan
    assert "TEMP B-TREE" not in plan  # the index order is the display order


def test_reflection_and_billing_month_after_a_friday_before_holidays(
    db: Database, accounts: tuple[int, int]
) -> None:
    one, _two = accounts
    # Shipped Friday 2026-09-18; Sat, Sun, 敬老の日 (9/21), 国民の休日 (9/22) and
    # 秋分の日 (9/23) follow: it shows on Thursday 9/24, billed on the November invoice.
    friday = enter(db, one, "F", date(2026, 9, 17), shipped_on=date(2026, 9, 18))
    # Shipped Monday 11/2, the 3rd is 文化の日: shows Wednesday 11/4, billed in January.
    monday = enter(db, one, "M", date(2026, 11, 1), shipped_on=date(2026, 11, 2))

    rows = history_rows(db, [friday, monday])

    assert rows[friday].reflection_on == date(2026, 9, 24)
    assert rows[friday].reflection_on == reflection_date(date(2026, 9, 18))
    assert rows[friday].billing_month == date(2026, 11, 1) == billing_month(date(2026, 9, 18))
    assert rows[monday].reflection_on == date(2026, 11, 4)
    assert rows[monday].billing_month == date(2027, 1, 1)


def test_office_closed_days_move_the_reflection_date(
    db: Database, accounts: tuple[int, int]
) -> None:
    one, _two = accounts
    order = enter(db, one, "F", date(2026, 9, 17), shipped_on=date(2026, 9, 18))
    add_rate(db, CALENDAR_CLOSED_DAYS, date(2026, 1, 1),
             "12-29,12-30,12-31,01-01,01-02,01-03,09-24")

    row = history_rows(db, [order], rates=load_rates(db))[order]

    assert row.reflection_on == date(2026, 9, 25)


def test_rows_that_never_show_say_why_and_have_no_dates(
    db: Database, accounts: tuple[int, int]
) -> None:
    one, _two = accounts
    shipped = date(2026, 10, 6)
    not_shipped = enter(db, one, "N", date(2026, 10, 5))
    other = enter(db, one, "O", date(2026, 10, 5), shipped_on=shipped, other_dealer=True,
                  dealer_name="ミナミ事務機")
    card = enter(db, one, "C", date(2026, 10, 5), shipped_on=shipped,
                 payment=PaymentMethod.CARD.value)
    visible = enter(db, one, "V", date(2026, 10, 5), shipped_on=shipped)

    rows = history_rows(db, [not_shipped, other, card, visible])

    assert rows[not_shipped].visibility is HistoryVisibility.NOT_SHIPPED
    assert rows[other].visibility is HistoryVisibility.OTHER_DEALER
    assert rows[other].dealer_name == "ミナミ事務機"
    assert rows[card].visibility is HistoryVisibility.CARD
    assert rows[visible].visibility is HistoryVisibility.VISIBLE
    for never in (not_shipped, other, card):
        assert rows[never].reflection_on is None
        assert rows[never].billing_month is None
    assert rows[visible].reflection_on == date(2026, 10, 7)


def test_tax_is_rounded_down_per_rate(db: Database, accounts: tuple[int, int]) -> None:
    one, _two = accounts
    order = enter(db, one, "T", date(2026, 10, 5), subtotal_10_yen=1999, subtotal_8_yen=1001)

    row = history_rows(db, [order])[order]

    # 1,999 × 10 % = 199.9 → 199; 1,001 × 8 % = 80.08 → 80 (by hand).
    assert (row.tax_10_yen, row.tax_8_yen, row.tax_yen) == (199, 80, 279)
    assert row.total_yen == 1999 + 199 + 1001 + 80


def test_limit_cancelled_row_keeps_the_deciding_numbers(db: Database) -> None:
    _customer, account = make_customer(db, "株式会社サン", "K3", limit=10_000)
    enter(db, account, "A", date(2026, 11, 5), subtotal_10_yen=5000)  # 5,500
    over = enter(db, account, "B", date(2026, 11, 6), subtotal_10_yen=4000,
                 subtotal_8_yen=500)  # 4,400 + 540 = 4,940 → 10,440

    row = history_rows(db, [over])[over]

    assert row.status == OrderStatus.CANCELLED_OVER_LIMIT.value
    assert (row.decided_month_total_yen, row.decided_limit_yen) == (5500, 10_000)
    assert row.excess_yen == 440
    assert row.visibility is HistoryVisibility.NOT_SHIPPED


def test_missing_ids_are_left_out(db: Database, accounts: tuple[int, int]) -> None:
    one, _two = accounts
    order = enter(db, one, "X", date(2026, 10, 5))
    assert set(history_rows(db, [order, 999_999])) == {order}
    assert history_rows(db, []) == {}


def test_card_order_number_is_suffixed_until_free(
    db: Database, accounts: tuple[int, int]
) -> None:
    one, _two = accounts
    enter(db, one, "A1", date(2026, 10, 5))
    assert order_no_taken(db, one, "A1")
    assert order_no_taken(db, one, "Ａ１")  # typed full-width, stored normalised
    assert card_order_no(db, one, "A1") == "A1-C"
    enter(db, one, "A1-C", date(2026, 10, 5))
    assert card_order_no(db, one, "A1") == "A1-C2"


def test_kaunet_accounts_of_a_customer(
    db: Database, customers: tuple[tuple[int, int], tuple[int, int]]
) -> None:
    (customer_id, account), _second = customers
    choices = kaunet_accounts(db, customer_id)
    assert [(c.id, c.kaunet_id) for c in choices] == [(account, "K1")]
