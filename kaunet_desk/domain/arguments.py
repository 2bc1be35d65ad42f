"""Rejects impossible input at the edge of the domain, naming the argument at fault.

`bool` is a subclass of `int` and `datetime` of `date`; both are refused explicitly,
since a flag passed as yen or a timestamp passed as a day is a caller's bug.
"""

from __future__ import annotations

from datetime import date, datetime


def require_yen(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an int amount of yen, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")
    return value


def require_date(name: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{name} must be a datetime.date, got {value!r}")
    return value


def optional_date(name: str, value: object) -> date | None:
    return None if value is None else require_date(name, value)


def require_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be a bool, got {value!r}")
    return value


def require_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a str, got {value!r}")
    return value


def day_or_today(name: str, value: object) -> date:
    """The date a rate is looked up on; today when the caller gives none."""
    return date.today() if value is None else require_date(name, value)
