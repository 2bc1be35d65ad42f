"""Normalising typed text for display and search."""

from __future__ import annotations

import pytest

from kaunet_desk.domain import digits_only, normalize_text, search_key, to_katakana


def test_normalize_text() -> None:
    assert normalize_text("  ＡＢＣ　株式会社\t\n本社 ") == "ABC 株式会社 本社"
    assert normalize_text("ｶｳﾈｯﾄ") == "カウネット"
    assert normalize_text("") == ""


def test_to_katakana() -> None:
    assert to_katakana("かうねっと") == "カウネット"
    assert to_katakana("ｶﾌﾞｼｷｶﾞｲｼｬ") == "カブシキガイシャ"  # half-width with dakuten
    assert to_katakana("ゔぁ") == "ヴァ"
    assert to_katakana("カウネット") == "カウネット"
    assert to_katakana("ABC商事") == "ABC商事"


@pytest.mark.parametrize(
    "typed",
    [
        "03-1234-5678",
        "０３１２３４５６７８",
        "０３－１２３４－５６７８",
        "03‐1234‐5678",  # U+2010 hyphen
        "03–1234—5678",  # en and em dash
        "03−1234−5678",  # U+2212 minus sign
        "03ー1234ー5678",  # 長音符 typed by the IME
        "03ｰ1234ｰ5678",  # half-width 長音符
        " 03 1234 5678 ",
    ],
)
def test_phone_numbers_match(typed: str) -> None:
    assert search_key(typed) == "0312345678"


def test_search_key_folds_kana_and_case() -> None:
    assert search_key("かうねっと") == search_key("ｶｳﾈｯﾄ") == search_key("カウネット")
    assert search_key("ＫＤＤＩ まとめて") == search_key("kddi マトメテ")
    # The 長音符 inside a word is kept, so カード is not カド.
    assert search_key("カード") == "カード"
    assert search_key("こーひー") == "コーヒー"


def test_digits_only() -> None:
    assert digits_only("〒１００－０００１") == "1000001"
    assert digits_only("TEL: 03-1234-5678") == "0312345678"
    assert digits_only("なし") == ""


@pytest.mark.parametrize("function", [normalize_text, to_katakana, search_key, digits_only])
def test_text_must_be_str(function: object) -> None:
    with pytest.raises(ValueError, match="s must"):
        function(None)  # type: ignore[operator]
