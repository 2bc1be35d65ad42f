"""御中 for a company or department, 様 for a person, never both."""

from __future__ import annotations

import pytest

from kaunet_desk.reports.honorific import addressee, addressee_lines, strip_honorific


def test_company_alone_gets_onchu() -> None:
    assert addressee_lines("株式会社みなと文具") == ["株式会社みなと文具 御中"]


def test_department_gets_onchu_after_the_company() -> None:
    assert addressee_lines("株式会社みなと文具", "総務部") == ["株式会社みなと文具 総務部 御中"]


def test_person_gets_sama_and_the_company_none() -> None:
    assert addressee_lines("株式会社みなと文具", "総務部", "山田 太郎") == [
        "株式会社みなと文具 総務部",
        "山田 太郎 様",
    ]


def test_person_without_company() -> None:
    assert addressee_lines("", person="山田 太郎") == ["山田 太郎 様"]


@pytest.mark.parametrize(
    ("company", "person", "expected"),
    [
        ("株式会社A御中", "", "株式会社A 御中"),
        ("株式会社A 御中", "山田様", "株式会社A 山田 様"),
        ("株式会社A", "山田 殿", "株式会社A 山田 様"),
        ("株式会社A 御中", "山田 様", "株式会社A 山田 様"),
    ],
)
def test_typed_honorifics_are_not_doubled(company: str, person: str, expected: str) -> None:
    result = addressee(company, person=person)
    assert result == expected
    assert not ("御中" in result and "様" in result)
    assert result.count("御中") + result.count("様") == 1


def test_nothing_to_address() -> None:
    assert addressee_lines("") == []


def test_strip_keeps_names_without_honorific() -> None:
    assert strip_honorific("様似町役場") == "様似町役場"
    assert strip_honorific("株式会社B 様 ") == "株式会社B"
