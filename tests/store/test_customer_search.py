"""The customers search: what it finds, in which order, and that both SQL paths agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from kaunet_desk.domain.enums import ApplicationStatus, CustomerKind, InvoicePaymentMethod
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows, matches

# (name, フリガナ as typed, phone, FAX, email, Kaunet IDs)
PEOPLE = (
    ("佐藤文具店", "さとうぶんぐてん", "06-1234-5678", "06-1234-5679", "sato@bungu.example.jp",
     ["K100000001"]),
    ("株式会社山田商事", "ヤマダショウジ", "03-3211-1111", "", "info@yamada-shoji.example.jp",
     ["K200000002", "K200000003"]),
    ("有限会社さくら印刷", "ｻｸﾗｲﾝｻﾂ", "052-123-4567", "052-123-4568", "print@sakura.example.jp",
     []),
    ("田中税理士事務所", "タナカゼイリシジムショ", "090-1234-5678", "", "tanaka_tax@example.jp",
     ["K300000004"]),
)


def make(db: Database, name: str, kana: str, phone: str, fax: str, email: str,
         ids: list[str]) -> int:
    draft = svc.CustomerDraft(
        name=name, name_kana=kana, kind=CustomerKind.CORPORATE.value,
        invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=300_000,
        phone=phone, fax=fax, email=email,
    )
    return svc.create_customer(db, draft, ids).id


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    return {p[0]: make(db, *p) for p in PEOPLE}


def test_listing_is_in_gojuon_order_of_furigana(db: Database, people: dict[str, int]) -> None:
    # サクラ < サトウ < タナカ < ヤマダ (by hand, 五十音順)
    expected = ["有限会社さくら印刷", "佐藤文具店", "田中税理士事務所", "株式会社山田商事"]
    assert customer_ids(db) == [people[n] for n in expected]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("さ", ["有限会社さくら印刷", "佐藤文具店"]),  # 1 character, hiragana → katakana
        ("ｻ", ["有限会社さくら印刷", "佐藤文具店"]),  # 1 character, half-width
        ("商", ["株式会社山田商事"]),  # 1 kanji
        ("印刷", ["有限会社さくら印刷"]),  # 2 characters: FTS5 trigram would miss this
        ("ｻﾄ", ["佐藤文具店"]),
        ("ぶんぐ", ["佐藤文具店"]),
        ("ｾﾞｲﾘｼ", ["田中税理士事務所"]),  # voiced half-width kana (ｾﾞ → ゼ)
        ("会社", ["有限会社さくら印刷", "株式会社山田商事"]),
        ("03-3211", ["株式会社山田商事"]),  # phone, hyphenated
        ("０６１２３４５６７９", ["佐藤文具店"]),  # FAX, full-width digits without hyphens
        ("090ー1234", ["田中税理士事務所"]),  # the IME's long vowel mark typed for a hyphen
        ("k200000003", ["株式会社山田商事"]),  # second Kaunet ID, lower case
        ("Ｋ３０００", ["田中税理士事務所"]),  # full-width Kaunet ID prefix
        ("INFO@YAMADA", ["株式会社山田商事"]),  # email, any case
        ("tanaka_tax", ["田中税理士事務所"]),  # "_" is literal, not a LIKE wildcard
        ("%", []),
        ("存在しない", []),
    ],
)
def test_search_finds_by_every_ledger_key(
    db: Database, people: dict[str, int], query: str, names: list[str]
) -> None:
    assert customer_ids(db, query) == [people[n] for n in names]


def test_blank_query_lists_everyone(db: Database, people: dict[str, int]) -> None:
    assert sorted(customer_ids(db, " 　")) == sorted(people.values())


def test_an_added_kaunet_id_is_found_at_once(db: Database, people: dict[str, int]) -> None:
    sakura = people["有限会社さくら印刷"]
    svc.add_kaunet_account(db, sakura, "K999000111", ApplicationStatus.IN_PROGRESS.value,
                           date(2026, 11, 1))
    assert customer_ids(db, "K999000") == [sakura]


def test_an_edit_moves_the_customer_in_the_search(db: Database, people: dict[str, int]) -> None:
    sato = people["佐藤文具店"]
    record = svc.get_customer(db, sato)
    svc.update_customer(db, sato, replace(record.draft, phone="075-999-1111"))
    assert customer_ids(db, "075999") == [sato]
    assert customer_ids(db, "06-1234-5678") == []


def test_rows_carry_the_recorded_states(db: Database, people: dict[str, int]) -> None:
    sato = people["佐藤文具店"]
    svc.stop_catalogue(db, sato, date(2026, 10, 1))
    svc.cancel_customer(db, sato, date(2026, 11, 1))
    row = customer_rows(db, [sato])[sato]
    assert (row.status, row.catalogue_stopped_on, row.cancelled_on) == (
        "cancelled", date(2026, 10, 1), date(2026, 11, 1))


@pytest.mark.sqlite_only
def test_search_runs_on_the_covering_index(db: Database, people: dict[str, int]) -> None:
    """No table lookups and no sort at 100,000 customers (migration 0002)."""
    sql = str(select(Customer.id).where(matches("サ", sqlite=True))
              .order_by(Customer.name_kana, Customer.id)
              .compile(db.engine, compile_kwargs={"literal_binds": True}))
    with db.engine.connect() as connection:
        plan = " ".join(str(r[-1]) for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "COVERING INDEX ix_customers_kana_search" in plan
    assert "TEMP B-TREE" not in plan


def _ids_by(db: Database, key: str, *, sqlite: bool) -> list[int]:
    statement = (select(Customer.id).where(matches(key, sqlite=sqlite))
                 .order_by(Customer.name_kana, Customer.id))
    with db.unit_of_work() as session:
        return list(session.scalars(statement))


@pytest.mark.sqlite_only  # the LIKE path is what PostgreSQL runs in every other test
@pytest.mark.parametrize("key", ["サ", "印刷", "ヤマダショウ", "_", "%", "\\", "k2000", "@"])
def test_the_instr_and_like_paths_agree(db: Database, people: dict[str, int], key: str) -> None:
    """SQLite uses instr(); PostgreSQL uses the escaped LIKE. Same rows, same order."""
    assert _ids_by(db, key, sqlite=True) == _ids_by(db, key, sqlite=False)


_kana = st.text(alphabet="アイウカキサシスタナヤマ", min_size=1, max_size=6)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kanas=st.lists(_kana, min_size=1, max_size=6, unique=True), data=st.data())
def test_search_equals_a_substring_test_on_the_normalised_fields(
    db: Database, kanas: list[str], data: st.DataObject
) -> None:
    from kaunet_desk.domain import search_key

    with db.unit_of_work() as session:  # a fresh ledger per example
        session.execute(text("DELETE FROM customers"))
    # Name = フリガナ, so only the kana can match (phone and email hold no kana).
    made = {make(db, k, k, "03-1234-5678", "", f"c{i}@example.jp", []): k
            for i, k in enumerate(kanas)}
    source = data.draw(st.sampled_from(kanas))
    start = data.draw(st.integers(0, len(source) - 1))
    query = source[start : start + data.draw(st.integers(1, 3))]
    expected = sorted(
        (cid for cid, k in made.items() if search_key(query) in search_key(k)),
        key=lambda cid: (made[cid], cid),
    )
    assert customer_ids(db, query) == expected
