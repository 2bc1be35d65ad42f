"""Customer services on a real SQLite file."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from kaunet_desk.domain.enums import ApplicationStatus, CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import count_customers, customer_ids, customer_rows
from kaunet_desk.store.services.errors import ValidationFailed


def draft(**overrides: object) -> svc.CustomerDraft:
    values: dict[str, object] = {
        "name": "株式会社　山田商事",
        "name_kana": "やまだしょうじ",
        "kind": CustomerKind.CORPORATE.value,
        "invoice_payment": InvoicePaymentMethod.BANK_DEBIT.value,
        "monthly_limit_yen": 300_000,
        "phone": "０３－３２１１－１１１１",
        "email": "Info@Yamada.example.jp",
        "postal_code": "1000001",
        "address": "東京都千代田区千代田1-1",
    }
    values.update(overrides)
    return svc.CustomerDraft(**values)  # type: ignore[arg-type]


def test_create_normalises_once_at_the_edge(db: Database) -> None:
    record = svc.create_customer(db, draft(), ["K000000001"])
    saved = svc.get_customer(db, record.id).draft
    assert saved.name == "株式会社 山田商事"  # NFKC: full-width space → ASCII space
    assert saved.name_kana == "ヤマダショウジ"  # hiragana typed, katakana stored
    assert saved.phone == "03-3211-1111"
    assert saved.postal_code == "100-0001"
    assert saved.email == "info@yamada.example.jp"
    assert [a.kaunet_id for a in svc.get_customer(db, record.id).accounts] == ["K000000001"]


def test_validation_names_the_field(db: Database) -> None:
    with pytest.raises(ValidationFailed) as caught:
        svc.create_customer(db, draft(name_kana="Yamada", phone="12", email="nope"))
    fields = {p.field: p.code for p in caught.value.problems}
    assert fields == {"name_kana": "not_kana", "phone": "invalid_phone", "email": "invalid_email"}
    assert count_customers(db) == 0


def test_address_change_is_logged_for_the_help_line_reminder(db: Database) -> None:
    record = svc.create_customer(db, draft())
    result = svc.update_customer(
        db, record.id, draft(address="東京都千代田区千代田2-2", phone="0332112222"),
        today=date(2026, 11, 20),
    )
    assert {c.field for c in result.contact_changes} == {"address", "phone"}
    log = svc.contact_changes(db, record.id)
    assert [(c.field, c.old_value, c.new_value) for c in log] == [
        ("address", "東京都千代田区千代田1-1", "東京都千代田区千代田2-2"),
        ("phone", "03-3211-1111", "03-3211-2222"),
    ]
    assert all(c.changed_on == date(2026, 11, 20) for c in log)
    unchanged = svc.update_customer(db, record.id, draft(address="東京都千代田区千代田2-2",
                                                         phone="0332112222"))
    assert unchanged.contact_changes == ()


def test_update_never_changes_the_limit_but_change_limit_logs_it(db: Database) -> None:
    record = svc.create_customer(db, draft())
    svc.update_customer(db, record.id, draft(monthly_limit_yen=999_999))
    assert svc.get_customer(db, record.id).draft.monthly_limit_yen == 300_000
    svc.change_limit(db, record.id, 500_000, "審査により増額", date(2026, 4, 1))
    assert svc.get_customer(db, record.id).draft.monthly_limit_yen == 500_000
    [change] = svc.limit_changes(db, record.id)
    assert (change.old_yen, change.new_yen, change.reason) == (300_000, 500_000, "審査により増額")


def test_every_change_is_audited_old_to_new(db: Database) -> None:
    record = svc.create_customer(db, draft())
    svc.update_customer(db, record.id, draft(contact_person="佐藤"))
    svc.cancel_customer(db, record.id, date(2026, 11, 1))
    with db.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        rows = [(e.action, json.loads(e.changes)) for e in entries]
    assert rows[0][0] == "create"
    assert rows[1] == ("update", {"contact_person": ["", "佐藤"]})
    assert rows[2][1]["status"] == ["active", "cancelled"]
    assert rows[2][1]["cancelled_on"] == [None, "2026-11-01"]


def test_a_withdrawn_record_is_audited_and_the_customer_is_as_before(db: Database) -> None:
    record = svc.create_customer(db, draft())
    svc.stop_catalogue(db, record.id, date(2026, 10, 1))
    svc.cancel_customer(db, record.id, date(2026, 11, 1))
    svc.withdraw_cancellation(db, record.id)
    svc.withdraw_catalogue_stop(db, record.id)
    again = svc.get_customer(db, record.id)
    assert (again.status, again.cancelled_on, again.catalogue_stopped_on) == (
        "active", None, None)
    with db.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        changes = [json.loads(e.changes) for e in entries][-2:]
    assert changes == [
        {"status": ["cancelled", "active"], "cancelled_on": ["2026-11-01", None]},
        {"catalogue_stopped_on": ["2026-10-01", None]},
    ]


def test_search_ignores_width_and_kana_kind_for_short_queries(db: Database) -> None:
    yamada = svc.create_customer(db, draft())
    sato = svc.create_customer(
        db, draft(name="佐藤文具店", name_kana="サトウブングテン", phone="0612345678",
                  email="sato@example.jp", kind=CustomerKind.SOLE_PROPRIETOR.value)
    )
    assert customer_ids(db, "ﾔﾏ") == [yamada.id]  # half-width kana, 2 characters
    assert customer_ids(db, "さ") == [sato.id]  # hiragana, 1 character
    assert customer_ids(db, "佐") == [sato.id]
    assert customer_ids(db, "06-1234") == [sato.id]  # phone with hyphen
    assert customer_ids(db, "０６１２") == [sato.id]  # full-width digits
    assert customer_ids(db, "100%") == []  # LIKE wildcards are literal
    # 五十音順: サトウ before ヤマダ
    assert customer_ids(db) == [sato.id, yamada.id]
    assert customer_rows(db, [sato.id])[sato.id].name == "佐藤文具店"


def test_kaunet_ids_are_searchable_and_unique(db: Database) -> None:
    record = svc.create_customer(db, draft())
    svc.add_kaunet_account(db, record.id, "K123456789", ApplicationStatus.OTHER_DEALER.value,
                           date(2026, 10, 1))
    assert customer_ids(db, "k1234") == [record.id]
    with pytest.raises(IntegrityError):
        svc.add_kaunet_account(db, record.id, "K123456789", ApplicationStatus.ACTIVE.value, None)


def test_database_rejects_negative_amounts_even_past_the_code(db: Database) -> None:
    record = svc.create_customer(db, draft())
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE customers SET monthly_limit_yen = -1 WHERE id = :id"), {"id": record.id}
        )
