"""The dated rate table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kaunet_desk.domain import DEFAULT_RATES, RateEntry, RateTable, parse_rate_value
from kaunet_desk.domain.rates import (
    CALENDAR_CLOSED_DAYS,
    FEE_SLIP_YEN,
    INTEREST_DAYS_PER_YEAR,
    INTEREST_LATE_ANNUAL_PCT,
    KEY_TYPES,
    format_rate_value,
)

SINCE = date(2000, 1, 1)


def test_default_rates_are_the_seed_values() -> None:
    expected = {
        "tax.standard_pct": 10,
        "tax.reduced_pct": 8,
        "fee.slip_yen": 100,
        "fee.counter_yen": 300,
        "rebate.combined_yen": 200,
        "interest.late_annual_pct": Decimal("14.5"),
        "interest.grace_days": 10,
        "interest.days_per_year": 365,
        "surcharge.multiplier": 2,
        "calendar.closed_days": "12-29,12-30,12-31,01-01,01-02,01-03",
        "limit.warning_pct": 80,
    }
    assert {entry.key: entry.value for entry in DEFAULT_RATES.entries} == expected
    assert {entry.effective_from for entry in DEFAULT_RATES.entries} == {SINCE}
    assert set(KEY_TYPES) == set(expected)


def test_value_is_the_latest_in_force() -> None:
    rates = DEFAULT_RATES.with_entries(
        RateEntry(FEE_SLIP_YEN, date(2025, 4, 1), 110),
        RateEntry(FEE_SLIP_YEN, date(2027, 10, 1), 120),
    )
    assert rates.value(FEE_SLIP_YEN, date(2025, 3, 31)) == 100
    assert rates.value(FEE_SLIP_YEN, date(2025, 4, 1)) == 110
    assert rates.value(FEE_SLIP_YEN, date(2027, 9, 30)) == 110
    assert rates.value(FEE_SLIP_YEN, date(2027, 10, 1)) == 120
    assert DEFAULT_RATES.value(FEE_SLIP_YEN, date(2027, 10, 1)) == 100


def test_with_entries_takes_an_iterable_too() -> None:
    entry = RateEntry(FEE_SLIP_YEN, date(2025, 4, 1), 110)
    assert DEFAULT_RATES.with_entries([entry]) == DEFAULT_RATES.with_entries(entry)
    assert entry in DEFAULT_RATES.with_entries([entry]).entries


def test_no_value_yet_is_refused() -> None:
    with pytest.raises(ValueError, match="on"):
        DEFAULT_RATES.value(FEE_SLIP_YEN, date(1999, 12, 31))
    with pytest.raises(ValueError, match="on"):
        RateTable([]).value(FEE_SLIP_YEN, date(2026, 1, 1))


def test_unknown_key_is_refused() -> None:
    with pytest.raises(ValueError, match="key"):
        DEFAULT_RATES.value("fee.unknown", date(2026, 1, 1))
    with pytest.raises(ValueError, match="key"):
        RateEntry("fee.unknown", SINCE, 1)


def test_two_values_on_the_same_day_are_refused() -> None:
    with pytest.raises(ValueError, match="entries"):
        DEFAULT_RATES.with_entries(RateEntry(FEE_SLIP_YEN, SINCE, 110))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        (FEE_SLIP_YEN, -1),
        (FEE_SLIP_YEN, True),
        (FEE_SLIP_YEN, Decimal("100")),
        (FEE_SLIP_YEN, "100"),
        (INTEREST_DAYS_PER_YEAR, 0),
        (INTEREST_LATE_ANNUAL_PCT, Decimal("NaN")),
        (INTEREST_LATE_ANNUAL_PCT, Decimal("-1")),
        (INTEREST_LATE_ANNUAL_PCT, 14.5),
        (CALENDAR_CLOSED_DAYS, "12/29"),
        (CALENDAR_CLOSED_DAYS, "02-30"),
    ],
)
def test_wrong_values_are_refused_on_entry(key: str, value: object) -> None:
    with pytest.raises(ValueError, match="value"):
        RateEntry(key, SINCE, value)  # type: ignore[arg-type]


def test_entry_needs_a_date() -> None:
    with pytest.raises(ValueError, match="effective_from"):
        RateEntry(FEE_SLIP_YEN, None, 100)  # type: ignore[arg-type]


def test_int_is_accepted_for_a_decimal_rate() -> None:
    assert RateEntry(INTEREST_LATE_ANNUAL_PCT, SINCE, 14).value == Decimal(14)


def test_every_default_round_trips_through_text() -> None:
    for entry in DEFAULT_RATES.entries:
        text = format_rate_value(entry.value)
        assert isinstance(text, str)
        parsed = parse_rate_value(entry.key, text)
        assert parsed == entry.value
        assert type(parsed) is type(entry.value)
    assert format_rate_value(Decimal("14.5")) == "14.5"


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        (FEE_SLIP_YEN, " 110 ", 110),
        (FEE_SLIP_YEN, "１１０", 110),  # typed with the IME in full-width
        (INTEREST_LATE_ANNUAL_PCT, "14.6", Decimal("14.6")),
        (CALENDAR_CLOSED_DAYS, " 12-31, 1-1 ", "12-31,01-01"),
        (CALENDAR_CLOSED_DAYS, "", ""),
    ],
)
def test_parse_rate_value(key: str, text: str, expected: object) -> None:
    assert parse_rate_value(key, text) == expected


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (FEE_SLIP_YEN, "1.5"),
        (FEE_SLIP_YEN, "-1"),
        (FEE_SLIP_YEN, ""),
        (INTEREST_LATE_ANNUAL_PCT, "abc"),
        (INTEREST_DAYS_PER_YEAR, "0"),
        (CALENDAR_CLOSED_DAYS, "13-01"),
    ],
)
def test_parse_rate_value_refuses_bad_text(key: str, text: str) -> None:
    with pytest.raises(ValueError, match="text"):
        parse_rate_value(key, text)


def test_table_is_immutable_and_comparable() -> None:
    again = RateTable(DEFAULT_RATES.entries)
    assert again == DEFAULT_RATES
    assert hash(again) == hash(DEFAULT_RATES)
    assert list(again) == list(DEFAULT_RATES.entries)
    entry = DEFAULT_RATES.entries[0]
    with pytest.raises(AttributeError):
        entry.value = 1  # type: ignore[misc]
