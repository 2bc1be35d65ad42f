"""The services' own statements as SQL text for the raw sqlite3 baselines.

Compiled from the same SQLAlchemy constructs the services execute, so a baseline runs the
very query the feature is built on; the children also compare digests of both results.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

EXPANDING = "__[POSTCOMPILE_ids]"  # where run_in() puts one ? per id


def compiled(statement: Any, *, postcompile: bool = True) -> tuple[str, list[Any]]:
    """(SQL with ? placeholders, positional parameters) for SQLite; an expanding IN of
    known values is rendered (``postcompile``), else left as EXPANDING for run_in()."""
    from sqlalchemy.dialects import sqlite

    result = statement.compile(dialect=sqlite.dialect(),
                               compile_kwargs={"render_postcompile": postcompile})
    params = [result.params[name] for name in (result.positiontup or ())]
    return str(result), [v.isoformat() if isinstance(v, date) else v for v in params]


def run_in(sql: str, ids: list[int]) -> str:
    return sql.replace(EXPANDING, ",".join("?" * len(ids)))


def digest(values: Iterable[Any]) -> str:
    return hashlib.sha1(repr(list(values)).encode()).hexdigest()[:16]
