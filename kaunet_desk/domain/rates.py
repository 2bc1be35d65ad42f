"""The dated rate table: every fee, rate and closed day with the date it took effect.

An office enters a revised value with its date (`RateTable.with_entries`) instead of
waiting for a code change; a calculation asks for the value in force on the day that
matters to it (the due date, the invoice date, the calendar day).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TypeAlias

from kaunet_desk.domain.arguments import require_date, require_text

TAX_STANDARD_PCT = "tax.standard_pct"
TAX_REDUCED_PCT = "tax.reduced_pct"
FEE_SLIP_YEN = "fee.slip_yen"
FEE_COUNTER_YEN = "fee.counter_yen"
REBATE_COMBINED_YEN = "rebate.combined_yen"
INTEREST_LATE_ANNUAL_PCT = "interest.late_annual_pct"
INTEREST_GRACE_DAYS = "interest.grace_days"
INTEREST_DAYS_PER_YEAR = "interest.days_per_year"
SURCHARGE_MULTIPLIER = "surcharge.multiplier"
CALENDAR_CLOSED_DAYS = "calendar.closed_days"
LIMIT_WARNING_PCT = "limit.warning_pct"

RateValue: TypeAlias = Decimal | int | str

# The type each key holds; a value of another type is refused on entry, not on use.
KEY_TYPES: dict[str, type] = {
    TAX_STANDARD_PCT: int,
    TAX_REDUCED_PCT: int,
    FEE_SLIP_YEN: int,
    FEE_COUNTER_YEN: int,
    REBATE_COMBINED_YEN: int,
    INTEREST_LATE_ANNUAL_PCT: Decimal,
    INTEREST_GRACE_DAYS: int,
    INTEREST_DAYS_PER_YEAR: int,
    SURCHARGE_MULTIPLIER: int,
    CALENDAR_CLOSED_DAYS: str,
    LIMIT_WARNING_PCT: int,
}
# Divided by, so zero would be a crash later rather than a refusal now.
_AT_LEAST_ONE = frozenset({INTEREST_DAYS_PER_YEAR})

_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def _require_key(name: str, key: object) -> str:
    if key not in KEY_TYPES:
        raise ValueError(f"{name} must be one of {sorted(KEY_TYPES)}, got {key!r}")
    return key  # type: ignore[return-value]


@lru_cache(maxsize=32)
def parse_closed_days(text: str) -> tuple[tuple[int, int], ...]:
    """(month, day) pairs from "12-29,12-30,..."; an empty text means no closed days."""
    days: list[tuple[int, int]] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        match = _MONTH_DAY.fullmatch(part)
        if match is None:
            raise ValueError(f"closed days need MM-DD items, got {part!r}")
        month, day = int(match[1]), int(match[2])
        try:
            date(2000, month, day)  # a leap year, so 02-29 is a valid closed day
        except ValueError:
            raise ValueError(f"closed day {part!r} is not a day of the year") from None
        days.append((month, day))
    return tuple(days)


def _format_closed_days(days: Iterable[tuple[int, int]]) -> str:
    return ",".join(f"{month:02d}-{day:02d}" for month, day in days)


def _check_value(key: str, value: object) -> RateValue:
    wanted = KEY_TYPES[key]
    if wanted is Decimal and isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if isinstance(value, bool) or not isinstance(value, wanted):
        raise ValueError(f"value for {key} must be {wanted.__name__}, got {value!r}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"value for {key} must be a finite number, got {value!r}")
    if isinstance(value, int | Decimal):
        floor = 1 if key in _AT_LEAST_ONE else 0
        if value < floor:
            raise ValueError(f"value for {key} must be at least {floor}, got {value!r}")
    if isinstance(value, str):
        try:
            value = _format_closed_days(parse_closed_days(value))
        except ValueError as error:
            raise ValueError(f"value for {key}: {error}") from None
    return value  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class RateEntry:
    """One value of one key, in force from `effective_from` until the next entry's date."""

    key: str
    effective_from: date
    value: RateValue

    def __post_init__(self) -> None:
        _require_key("key", self.key)
        require_date("effective_from", self.effective_from)
        object.__setattr__(self, "value", _check_value(self.key, self.value))


class RateTable:
    """Immutable set of dated entries; at most one entry per key and date."""

    __slots__ = ("_by_key",)

    def __init__(self, entries: Iterable[RateEntry]) -> None:
        by_key: dict[str, dict[date, RateEntry]] = {}
        for entry in entries:
            if not isinstance(entry, RateEntry):
                raise ValueError(f"entries must hold RateEntry items, got {entry!r}")
            dated = by_key.setdefault(entry.key, {})
            if entry.effective_from in dated:
                # Mirrors the store's unique (key, effective_from): a correction replaces
                # the stored row, it is not a second entry for the same day.
                raise ValueError(f"entries: {entry.key} has two values from {entry.effective_from}")
            dated[entry.effective_from] = entry
        self._by_key: dict[str, tuple[RateEntry, ...]] = {
            key: tuple(dated[day] for day in sorted(dated)) for key, dated in by_key.items()
        }

    @property
    def entries(self) -> tuple[RateEntry, ...]:
        """Every entry, by key then date: what the store persists."""
        return tuple(entry for key in sorted(self._by_key) for entry in self._by_key[key])

    def __iter__(self) -> Iterator[RateEntry]:
        return iter(self.entries)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RateTable):
            return NotImplemented
        return self.entries == other.entries

    def __hash__(self) -> int:
        return hash(self.entries)

    def __repr__(self) -> str:
        return f"RateTable({list(self.entries)!r})"

    def with_entries(self, *entries: RateEntry | Iterable[RateEntry]) -> RateTable:
        """A new table with these entries added: `with_entries(a, b)` or `with_entries([a, b])`."""
        added: list[RateEntry] = []
        for item in entries:
            if isinstance(item, RateEntry):
                added.append(item)
            elif isinstance(item, Iterable) and not isinstance(item, str):
                added.extend(item)
            else:
                raise ValueError(f"entries must be RateEntry items, got {item!r}")
        return RateTable([*self.entries, *added])

    def value(self, key: str, on: date) -> RateValue:
        """The value in force on `on`: the entry with the latest effective_from <= on."""
        _require_key("key", key)
        require_date("on", on)
        dated = self._by_key.get(key, ())
        index = bisect_right(dated, on, key=lambda entry: entry.effective_from)
        if index == 0:
            raise ValueError(f"on: no value for {key} is in force on {on.isoformat()}")
        return dated[index - 1].value

    def int_value(self, key: str, on: date) -> int:
        value = self.value(key, on)
        if not isinstance(value, int):
            raise ValueError(f"key: {key} does not hold an int")
        return value

    def decimal_value(self, key: str, on: date) -> Decimal:
        value = self.value(key, on)
        if not isinstance(value, Decimal):
            raise ValueError(f"key: {key} does not hold a Decimal")
        return value

    def text_value(self, key: str, on: date) -> str:
        value = self.value(key, on)
        if not isinstance(value, str):
            raise ValueError(f"key: {key} does not hold text")
        return value


def parse_rate_value(key: str, text: str) -> RateValue:
    """The typed value of `key` from its stored or typed text (full-width digits accepted)."""
    _require_key("key", key)
    cleaned = unicodedata.normalize("NFKC", require_text("text", text)).strip()
    wanted = KEY_TYPES[key]
    value: RateValue
    if wanted is int:
        if not re.fullmatch(r"[0-9]+", cleaned):
            raise ValueError(f"text: {key} needs a whole number, got {text!r}")
        value = int(cleaned)
    elif wanted is Decimal:
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"text: {key} needs a number, got {text!r}") from None
    else:
        value = cleaned
    try:
        return _check_value(key, value)
    except ValueError as error:
        raise ValueError(f"text: {error}") from None


def format_rate_value(value: RateValue) -> str:
    """The text `parse_rate_value` reads back to an equal value (14.5 stays exact)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise ValueError(f"value must be Decimal, int or str, got {value!r}")
    return str(value)


def table_or_default(rates: RateTable | None) -> RateTable:
    if rates is None:
        return DEFAULT_RATES
    if not isinstance(rates, RateTable):
        raise ValueError(f"rates must be a RateTable or None, got {rates!r}")
    return rates


_SINCE = date(2000, 1, 1)

# Sources: 約款 第9条の2 (200), 第9条の3 (2 ×), 第9条の4 (14.5 %, 10 days, 365),
# 第13条 (100), 第14条 (300); tax rates, closed days and the warning threshold are
# our choice (domain.md).
DEFAULT_RATES = RateTable(
    RateEntry(key, _SINCE, value)
    for key, value in {
        TAX_STANDARD_PCT: 10,
        TAX_REDUCED_PCT: 8,
        FEE_SLIP_YEN: 100,
        FEE_COUNTER_YEN: 300,
        REBATE_COMBINED_YEN: 200,
        INTEREST_LATE_ANNUAL_PCT: Decimal("14.5"),
        INTEREST_GRACE_DAYS: 10,
        INTEREST_DAYS_PER_YEAR: 365,
        SURCHARGE_MULTIPLIER: 2,
        CALENDAR_CLOSED_DAYS: "12-29,12-30,12-31,01-01,01-02,01-03",
        LIMIT_WARNING_PCT: 80,
    }.items()
)
