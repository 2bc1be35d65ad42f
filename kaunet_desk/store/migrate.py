"""Alembic, run from inside the package.

Opening a database checks its revision against the scripts' head with plain SQL; Alembic
(≈0.7 s to import) is loaded only when a migration is actually due.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([0-9a-zA-Z_]+)["\']', re.M)
_DOWN = re.compile(r'^down_revision[^=]*=\s*(None|["\']([0-9a-zA-Z_]+)["\'])', re.M)


def script_heads() -> set[str]:
    """Heads of the migration scripts, read from the files (no Alembic import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        down = _DOWN.search(source)
        if rev:
            revisions.add(rev.group(1))
        if down and down.group(2):
            parents.add(down.group(2))
    return revisions - parents


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current_revision(connection) not in script_heads()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def _backup_before_migration(engine: Engine) -> None:
    """A ledger with data is backed up before its schema changes (never a new, empty one)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return
    path = Path(engine.url.database)
    with engine.connect() as connection:
        if current_revision(connection) is None:
            return
    from datetime import datetime

    from kaunet_desk.store.backup import backup_name, backup_to, default_backup_dir

    backup_to(path, default_backup_dir() / ("before-migration-" + backup_name(datetime.now())))


def upgrade_if_needed(engine: Engine) -> bool:
    """Migrate to head when the database is behind; True when a migration ran."""
    if not needs_upgrade(engine):
        return False
    _backup_before_migration(engine)
    upgrade(engine)
    return True
