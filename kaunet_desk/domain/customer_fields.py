"""Checks on a customer's ledger fields, shared by the form and the services.

Each problem names its field, so the form can show it on that field — the FAQ's complaint
about a 「確認」 button that cannot be pressed without saying why must never apply to us.
Problems carry a code, not text: the UI translates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from kaunet_desk.domain.text import normalize_text

_POSTAL = re.compile(r"^(\d{3})-?(\d{4})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_KATAKANA = re.compile(r"^[\u30a0-\u30ff\u3000 ー・]+$")


@dataclass(frozen=True)
class FieldProblem:
    field: str
    code: str  # "required", "invalid_phone", "invalid_postal", "invalid_email", "not_kana", ...


def normalize_postal(text: str) -> str:
    """〒 as ``123-4567``; returns the input (normalised) when it is not a 7-digit code."""
    value = normalize_text(text).replace("〒", "").strip()
    match = _POSTAL.match(value)
    return f"{match.group(1)}-{match.group(2)}" if match else value


def postal_digits(text: str) -> str | None:
    match = _POSTAL.match(normalize_postal(text))
    return match.group(1) + match.group(2) if match else None


def normalize_phone(text: str) -> str:
    """A Japanese number in national format (03-1234-5678); unparseable input is kept as typed."""
    value = normalize_text(text)
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "JP")
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_valid_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def is_valid_phone(text: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(normalize_text(text), "JP"))
    except phonenumbers.NumberParseException:
        return False


def check_customer_fields(
    *,
    name: str,
    name_kana: str,
    postal_code: str,
    phone: str,
    fax: str,
    email: str,
    monthly_limit_yen: int | None,
) -> list[FieldProblem]:
    """Problems with the fields as entered (already normalised by the caller or not)."""
    problems: list[FieldProblem] = []
    if not normalize_text(name):
        problems.append(FieldProblem("name", "required"))
    kana = normalize_text(name_kana)
    if not kana:
        problems.append(FieldProblem("name_kana", "required"))
    elif not _KATAKANA.match(kana):
        problems.append(FieldProblem("name_kana", "not_kana"))
    if postal_code and postal_digits(postal_code) is None:
        problems.append(FieldProblem("postal_code", "invalid_postal"))
    if not normalize_text(phone):
        problems.append(FieldProblem("phone", "required"))
    elif not is_valid_phone(phone):
        problems.append(FieldProblem("phone", "invalid_phone"))
    if normalize_text(fax) and not is_valid_phone(fax):
        problems.append(FieldProblem("fax", "invalid_phone"))
    if not normalize_text(email):
        problems.append(FieldProblem("email", "required"))
    elif not _EMAIL.match(normalize_text(email)):
        problems.append(FieldProblem("email", "invalid_email"))
    if monthly_limit_yen is None:
        problems.append(FieldProblem("monthly_limit_yen", "required"))
    elif monthly_limit_yen < 0:
        problems.append(FieldProblem("monthly_limit_yen", "negative"))
    return problems
