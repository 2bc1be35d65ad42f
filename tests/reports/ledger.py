"""Test data for the reports, entered through the store's services on a real SQLite file."""

from __future__ import annotations

from datetime import date

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod, PaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.orders import OrderDraft, OrderEntry, enter_order


def new_customer(
    db: Database,
    name: str,
    kana: str,
    *,
    kaunet_ids: tuple[str, ...] = ("K1",),
    contact: str = "",
    limit: int = 1_000_000,
    kind: str = CustomerKind.CORPORATE.value,
    phone: str = "0312345678",
    fax: str = "0312345679",
    postal_code: str = "1050011",
    address: str = "東京都港区芝公園4-2-8",
) -> svc.CustomerRecord:
    return svc.create_customer(
        db,
        svc.CustomerDraft(
            name=name,
            name_kana=kana,
            kind=kind,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value,
            monthly_limit_yen=limit,
            phone=phone,
            fax=fax,
            email=f"{kana.encode().hex()[:12]}@example.jp",
            postal_code=postal_code,
            address=address,
            contact_person=contact,
        ),
        list(kaunet_ids),
    )


def order(
    db: Database,
    account_id: int,
    order_no: str,
    day: date,
    subtotal_10: int,
    subtotal_8: int = 0,
    *,
    shipped: date | None = None,
    card: bool = False,
    points: int = 0,
    other_dealer: bool = False,
) -> OrderEntry:
    payment = PaymentMethod.CARD.value if card else PaymentMethod.KDDI_INVOICE.value
    return enter_order(
        db,
        OrderDraft(account_id, order_no, day, subtotal_10, subtotal_8, payment=payment,
                   shipped_on=shipped, points_used_yen=points, other_dealer=other_dealer),
    )
