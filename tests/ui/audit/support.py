"""The ledger the 変更履歴 tests look at: edits made through the services on known days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import ApplicationStatus, CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import bulk_import
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.dealer_change import RequestDraft, create_request
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.store.services.rates import add_rate
from kaunet_desk.ui.audit.columns import column_index
from kaunet_desk.ui.audit.dialog import AuditLogDialog

TODAY = date(2026, 11, 20)


class Clock:
    now = datetime(2026, 10, 1, 9, 0)


class FakeDatetime(datetime):
    """store.audit stamps entries with datetime.now(): this one answers Clock.now."""

    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return Clock.now


@dataclass(frozen=True)
class Ledger:
    aoba: int
    midori: int


def draft(name: str, kana: str, **overrides: object) -> svc.CustomerDraft:
    values: dict[str, object] = {
        "name": name, "name_kana": kana, "kind": CustomerKind.CORPORATE.value,
        "invoice_payment": InvoicePaymentMethod.BANK_DEBIT.value, "monthly_limit_yen": 100_000,
        "phone": "03-3211-1111", "email": "info@example.jp", "address": "東京都千代田区1-1",
    }
    values.update(overrides)
    return svc.CustomerDraft(**values)  # type: ignore[arg-type]


def make_edits(db: Database) -> Ledger:
    """Ten entries, one per service call, at the times the tests expect."""

    def at(month: int, day: int, hour: int, minute: int = 0) -> None:
        Clock.now = datetime(2026, month, day, hour, minute)

    at(10, 1, 9)
    aoba = svc.create_customer(db, draft("株式会社アオバ商事", "アオバショウジ"), ["KA1"])
    at(10, 1, 9, 5)
    midori = svc.create_customer(db, draft("有限会社ミドリ文具", "ミドリブング"), ["KB1"])
    at(10, 15, 10)
    svc.update_customer(db, aoba.id, draft("株式会社アオバ商事", "アオバショウジ",
                                           phone="06-6123-4567", address="大阪府大阪市北区1-1"),
                        today=date(2026, 10, 15))
    at(10, 20, 13, 30)
    svc.change_limit(db, aoba.id, 200_000, "審査で増額", date(2026, 10, 20))
    at(10, 31, 17)
    svc.add_kaunet_account(db, aoba.id, "KA2", ApplicationStatus.IN_PROGRESS.value, None)
    at(11, 3, 11)
    create_request(db, RequestDraft(customer_id=midori.id, kaunet_account_id=None,
                                    fax_sent_on=date(2026, 11, 3), deadline=date(2026, 11, 17)))
    at(11, 4, 8)
    add_rate(db, "fee.slip_yen", date(2027, 4, 1), "110")
    at(11, 5, 14)
    enter_order(db, OrderDraft(kaunet_account_id=aoba.accounts[0].id, order_no="A-1",
                               order_date=date(2026, 11, 5), shipped_on=None,
                               subtotal_10_yen=1000, subtotal_8_yen=0))
    at(11, 6, 17)
    svc.cancel_customer(db, midori.id, date(2026, 11, 6))
    at(11, 7, 8, 30)
    with bulk_import.import_transaction(db) as writer:  # what transfer.importer writes
        writer.record({"kind": "orders", "file": "注文_11月.csv", "encoding": "cp932",
                       "rows_read": 1250, "imported": 1247, "rejected_rows": 3,
                       "valid_only": True})
        writer.commit()
    return Ledger(aoba.id, midori.id)


# The 日時 column, newest first, for the ten entries above.
ALL_TIMES = [
    "2026/11/07 08:30:00", "2026/11/06 17:00:00", "2026/11/05 14:00:00", "2026/11/04 08:00:00",
    "2026/11/03 11:00:00", "2026/10/31 17:00:00", "2026/10/20 13:30:00",
    "2026/10/15 10:00:00", "2026/10/01 09:05:00", "2026/10/01 09:00:00",
]


def wait_loaded(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.is_loading() and not dialog._timer.isActive(),
                    timeout=10_000)


def column(dialog: AuditLogDialog, key: str) -> list[str]:
    model = dialog.model
    index = column_index(key)
    return [model.index(row, index).data() for row in range(model.rowCount())]


def select_time(dialog: AuditLogDialog, when: str) -> None:
    dialog.table.selectRow(column(dialog, "at").index(when))
