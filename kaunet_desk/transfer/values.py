"""Parsing one cell: dates, yen amounts, yes/no, choices and text with their limits.

Each parser returns the value as stored, or raises ValueProblem with a reason code. The
common spelling takes a fast path (an import reads up to a million rows); anything else
goes through NFKC first, so 全角 digits and ２０２６／２／２８ are accepted too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kaunet_desk.domain.text import normalize_text
from kaunet_desk.transfer.problems import ValueProblem
from kaunet_desk.transfer.vocabulary import Vocabulary

# Our choice: the ledger holds orders of this century; anything else is a typo.
FIRST_YEAR = 2000
LAST_YEAR = 2099
# Our choice: no single amount of a Kaunet ledger reaches 1 billion yen, and every amount
# must fit PostgreSQL's INTEGER.
MAX_YEN = 999_999_999

_DATE = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+0{1,2}:00(?::00)?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEN_NOISE = str.maketrans("", "", ",円￥¥\\ ")
# Excel's and Japanese books' ways of writing a negative amount.
_NEGATIVE_MARKS = ("-", "−", "△", "▲", "(")


_UNUSABLE = frozenset(("Cc", "Cs", "Co"))


def has_control_chars(text: str) -> bool:
    """Control characters other than tab and newlines (normalize_text turns those into
    spaces), lone surrogates and private-use characters (外字, or bytes read in the wrong
    encoding — cp932 maps 0xA0 and 0xFD–0xFF there): none of them can be shown or printed
    the same on another PC, and control characters break Excel and XLSX."""
    if text.isprintable():
        return False
    return any(
        unicodedata.category(char) in _UNUSABLE and char not in "\t\n\r" for char in text
    )


def parse_text(cell: str, limit: int) -> str:
    """normalize_text (NFKC, whitespace runs → one space) with the column's length limit."""
    if cell.isascii() and cell.isprintable() and cell == cell.strip() and "  " not in cell:
        value = cell  # fast path: nothing NFKC or the whitespace rule would change
    else:
        if has_control_chars(cell):
            raise ValueProblem("control_char")
        value = normalize_text(cell)
    if len(value) > limit:
        raise ValueProblem("too_long", limit=limit)
    return value


def parse_date(cell: str) -> date | None:
    """2026-02-28, 2026/2/28, 2026年2月28日, 20260228 (Excel's 「0:00」 time tolerated)."""
    if not cell:
        return None
    if len(cell) == 10 and cell[4] == cell[7] and cell[4] in "-/" and cell.isascii():
        # Fast path: 2026-02-28 (ISO) or 2026/02/28 (what the export writes).
        try:
            day = date.fromisoformat(cell if cell[4] == "-" else cell.replace("/", "-"))
        except ValueError:
            raise ValueProblem("invalid_date") from None
    else:
        text = normalize_text(cell)
        if not text:
            return None
        match = _DATE.match(text) or _COMPACT_DATE.match(text)
        if match is None:
            raise ValueProblem("invalid_date")
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:  # 2026-02-30, month 13, …
            raise ValueProblem("invalid_date") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueProblem("date_out_of_range", first=FIRST_YEAR, last=LAST_YEAR)
    return day


def parse_yen(cell: str) -> int | None:
    """Whole yen, never negative: 12345, 12,345, ￥12,345, 12345円; empty → None."""
    if cell.isdigit() and cell.isascii():
        amount = int(cell)
    else:
        text = normalize_text(cell)
        if not text:
            return None
        if text.startswith(_NEGATIVE_MARKS):
            body = text.lstrip("".join(_NEGATIVE_MARKS)).rstrip(")").translate(_YEN_NOISE)
            raise ValueProblem("negative" if body.isdigit() else "not_a_number")
        text = text.translate(_YEN_NOISE)
        if text.endswith(".0"):  # Excel's 1234.0 for a whole number
            text = text[:-2]
        if not (text.isdigit() and text.isascii()):
            raise ValueProblem("not_a_number")
        amount = int(text)
    if amount > MAX_YEN:
        raise ValueProblem("too_large", limit=f"{MAX_YEN:,}")
    return amount


def parse_choice(cell: str, vocabulary: Vocabulary) -> str | None:
    """The stored code for a word of ``vocabulary``; empty → None."""
    if not cell or not cell.strip():
        return None
    code = vocabulary.code(cell)
    if code is None:
        raise ValueProblem("unknown_choice", choices=vocabulary.choices)
    return code


def parse_yes_no(cell: str, yes_no: Vocabulary) -> bool | None:
    code = parse_choice(cell, yes_no)
    return None if code is None else code == "1"
