"""Cell parsing: the spellings a clerk's Excel produces, and what must be refused."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk.transfer.problems import ValueProblem
from kaunet_desk.transfer.values import has_control_chars, parse_date, parse_text, parse_yen


@pytest.mark.parametrize("cell", [
    "2026-02-28", "2026/02/28", "2026/2/28", "２０２６／２／２８", "2026年2月28日",
    "20260228", "2026/2/28 0:00", " 2026/02/28 ",
])
def test_dates_in_every_spelling(cell: str) -> None:
    assert parse_date(cell) == date(2026, 2, 28)


@pytest.mark.parametrize(("cell", "reason"), [
    ("2026-02-30", "invalid_date"), ("2026/02/30", "invalid_date"), ("2026/13/01", "invalid_date"),
    ("2025-02-29", "invalid_date"), ("昨日", "invalid_date"), ("2026/2/28 9:30", "invalid_date"),
    ("1999/12/31", "date_out_of_range"), ("2100-01-01", "date_out_of_range"),
])
def test_impossible_dates_are_refused(cell: str, reason: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date(cell)
    assert caught.value.reason == reason


def test_leap_day_and_empty() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    assert parse_date("") is None and parse_date("  ") is None


@pytest.mark.parametrize(("cell", "yen"), [
    ("12345", 12345), ("12,345", 12345), ("￥12,345", 12345), ("¥12,345", 12345),
    ("12345円", 12345), ("１２３４５", 12345), ("12345.0", 12345), ("0", 0),
])
def test_amounts(cell: str, yen: int) -> None:
    assert parse_yen(cell) == yen


@pytest.mark.parametrize(("cell", "reason"), [
    ("-100", "negative"), ("△100", "negative"), ("(100)", "negative"), ("－１００", "negative"),
    ("abc", "not_a_number"), ("12.5", "not_a_number"), ("1e5", "not_a_number"),
    ("1000000000", "too_large"), ("-x", "not_a_number"),
])
def test_bad_amounts(cell: str, reason: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_yen(cell)
    assert caught.value.reason == reason


def test_text_is_normalised_and_limited() -> None:
    assert parse_text("ｶｳﾈｯﾄ　 株式会社 ", 20) == "カウネット 株式会社"
    with pytest.raises(ValueProblem) as caught:
        parse_text("x" * 21, 20)
    assert caught.value.params == {"limit": 20}
    for bad in ("a\x00b", "a\x1bb", "外字\ue000", "\ud800"):
        assert has_control_chars(bad)
        with pytest.raises(ValueProblem):
            parse_text(bad, 20)
    assert not has_control_chars("改行\r\nとタブ\tは空白になる")
