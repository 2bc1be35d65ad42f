"""Shared fixtures: every test gets its own database and its own settings scope.

Store tests (tests/store/) that take the ``db`` fixture run twice: on a SQLite file and on
PostgreSQL when ``KAUNET_TEST_PG_URL`` names a server (the bootstrap starts one when it runs
as root). Each PostgreSQL test gets a fresh database cloned from a migrated template.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("KAUNET_TEST_PG_URL", "")
PG_TEMPLATE = "kaunet_template"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(str(metafunc.definition.fspath))
    store_test = "store" in path.parts
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    wants_db = "db" in metafunc.fixturenames and "db_path" not in metafunc.fixturenames
    if store_test and wants_db and not sqlite_only:
        metafunc.parametrize(
            "backend",
            ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
            indirect=True,
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A database migrated once; tests clone it (CREATE DATABASE … TEMPLATE)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from kaunet_desk.store.migrate import upgrade

    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE}"))
        connection.execute(text(f"CREATE DATABASE {PG_TEMPLATE}"))
    template_url = make_url(PG_URL).set(database=PG_TEMPLATE)
    engine = create_engine(template_url)
    upgrade(engine)
    engine.dispose()
    yield PG_TEMPLATE
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE}"))
    admin.dispose()


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[object]:
    from kaunet_desk.store.database import Database

    if backend == "sqlite":
        database = Database.open(tmp_path / "ledger.sqlite")
        yield database
        database.close()
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set KAUNET_TEST_PG_URL (the bootstrap does, as root)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("pg_template")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    database = Database.open(make_url(PG_URL).set(database=name))
    yield database
    database.close()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
    admin.dispose()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and the data folder of each test inside its tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
