"""The schema comes from migrations, and the migrations match the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import kaunet_desk.store.models  # noqa: F401
from kaunet_desk.store.base import Base
from kaunet_desk.store.database import Database
from kaunet_desk.store.migrate import alembic_config, needs_upgrade, script_heads, upgrade


def test_single_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"more than one Alembic head: {heads}"
    # The cheap head check used at open agrees with Alembic's own.
    assert script_heads() == set(heads)


def test_migrated_schema_matches_models(db: Database) -> None:
    """On SQLite and on PostgreSQL: the migrations build exactly what the models declare."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_open_migrates_and_second_open_does_not(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    database = Database.open(path, migrate=False)
    assert needs_upgrade(database.engine)
    database.close()
    database = Database.open(path)
    assert not needs_upgrade(database.engine)
    assert "customers" in inspect(database.engine).get_table_names()


def test_audit_time_index_comes_with_0004_and_goes_with_its_downgrade(db: Database) -> None:
    from alembic import command

    def audit_indexes() -> set[str]:
        return {index["name"] for index in inspect(db.engine).get_indexes("audit_log")}

    assert "ix_audit_log_at" in audit_indexes()
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
    assert "ix_audit_log_at" not in audit_indexes()
    assert needs_upgrade(db.engine)
    upgrade(db.engine)
    assert "ix_audit_log_at" in audit_indexes()
    assert not needs_upgrade(db.engine)


@pytest.mark.sqlite_only
def test_sqlite_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_no_password_column_anywhere() -> None:
    for table in Base.metadata.tables.values():
        for column in table.columns:
            assert "pass" not in column.name.lower(), f"{table.name}.{column.name}"
