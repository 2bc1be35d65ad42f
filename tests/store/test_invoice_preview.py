"""The invoice preview against the domain functions, on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk.domain import (
    combined_billing_rebate,
    invoice_tax,
    late_interest,
    slip_fee,
)
from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, PaymentMethod
from kaunet_desk.domain.invoice_preview import POINTS_LABEL
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import CombinedBillingFacts, Invoice, Payment
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services import invoice_preview as preview_service
from kaunet_desk.store.services.invoice_preview import invoice_preview, invoice_previews
from kaunet_desk.store.services.orders import OrderDraft, enter_order


def _customer(db: Database, kind: str, kaunet_id: str = "K9") -> tuple[int, int]:
    record = svc.create_customer(
        db,
        svc.CustomerDraft(
            name="鈴木商店", name_kana="スズキショウテン", kind=kind,
            invoice_payment=InvoicePaymentMethod.POSTAL_CONVENI.value,
            monthly_limit_yen=1_000_000, phone="0312345678", email="s@example.jp",
        ),
        [kaunet_id],
    )
    return record.id, record.accounts[0].id


def test_september_shipments_on_the_november_invoice(db: Database) -> None:
    customer_id, account = _customer(db, CustomerKind.SOLE_PROPRIETOR.value)
    shipped = [
        ("S1", date(2026, 9, 1), 1999, 999, 300),
        ("S2", date(2026, 9, 30), 5001, 0, 0),
    ]
    for no, ship, s10, s8, points in shipped:
        enter_order(db, OrderDraft(account, no, ship, s10, s8, shipped_on=ship,
                                   points_used_yen=points))
    # Not on this invoice: shipped in October, paid by card, another dealer, unshipped.
    enter_order(db, OrderDraft(account, "X1", date(2026, 10, 1), 100, 0,
                               shipped_on=date(2026, 10, 1)))
    enter_order(db, OrderDraft(account, "X2", date(2026, 9, 2), 100, 0,
                               shipped_on=date(2026, 9, 3), payment=PaymentMethod.CARD.value))
    enter_order(db, OrderDraft(account, "X3", date(2026, 9, 2), 100, 0,
                               shipped_on=date(2026, 9, 3), other_dealer=True))
    enter_order(db, OrderDraft(account, "X4", date(2026, 9, 2), 100, 0))
    with db.unit_of_work() as session:
        session.add(Invoice(customer_id=customer_id, billing_month=date(2026, 11, 1),
                            due_on=date(2026, 11, 30), amount_yen=0, slips_issued=2))
        session.add(CombinedBillingFacts(customer_id=customer_id,
                                         billing_month=date(2026, 11, 1),
                                         mobile_charges=True, matome_line_fee=True))
        # October's invoice, due 10-31, paid 11-20: late beyond the grace period.
        october = Invoice(customer_id=customer_id, billing_month=date(2026, 10, 1),
                          due_on=date(2026, 9, 30), amount_yen=50_000)
        session.add(october)
        session.flush()
        session.add(Payment(invoice_id=october.id, paid_on=date(2026, 10, 20),
                            amount_yen=50_000))

    preview = invoice_preview(db, customer_id, date(2026, 11, 15), today=date(2026, 11, 22))

    assert preview.period == (date(2026, 9, 1), date(2026, 9, 30))
    assert [p.order_no for p in preview.purchases] == ["S1", "S2"]
    fees = 2 * slip_fee(False, False, on=date(2026, 11, 1))
    rebate = combined_billing_rebate(True, True, False, on=date(2026, 11, 1))
    expected_subtotals = {10: 1999 + 5001 + fees - rebate, 8: 999}
    assert preview.subtotals == expected_subtotals
    assert preview.taxes == invoice_tax(expected_subtotals, on=date(2026, 11, 1))
    assert preview.points_yen == 300
    interest = late_interest(50_000, date(2026, 9, 30), date(2026, 10, 20))
    assert interest > 0
    assert preview.late_interest_yen == interest
    assert preview.total_yen == (
        sum(expected_subtotals.values()) + sum(preview.taxes.values()) - 300 + interest
    )
    assert POINTS_LABEL == "ポイント de ショッピングご利用分一式"


def test_corporate_customer_pays_no_fees_and_no_combined_billing_no_rebate(
    db: Database,
) -> None:
    customer_id, _ = _customer(db, CustomerKind.CORPORATE.value)
    record = svc.get_customer(db, customer_id)
    svc.update_customer(db, customer_id, record.draft.__class__(
        **{**record.draft.__dict__, "combined_billing": False}))
    with db.unit_of_work() as session:
        session.add(Invoice(customer_id=customer_id, billing_month=date(2026, 11, 1),
                            due_on=date(2026, 11, 30), amount_yen=0, slips_issued=1,
                            counter_requests=1))
        session.add(CombinedBillingFacts(customer_id=customer_id,
                                         billing_month=date(2026, 11, 1),
                                         mobile_charges=True, matome_line_fee=True))
    preview = invoice_preview(db, customer_id, date(2026, 11, 1))
    assert preview.charges == ()
    assert preview.total_yen == 0


def test_a_batch_reads_the_rate_table_once_and_gives_the_single_previews(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = []
    for n, kind in enumerate(
        (CustomerKind.SOLE_PROPRIETOR.value, CustomerKind.CORPORATE.value,
         CustomerKind.SOLE_PROPRIETOR.value)
    ):
        customer_id, account = _customer(db, kind, f"K{n}")
        ids.append(customer_id)
        enter_order(db, OrderDraft(account, f"S{n}", date(2026, 9, 2), 1000 * (n + 1), 500,
                                   shipped_on=date(2026, 9, 3), points_used_yen=n * 10))
        with db.unit_of_work() as session:
            session.add(Invoice(customer_id=customer_id, billing_month=date(2026, 11, 1),
                                due_on=date(2026, 11, 30), amount_yen=0, slips_issued=1))
    today = date(2026, 11, 22)
    one_by_one = [invoice_preview(db, cid, date(2026, 11, 1), today=today) for cid in ids]
    reads: list[object] = []
    real = preview_service.load_rates

    def counted(database: Database) -> object:
        reads.append(database)
        return real(database)

    monkeypatch.setattr(preview_service, "load_rates", counted)
    batch = list(invoice_previews(db, ids, date(2026, 11, 15), today=today))
    assert batch == one_by_one
    assert len(reads) == 1
    rates = real(db)
    assert invoice_preview(db, ids[0], date(2026, 11, 1), today=today, rates=rates) == batch[0]
    assert len(reads) == 1  # a table passed in is not read again
