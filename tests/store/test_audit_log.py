"""Reading the audit log: filters, order, paging and the decoded changes.

The entries are written by the real services under a controlled clock; every expectation is
the list of entries this test wrote, named when they were written — never read back from
the code under test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select

from kaunet_desk.domain.enums import ApplicationStatus, CustomerKind, InvoicePaymentMethod
from kaunet_desk.store import audit
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry
from kaunet_desk.store.services import bulk_import
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.audit_log import (
    AuditFilter,
    AuditKind,
    FieldChange,
    decode_changes,
    entries,
    entry_ids,
    entry_rows,
    iter_records,
)
from kaunet_desk.store.services.dealer_change import RequestDraft, create_request
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.store.services.rates import add_rate


class Clock:
    now = datetime(2026, 11, 1, 9, 0)


class _FakeDatetime(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return Clock.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> type[Clock]:
    monkeypatch.setattr(audit, "datetime", _FakeDatetime)
    monkeypatch.setattr(bulk_import, "datetime", _FakeDatetime)
    return Clock


def _draft(name: str, kana: str, **overrides: object) -> svc.CustomerDraft:
    values: dict[str, object] = {
        "name": name, "name_kana": kana, "kind": CustomerKind.CORPORATE.value,
        "invoice_payment": InvoicePaymentMethod.BANK_DEBIT.value, "monthly_limit_yen": 100_000,
        "phone": "03-3211-1111", "email": "info@example.jp", "address": "東京都千代田区1-1",
    }
    values.update(overrides)
    return svc.CustomerDraft(**values)  # type: ignore[arg-type]


def _last_id(db: Database) -> int:
    with db.unit_of_work() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0


class Log:
    """Writes through the services and names each entry: label → (id, customer, at)."""

    def __init__(self, db: Database, clock: type[Clock]) -> None:
        self.db = db
        self.clock = clock
        self.ids: dict[str, int] = {}
        self.at: dict[str, datetime] = {}

    def write(self, label: str, at: datetime, action: object) -> object:
        self.clock.now = at
        result = action() if callable(action) else None
        self.ids[label] = _last_id(self.db)
        self.at[label] = at
        return result

    def labels(self, ids: list[int]) -> list[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return [by_id[i] for i in ids]


@pytest.fixture
def log(db: Database, clock: type[Clock]) -> Log:
    log = Log(db, clock)
    aoba = log.write("aoba.create", datetime(2026, 10, 1, 9, 0), lambda: svc.create_customer(
        db, _draft("株式会社アオバ商事", "アオバショウジ"), ["KA1"]))
    midori = log.write("midori.create", datetime(2026, 10, 1, 9, 0), lambda: svc.create_customer(
        db, _draft("有限会社ミドリ文具", "ミドリブング"), ["KB1"]))
    a, m = aoba.id, midori.id  # type: ignore[attr-defined]
    account = aoba.accounts[0].id  # type: ignore[attr-defined]
    log.write("aoba.move", datetime(2026, 10, 15, 0, 0), lambda: svc.update_customer(
        db, a, _draft("株式会社アオバ商事", "アオバショウジ", phone="06-6123-4567",
                      address="大阪府大阪市北区1-1"), today=date(2026, 10, 15)))
    log.write("aoba.limit", datetime(2026, 10, 20, 13, 30), lambda: svc.change_limit(
        db, a, 200_000, "審査で増額", date(2026, 10, 20)))
    log.write("aoba.account", datetime(2026, 10, 31, 23, 59, 59), lambda: svc.add_kaunet_account(
        db, a, "KA2", ApplicationStatus.IN_PROGRESS.value, date(2026, 10, 31)))
    log.write("aoba.status", datetime(2026, 11, 1, 0, 0), lambda: svc.set_application_status(
        db, account, ApplicationStatus.ACTIVE.value))
    log.write("aoba.order", datetime(2026, 11, 2, 10, 0), lambda: enter_order(db, OrderDraft(
        kaunet_account_id=account, order_no="A-1", order_date=date(2026, 11, 2), shipped_on=None,
        subtotal_10_yen=1000, subtotal_8_yen=0)))
    log.write("midori.fax", datetime(2026, 11, 3, 11, 0), lambda: create_request(db, RequestDraft(
        customer_id=m, kaunet_account_id=None, fax_sent_on=date(2026, 11, 3),
        deadline=date(2026, 11, 17))))
    log.write("rate", datetime(2026, 11, 4, 8, 0), lambda: add_rate(
        db, "fee.slip_yen", date(2027, 4, 1), "110"))
    log.write("midori.cancel", datetime(2026, 11, 5, 17, 0), lambda: svc.cancel_customer(
        db, m, date(2026, 11, 5)))

    def imported() -> None:
        with bulk_import.import_transaction(db) as writer:  # what transfer.importer does
            writer.record({"kind": "customers", "file": "顧客.csv", "imported": 12})
            writer.commit()

    log.write("import", datetime(2026, 11, 6, 9, 0), imported)
    log.customer_ids = {"aoba": a, "midori": m}  # type: ignore[attr-defined]
    return log


NEWEST_FIRST = [
    "import", "midori.cancel", "rate", "midori.fax", "aoba.order", "aoba.status",
    "aoba.account", "aoba.limit", "aoba.move",
    # Same instant: the one written later comes first.
    "midori.create", "aoba.create",
]


def test_everything_newest_first(db: Database, log: Log) -> None:
    assert log.labels(entry_ids(db)) == NEWEST_FIRST


def test_customer_filter(db: Database, log: Log) -> None:
    aoba = log.customer_ids["aoba"]  # type: ignore[attr-defined]
    shown = log.labels(entry_ids(db, AuditFilter(customer_id=aoba)))
    assert shown == [label for label in NEWEST_FIRST if label.startswith("aoba.")]


def test_date_range_takes_whole_days(db: Database, log: Log) -> None:
    # 10/31 23:59:59 is in a range ending 10/31; 11/01 00:00 is in one starting 11/01.
    october_end = AuditFilter(date_from=date(2026, 10, 15), date_to=date(2026, 10, 31))
    assert log.labels(entry_ids(db, october_end)) == ["aoba.account", "aoba.limit", "aoba.move"]
    from_november = AuditFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 2))
    assert log.labels(entry_ids(db, from_november)) == ["aoba.order", "aoba.status"]
    until = AuditFilter(date_to=date(2026, 10, 1))
    assert log.labels(entry_ids(db, until)) == ["midori.create", "aoba.create"]


EXPECTED_KINDS = {
    AuditKind.CUSTOMER: ["midori.cancel", "aoba.move", "midori.create", "aoba.create"],
    AuditKind.KAUNET_ACCOUNT: ["aoba.status", "aoba.account"],
    AuditKind.ORDER: ["aoba.order"],
    AuditKind.LIMIT: ["aoba.limit"],
    AuditKind.DEALER_CHANGE: ["midori.fax"],
    AuditKind.RATE: ["rate"],
    AuditKind.IMPORT: ["import"],
    AuditKind.OTHER: [],
}


@pytest.mark.parametrize("kind", list(AuditKind))
def test_kind_filter(db: Database, log: Log, kind: AuditKind) -> None:
    assert log.labels(entry_ids(db, AuditFilter(kind=kind))) == EXPECTED_KINDS[kind]


def test_kind_of_each_row_agrees_with_the_filter(db: Database, log: Log) -> None:
    rows = entry_rows(db, entry_ids(db))
    for kind, labels in EXPECTED_KINDS.items():
        assert sorted(rows[log.ids[label]].kind for label in labels) == [kind] * len(labels)


def test_filters_combine(db: Database, log: Log) -> None:
    midori = log.customer_ids["midori"]  # type: ignore[attr-defined]
    where = AuditFilter(customer_id=midori, kind=AuditKind.CUSTOMER,
                        date_from=date(2026, 11, 1))
    assert log.labels(entry_ids(db, where)) == ["midori.cancel"]


def test_record_carries_who_what_and_old_new(db: Database, log: Log) -> None:
    record = entry_rows(db, [log.ids["aoba.move"]])[log.ids["aoba.move"]]
    assert record.at == log.at["aoba.move"]
    assert record.user == audit.current_user()
    assert (record.action, record.entity) == ("update", "customer")
    assert record.customer_id == record.entity_id == log.customer_ids["aoba"]  # type: ignore[attr-defined]
    assert record.customer_name == "株式会社アオバ商事"
    # Sorted by field name, as written; the phone is stored in national format.
    assert record.changes == (
        FieldChange("address", "東京都千代田区1-1", "大阪府大阪市北区1-1"),
        FieldChange("phone", "03-3211-1111", "06-6123-4567"),
    )
    limit = entry_rows(db, [log.ids["aoba.limit"]])[log.ids["aoba.limit"]]
    assert limit.changes == (FieldChange("monthly_limit_yen", 100_000, 200_000),)


def test_import_entry(db: Database, log: Log) -> None:
    record = entry_rows(db, [log.ids["import"]])[log.ids["import"]]
    assert (record.kind, record.customer_id, record.customer_name) == (AuditKind.IMPORT, None, "")
    assert set(record.changes) == {FieldChange("kind", None, "customers"),
                                   FieldChange("file", None, "顧客.csv"),
                                   FieldChange("imported", None, 12)}


def test_rate_entry_has_no_customer(db: Database, log: Log) -> None:
    record = entry_rows(db, [log.ids["rate"]])[log.ids["rate"]]
    assert (record.customer_id, record.customer_name) == (None, "")
    assert FieldChange("effective_from", None, "2027-04-01") in record.changes


def test_paging_matches_the_id_order(db: Database, log: Log) -> None:
    where = AuditFilter(date_from=date(2026, 10, 2))
    ids = entry_ids(db, where)
    pages = [entries(db, where, offset=o, limit=3) for o in range(0, len(ids) + 3, 3)]
    assert [r.id for page in pages for r in page] == ids
    assert [len(page) for page in pages] == [3, 3, 3, 0]
    assert [r.id for r in iter_records(db, ids, batch=4)] == ids


def test_missing_ids_are_left_out(db: Database, log: Log) -> None:
    assert set(entry_rows(db, [log.ids["rate"], 999_999])) == {log.ids["rate"]}
    assert entry_rows(db, []) == {}


def test_limit_kind_needs_the_limit_key_not_the_text(db: Database, clock: type[Clock]) -> None:
    """A customer edit whose values mention the field name is still a customer edit."""
    with db.unit_of_work() as session:
        audit.record(session, action="update", entity="customer", entity_id=1, customer_id=None,
                     changes={"name": ["a", 'monthly_limit_yen": [1']})
    only = entry_rows(db, entry_ids(db))
    assert [r.kind for r in only.values()] == [AuditKind.CUSTOMER]
    assert entry_ids(db, AuditFilter(kind=AuditKind.LIMIT)) == []


def _plan_of(db: Database, read: Callable[[], object]) -> str:
    """SQLite's plan for the audit-log query ``read`` runs, as it runs it (SQL and values)."""
    sent: list[tuple[str, Any]] = []

    def keep(_conn: object, _cursor: object, statement: str, parameters: Any,
             *_rest: object) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        read()
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    [(statement, parameters)] = [(s, p) for s, p in sent if "FROM audit_log" in s]
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        return " ".join(str(row[-1]) for row in rows)


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "where",
    [AuditFilter(), AuditFilter(date_from=date(2026, 10, 15), date_to=date(2026, 10, 31)),
     AuditFilter(date_from=date(2026, 11, 1))],
    ids=["everything", "date_range", "since"],
)
def test_recent_entries_walk_the_time_index_without_sorting(
    db: Database, log: Log, where: AuditFilter
) -> None:
    """The dialog's newest-first list reads ix_audit_log_at (at, id) backwards (migration
    0004) instead of reading the whole log and sorting it."""
    for read in (lambda: entry_ids(db, where), lambda: entries(db, where, limit=3)):
        plan = _plan_of(db, read)
        assert "ix_audit_log_at" in plan
        assert "TEMP B-TREE" not in plan


def test_decode_keeps_what_it_cannot_read() -> None:
    assert decode_changes('{"b": [1, 2], "a": [null, "x"]}') == (
        FieldChange("b", 1, 2), FieldChange("a", None, "x"))
    assert decode_changes("not json") == (FieldChange("", None, "not json"),)
    assert decode_changes('{"note": "text"}') == (FieldChange("note", None, "text"),)
    assert decode_changes("") == ()

