"""Money and dates follow the language (formatting.py): English under "en"."""

from __future__ import annotations

from datetime import date

import pytest

from kaunet_desk import i18n
from kaunet_desk.formatting import (
    DateStyle,
    babel_locale,
    format_date,
    format_month,
    format_number,
    format_yen,
)


@pytest.mark.usefixtures("english")
def test_english_money_uses_the_half_width_yen_sign_and_no_decimals() -> None:
    assert babel_locale() == "en_US"
    assert format_yen(12_345) == "¥12,345"
    assert format_yen(-200) == "-¥200"  # the rebate and points lines
    assert format_yen(0) == "¥0"
    assert format_yen(1_000_000) == "¥1,000,000"
    assert format_number(300_000) == "300,000"


@pytest.mark.usefixtures("english")
def test_english_dates_and_months() -> None:
    assert format_date(date(2026, 11, 22)) == "2026-11-22"
    assert format_date(date(2027, 1, 3)) == "2027-01-03"
    assert format_month(date(2026, 9, 1)) == "Sep 2026"
    assert format_date(None) == ""


@pytest.mark.usefixtures("english")
def test_the_japanese_era_setting_falls_back_to_western_dates_in_english() -> None:
    # 令和 has no English form in Babel; reports set to 和暦 still print readable dates.
    assert format_date(date(2019, 5, 1), style=DateStyle.WAREKI) == "2019-05-01"
    assert format_month(date(2019, 5, 1), style=DateStyle.WAREKI) == "May 2019"


def test_switching_back_to_japanese_formats_in_japanese(english: None) -> None:
    assert format_yen(12_345) == "¥12,345"
    i18n.set_language("ja")
    assert format_yen(12_345) == "￥12,345"  # full-width yen sign of ja_JP
    assert format_date(date(2026, 11, 22)) == "2026/11/22"
    assert format_month(date(2026, 11, 1)) == "2026年11月"
    assert format_date(date(2019, 5, 1), style=DateStyle.WAREKI) == "令和元年5月1日"
