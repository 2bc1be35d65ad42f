"""Alembic environment: always handed a live connection by kaunet_desk.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import kaunet_desk.store.models  # noqa: F401  (registers every table)
from kaunet_desk.store.base import Base

target_metadata = Base.metadata


def run_migrations(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things in place
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    with create_engine(url).begin() as conn:
        run_migrations(conn)
