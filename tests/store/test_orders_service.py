"""Entering orders applies the monthly limit at once (FAQ 月間購入上限金額)."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk.domain import order_total_yen
from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, OrderStatus, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.errors import Duplicate
from kaunet_desk.store.services.orders import OrderDraft, enter_order, month_total


@pytest.fixture
def account_id(db: Database) -> int:
    record = svc.create_customer(
        db,
        svc.CustomerDraft(
            name="合同会社テスト", name_kana="テスト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.POSTAL_CONVENI.value, monthly_limit_yen=10_000,
            phone="0312345678", email="t@example.jp",
        ),
        ["K1"],
    )
    return record.accounts[0].id


def order(account_id: int, no: str, subtotal: int, **kw: object) -> OrderDraft:
    values: dict[str, object] = {
        "kaunet_account_id": account_id, "order_no": no, "order_date": date(2026, 11, 5),
        "subtotal_10_yen": subtotal, "subtotal_8_yen": 0,
    }
    values.update(kw)
    return OrderDraft(**values)  # type: ignore[arg-type]


def test_exactly_reaching_the_limit_is_accepted_one_yen_more_is_cancelled(
    db: Database, account_id: int
) -> None:
    first = enter_order(db, order(account_id, "A1", 5000))  # 5,500 with tax
    assert first.decision == "accept"
    assert first.order.total_yen == order_total_yen(5000, 0)
    second = enter_order(db, order(account_id, "A2", 4090))  # 4,499 → 9,999
    assert second.decision == "accept"
    third = enter_order(db, order(account_id, "A3", 1))  # 1 → 10,000 exactly
    assert third.decision == "accept"
    assert month_total(db, first.order.customer_id, date(2026, 11, 1)) == 10_000
    over = enter_order(db, order(account_id, "A4", 1))
    assert over.decision == "cancel_over_limit"
    assert over.order.status == OrderStatus.CANCELLED_OVER_LIMIT.value
    assert (over.order.decided_month_total_yen, over.order.decided_limit_yen) == (10_000, 10_000)
    # The cancelled order does not count.
    assert month_total(db, first.order.customer_id, date(2026, 11, 30)) == 10_000


def test_card_orders_neither_count_nor_get_cancelled(db: Database, account_id: int) -> None:
    enter_order(db, order(account_id, "B1", 9000))
    card = enter_order(db, order(account_id, "B2", 50_000, payment=PaymentMethod.CARD.value))
    assert card.decision == "accept"
    assert card.order.status == OrderStatus.ORDERED.value
    assert month_total(db, card.order.customer_id, date(2026, 11, 1)) == order_total_yen(9000, 0)


def test_next_month_starts_from_zero(db: Database, account_id: int) -> None:
    enter_order(db, order(account_id, "C1", 9000))
    december = enter_order(db, order(account_id, "C2", 9000, order_date=date(2026, 12, 1)))
    assert december.decision == "accept"
    assert december.month_total_before_yen == 0


def test_order_number_unique_per_account(db: Database, account_id: int) -> None:
    enter_order(db, order(account_id, "D1", 100))
    with pytest.raises(Duplicate):
        enter_order(db, order(account_id, "D1", 100))
