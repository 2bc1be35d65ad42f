"""The 登録番号 validator: T + 13 digits whose first digit checks the other twelve."""

from __future__ import annotations

import pytest

from kaunet_desk.reports.registration_number import (
    InvalidRegistrationNumber,
    check_digit,
    is_valid_registration_number,
    normalize_registration_number,
)


def test_check_digit_by_hand() -> None:
    # 011101031552 from the right: 2,5,5,1,3,0,1,0,1,1,1,0 weighted 1,2,1,2,…
    # = 2+10+5+2+3+0+1+0+1+2+1+0 = 27; 27 mod 9 = 0; 9 − 0 = 9.
    assert check_digit("011101031552") == 9
    # 010705000725: 5+4+7+0+0+0+5+0+7+0+1+0 = 29; 29 mod 9 = 2; 9 − 2 = 7.
    assert check_digit("010705000725") == 7


@pytest.mark.parametrize(
    "typed",
    ["T9011101031552", "t9011101031552", "Ｔ９０１１１０１０３１５５２", "T 9011-1010-31552",
     "T7010705000725", " T9011101031552 "],
)
def test_valid_numbers_are_normalised(typed: str) -> None:
    assert normalize_registration_number(typed) in {"T9011101031552", "T7010705000725"}
    assert is_valid_registration_number(typed)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("9011101031552", "shape"),  # no T
        ("T901110103155", "shape"),  # 12 digits
        ("T90111010315520", "shape"),  # 14 digits
        ("TX011101031552", "shape"),
        ("", "shape"),
        ("T8011101031552", "check_digit"),  # one digit mistyped
        ("T9011101031553", "check_digit"),
    ],
)
def test_invalid_numbers_are_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(InvalidRegistrationNumber) as caught:
        normalize_registration_number(typed)
    assert caught.value.reason == reason
    assert not is_valid_registration_number(typed)


def test_check_digit_needs_twelve_digits() -> None:
    with pytest.raises(ValueError):
        check_digit("123")
