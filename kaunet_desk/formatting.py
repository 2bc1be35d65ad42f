"""The one money and date formatter: every amount and date the clerk sees goes through here.

Babel formats for the active language; 和暦 (令和) comes from japanera because Babel does
not format Japanese eras.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal

from kaunet_desk.i18n import language


class DateStyle(StrEnum):
    GREGORIAN = "gregorian"  # 西暦
    WAREKI = "wareki"  # 和暦


_LOCALES = {"ja": "ja_JP", "en": "en_US"}


def babel_locale() -> str:
    return _LOCALES.get(language(), "ja_JP")


@lru_cache(maxsize=8)
def _babel(locale: str) -> Locale:
    return Locale.parse(locale)


@lru_cache(maxsize=65536)
def _yen(amount: int, locale: str) -> str:
    # Reports format tens of thousands of amounts; Babel's parse per call dominated.
    return format_currency(amount, "JPY", locale=_babel(locale))


def format_yen(amount: int, *, locale: str | None = None) -> str:
    """``￥12,345`` / ``-￥200`` — integer yen only; a float is a bug upstream."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"amount must be int yen, got {type(amount).__name__}")
    return _yen(amount, locale or babel_locale())


def format_number(value: int, *, locale: str | None = None) -> str:
    return format_decimal(value, locale=locale or babel_locale())


def wareki_year(day: date) -> str:
    """令和8年 — the first year of an era is 元年."""
    import japanera

    era_date = japanera.EraDate.from_date(day)
    relative = day.year - era_date.era.since.year + 1
    return f"{era_date.era.kanji}{'元' if relative == 1 else relative}年"


def format_date(
    day: date | None, *, style: DateStyle = DateStyle.GREGORIAN, locale: str | None = None
) -> str:
    if day is None:
        return ""
    locale = locale or babel_locale()
    if style is DateStyle.WAREKI and locale.startswith("ja"):
        return f"{wareki_year(day)}{day.month}月{day.day}日"
    if locale.startswith("ja"):
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    # Numeric, as wide as the Japanese form the table columns are sized for ("Nov 20, 2026"
    # was cut off in every date column) and unambiguous: ISO 8601.
    return babel_format_date(day, "yyyy-MM-dd", locale=locale)


def format_month(
    month: date | None, *, style: DateStyle = DateStyle.GREGORIAN, locale: str | None = None
) -> str:
    if month is None:
        return ""
    locale = locale or babel_locale()
    if locale.startswith("ja"):
        if style is DateStyle.WAREKI:
            return f"{wareki_year(month)}{month.month}月"
        return f"{month.year}年{month.month}月"
    return babel_format_date(month, "MMM yyyy", locale=locale)
