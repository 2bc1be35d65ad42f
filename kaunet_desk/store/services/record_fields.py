"""Plain records filled from ORM rows by the record's own field names.

A record whose fields are named as the model's columns says once which columns it carries;
copying by those names keeps the record, the copy and a column list from drifting apart.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

R = TypeVar("R")


@cache
def field_names(record_type: type) -> tuple[str, ...]:
    """The dataclass's field names in declaration order (the order it takes positionally)."""
    return tuple(f.name for f in fields(record_type))


def copy_fields(record_type: type[R], row: Any) -> R:
    """``record_type`` with each field read from the attribute of the same name on ``row``."""
    return record_type(**{name: getattr(row, name) for name in field_names(record_type)})
