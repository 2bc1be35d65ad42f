"""Importing customers: the form's rules, row errors, all-or-nothing, duplicates, audit."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from kaunet_desk.domain.customer_fields import normalize_phone
from kaunet_desk.domain.text import to_katakana
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry, Customer, KaunetAccount
from kaunet_desk.store.services.customers import CustomerDraft, create_customer
from kaunet_desk.transfer.importer import import_file
from tests.transfer.files import (
    CUSTOMER_HEADER,
    add_customer,
    count,
    customer_row,
    write_csv,
)


def test_valid_file_is_normalised_like_the_form(db: Database, tmp_path: Path) -> None:
    rows = [
        customer_row(name="株式会社 髙島屋ソ表", kana="ﾀｶｼﾏﾔｿﾋｮｳ", phone="０３１２３４５６７８",
                     kaunet_ids="k000000001; K000000002"),
        customer_row(name="山田商店", kana="やまだしょうてん", phone="06-6123-4567",
                     kaunet_ids="", **{"区分": "個人事業主", "まとめて請求": "いいえ"}),
    ]
    path = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, rows)
    result = import_file(db, "customers", path)
    assert result.ok and result.imported == 2 and result.encoding == "cp932"
    with db.unit_of_work() as session:
        first, second = session.scalars(select(Customer).order_by(Customer.id)).all()
        assert first.name == "株式会社 髙島屋ソ表"
        assert first.name_kana == to_katakana("ﾀｶｼﾏﾔｿﾋｮｳ") == "タカシマヤソヒョウ"
        assert first.phone == normalize_phone("03-1234-5678") == "03-1234-5678"
        assert [a.kaunet_id for a in first.accounts] == ["K000000001", "K000000002"]
        assert {a.application_status for a in first.accounts} == {"active"}
        assert (second.kind, second.combined_billing, second.name_kana) == (
            "sole_proprietor", False, "ヤマダショウテン")
        imported_search = first.search_text
    # The haystack matches the one the お客さま form builds for the same customer.
    other = Database.open(tmp_path / "other.sqlite")
    record = create_customer(other, CustomerDraft(
        name="株式会社 髙島屋ソ表", name_kana="ﾀｶｼﾏﾔｿﾋｮｳ", kind="corporate",
        invoice_payment="account_transfer", monthly_limit_yen=300000, phone="０３１２３４５６７８",
        email="info@example.co.jp"), ["k000000001", "K000000002"])
    with other.unit_of_work() as session:
        assert session.get(Customer, record.id).search_text == imported_search  # type: ignore[union-attr]
    other.close()


def test_each_problem_names_row_column_value_and_nothing_is_written(
    db: Database, tmp_path: Path
) -> None:
    add_customer(db, ["K999"])
    rows = [
        customer_row(kaunet_ids="K1"),  # row 2: valid
        customer_row(name="", kaunet_ids="K2"),  # row 3
        customer_row(phone="03-12", kaunet_ids="K3"),  # row 4
        customer_row(kaunet_ids="K4", **{"郵便番号": "12-345"}),  # row 5
        customer_row(kaunet_ids="K5", **{"メールアドレス": "info@"}),  # row 6
        customer_row(kana="Tanaka", kaunet_ids="K6"),  # row 7
        customer_row(kaunet_ids="K7", **{"月間購入上限金額": "-1"}),  # row 8
        customer_row(kaunet_ids="K999", name="別会社", phone="03-9999-0000"),  # row 9: in the DB
        customer_row(kaunet_ids="K1", name="別会社2", phone="03-9999-0001"),  # row 10: row 2's
        customer_row(name="x" * 201, kaunet_ids="K8"),  # row 11
        customer_row(kaunet_ids="K9", **{"区分": "会社"}),  # row 12
        customer_row(kaunet_ids="K10")[:5],  # row 13: too few columns
    ]
    path = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, rows)
    before = count(db, "customers")
    result = import_file(db, "customers", path)
    found = {(e.row_no, e.column, e.reason) for e in result.errors}
    assert found == {
        (3, "顧客名", "required"), (4, "電話番号", "invalid_phone"),
        (5, "郵便番号", "invalid_postal"), (6, "メールアドレス", "invalid_email"),
        (7, "フリガナ", "not_kana"), (8, "月間購入上限金額", "negative"),
        (9, "カウネットID", "duplicate_kaunet_id"), (10, "カウネットID", "duplicate_in_file"),
        (11, "顧客名", "too_long"), (12, "区分", "unknown_choice"), (13, "", "column_count"),
    }
    value_of = {e.row_no: e.value for e in result.errors}
    assert value_of[4] == "03-12" and value_of[8] == "-1"
    assert all(e.sentence() and "{" not in e.sentence() for e in result.errors)
    assert (result.imported, result.rejected_rows, result.rows_read) == (0, 11, 12)
    assert count(db, "customers") == before and count(db, "audit_log") == 1


def test_valid_only_writes_the_valid_rows_and_one_audit_entry(db: Database, tmp_path: Path) -> None:
    rows = [customer_row(kaunet_ids="K1"), customer_row(name="", kaunet_ids="K2"),
            customer_row(name="二社目", phone="03-5555-0000", kaunet_ids="K3")]
    path = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, rows)
    result = import_file(db, "customers", path, valid_only=True)
    assert (result.imported, result.rejected_rows, result.ok) == (2, 1, False)
    with db.unit_of_work() as session:
        assert sorted(session.scalars(select(KaunetAccount.kaunet_id))) == ["K1", "K3"]
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "import")).all()
        assert len(entries) == 1
        changes = json.loads(entries[0].changes)
        assert changes["imported"] == [None, 2] and changes["rejected_rows"] == [None, 1]
        assert changes["kind"] == [None, "customers"] and changes["file"] == [None, "c.csv"]


def test_same_customer_twice_is_refused_not_doubled(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, [customer_row(kaunet_ids="")])
    assert import_file(db, "customers", path).imported == 1
    again = import_file(db, "customers", path)
    assert [e.reason for e in again.errors] == ["duplicate_customer"]
    assert count(db, "customers") == 1


def test_missing_required_column_is_one_sentence(db: Database, tmp_path: Path) -> None:
    import pytest

    from kaunet_desk.transfer.importer import ImportRefused

    header = [h for h in CUSTOMER_HEADER if h != "電話番号"]
    path = write_csv(tmp_path / "c.csv", header, [])
    with pytest.raises(ImportRefused, match="電話番号"):
        import_file(db, "customers", path)


def test_utf8_with_bom_and_aliases_in_headers(db: Database, tmp_path: Path) -> None:
    header = ["お客さま名", "ﾌﾘｶﾞﾅ", "区分", "TEL", "E-mail", "支払方法", "上限金額"]
    rows = [["株式会社ソ", "ソ", "法人", "03-1234-5678", "a@example.jp", "口座引落し",
             "１０，０００"]]
    path = write_csv(tmp_path / "c.csv", header, rows, encoding="utf-8-sig")
    result = import_file(db, "customers", path)
    assert result.encoding == "utf-8-sig" and result.ok, result.errors
    with db.unit_of_work() as session:
        customer = session.scalars(select(Customer)).one()
        assert (customer.invoice_payment, customer.monthly_limit_yen) == ("bank_debit", 10_000)
