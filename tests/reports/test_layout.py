"""Wrapping, fitting and pagination helpers."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from kaunet_desk.reports.fonts import GOTHIC, register_fonts
from kaunet_desk.reports.layout import fitted, page_number, wrap_text
from kaunet_desk.reports.tables import paginate


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts()


TEXT = "株式会社北斗ロジスティクス・ソリューションズ東日本支社。「KDDI まとめてオフィス」のロゴ。"


@pytest.mark.parametrize("width", [60, 100, 130, 160, 300])
def test_wrapped_lines_fit_and_keep_every_character(width: float) -> None:
    lines = wrap_text(TEXT, width, 10)
    assert all(stringWidth(line, GOTHIC, 10) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == TEXT.replace(" ", "")
    for line in lines[1:]:
        assert line[0] not in "、。・」）"  # 行頭禁則
    for line in lines[:-1]:
        assert line[-1] not in "「（"  # 行末禁則


def test_latin_runs_stay_whole() -> None:
    lines = wrap_text("お問い合わせは 03-0000-0000 まで", 75, 10)
    assert any("03-0000-0000" in line for line in lines)


def test_newlines_start_paragraphs() -> None:
    assert wrap_text("一行目\n二行目", 500, 10) == ["一行目", "二行目"]


def test_fitted_shrinks_then_cuts() -> None:
    text, size = fitted("あいうえお", 48, 10, min_size=9)
    assert (text, size) == ("あいうえお", pytest.approx(9.6))
    text, size = fitted("あいうえおかきくけこ", 50, 10, min_size=10)
    assert size == 10 and text.endswith("…")
    assert stringWidth(text, GOTHIC, 10) <= 50


def test_paginate() -> None:
    assert paginate([], 3, 5) == [[]]
    assert paginate(list(range(10)), 3, 5) == [[0, 1, 2], [3, 4, 5, 6, 7], [8, 9]]
    with pytest.raises(ValueError):
        paginate([1], 0, 1)


def test_page_number() -> None:
    assert page_number(1, 3) == "1 / 3"
