"""The 適格請求書発行事業者登録番号 printed on an invoice: 「T」+ 13 digits.

国税庁 (登録番号の構成): a company's number is T + its 法人番号; anyone else gets T + 13
digits that are not a My Number. The first of the 13 digits is a check digit over the other
twelve (法人番号の検査用数字: 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right,
Qn 1 for odd n and 2 for even n), which catches any single mistyped digit but 0 ↔ 9.
"""

from __future__ import annotations

import re
import unicodedata

_SHAPE = re.compile(r"T(\d{13})")
# What clerks type between digit groups: spaces and any kind of dash.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−ー]")


class InvalidRegistrationNumber(ValueError):
    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"registration number {text!r}: {reason}")
        self.text = text
        self.reason = reason  # "shape" or "check_digit"


def check_digit(base12: str) -> int:
    """The check digit of the 12 digits that follow it."""
    if len(base12) != 12 or not base12.isdigit():
        raise ValueError(f"need 12 digits, got {base12!r}")
    total = sum(
        int(digit) * (1 if n % 2 == 1 else 2)
        for n, digit in enumerate(reversed(base12), start=1)
    )
    return 9 - total % 9


def normalize_registration_number(text: str) -> str:
    """``T1234567890123`` from what was typed: 全角, lower-case t, spaces and dashes allowed.

    Raises InvalidRegistrationNumber when it is not T + 13 digits with a valid check digit.
    """
    folded = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    match = _SHAPE.fullmatch(folded)
    if match is None:
        raise InvalidRegistrationNumber(text, "shape")
    digits = match[1]
    if int(digits[0]) != check_digit(digits[1:]):
        raise InvalidRegistrationNumber(text, "check_digit")
    return folded


def is_valid_registration_number(text: str) -> bool:
    try:
        normalize_registration_number(text)
    except InvalidRegistrationNumber:
        return False
    return True
