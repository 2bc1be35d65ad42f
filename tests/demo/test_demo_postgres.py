"""The same build on PostgreSQL (KAUNET_TEST_PG_URL), in a throw-away schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from kaunet_desk.demo import build_demo
from kaunet_desk.demo.generator import TABLES
from kaunet_desk.store.base import Base
from kaunet_desk.store.database import Database

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("KAUNET_TEST_PG_URL", "")


@pytest.fixture
def pg_db() -> Iterator[Database]:
    if not PG_URL:
        pytest.skip("KAUNET_TEST_PG_URL is not set")
    schema = f"demo_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    database = Database.open(url)
    try:
        yield database
    finally:
        database.close()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_build_on_postgresql(pg_db: Database) -> None:
    summary = build_demo(pg_db, customers=150, orders=1500, seed=2, today=date(2026, 11, 22))
    with pg_db.engine.begin() as connection:
        for name, count in summary.counts.items():
            table = Base.metadata.tables[name]
            assert connection.execute(select(func.count()).select_from(table)).scalar() == count
        # The id sequences were moved past the demo's own ids: a plain insert still works.
        customers = Base.metadata.tables["customers"]
        new_id = connection.execute(
            insert(customers)
            .values(
                name="株式会社テスト",
                name_kana="テスト",
                kind="corporate",
                disability_discount=False,
                postal_code="",
                address="",
                phone="",
                fax="",
                contact_person="",
                email="",
                invoice_payment="bank_debit",
                combined_billing=True,
                monthly_limit_yen=100_000,
                status="active",
                search_text="",
            )
            .returning(customers.c.id)
        ).scalar_one()
        assert new_id == summary.customers + 1
    assert set(summary.counts) == set(TABLES)
