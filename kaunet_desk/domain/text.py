"""Normalising what clerks type, so 全角/半角 and ひらがな/カタカナ variants match."""

from __future__ import annotations

import re
import unicodedata

import jaconv

from kaunet_desk.domain.arguments import require_text

_WHITESPACE = re.compile(r"\s+")
# Dashes that are not Unicode "Pd" but are typed as hyphens in phone numbers and
# addresses: minus sign, hyphen bullet.
_EXTRA_DASHES = "\u2212\u2043"
# The IME's 長音符 typed for a hyphen between digits ("03ー1234ー5678"); elsewhere it is
# part of a word (カード) and stays.
_LONG_VOWEL_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])ー|ー(?=[0-9])")
_NOT_DIGIT = re.compile(r"[^0-9]")


def normalize_text(s: str) -> str:
    """NFKC (全角英数→半角, 半角カナ→全角), whitespace runs collapsed to one space, stripped."""
    nfkc = unicodedata.normalize("NFKC", require_text("s", s))
    return _WHITESPACE.sub(" ", nfkc).strip()


def to_katakana(s: str) -> str:
    """Full-width katakana for フリガナ: NFKC (so ｶﾞ → ガ), then ひらがな → カタカナ."""
    return jaconv.hira2kata(unicodedata.normalize("NFKC", require_text("s", s)))


def _is_dash(char: str) -> bool:
    return unicodedata.category(char) == "Pd" or char in _EXTRA_DASHES


def search_key(s: str) -> str:
    """A key for matching names, フリガナ and phone numbers however they were typed.

    "03-1234-5678", "０３１２３４５６７８" and "03 1234 5678" give the same key, and so do
    "かうねっと" and "ｶｳﾈｯﾄ".
    """
    folded = to_katakana(normalize_text(s)).casefold()
    folded = _LONG_VOWEL_BETWEEN_DIGITS.sub("", folded)
    return "".join(char for char in folded if not char.isspace() and not _is_dash(char))


def digits_only(s: str) -> str:
    """The ASCII digits of `s` after NFKC (全角数字 count), e.g. for 〒 and phone numbers."""
    return _NOT_DIGIT.sub("", unicodedata.normalize("NFKC", require_text("s", s)))
