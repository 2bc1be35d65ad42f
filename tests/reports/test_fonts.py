"""Where the IPAex fonts come from, and that they are registered once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaunet_desk.reports import fonts


def test_bundled_fonts_and_license_are_in_the_repository() -> None:
    for name in (fonts.GOTHIC, fonts.MINCHO):
        assert fonts.font_path(name).parent == fonts.BUNDLED_DIR
    license_text = (fonts.BUNDLED_DIR / "IPA_Font_License_Agreement_v1.0.txt").read_text(
        encoding="utf-8")
    assert "IPAフォントライセンスv1.0" in license_text
    assert "IPA Font License Agreement v1.0" in license_text


def test_system_fonts_are_the_fallback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "BUNDLED_DIR", tmp_path / "none")
    monkeypatch.setattr(fonts, "INSTALLED_DIR", tmp_path / "none")
    system = tmp_path / "system"
    system.mkdir()
    (system / "ipaexg.ttf").write_bytes(b"")
    monkeypatch.setattr(fonts, "_SYSTEM_DIRS", {fonts.GOTHIC: system, fonts.MINCHO: system})
    assert fonts.font_path(fonts.GOTHIC) == system / "ipaexg.ttf"
    with pytest.raises(fonts.FontMissing, match=r"ipaexm\.ttf"):
        fonts.font_path(fonts.MINCHO)


def test_registration_is_once() -> None:
    fonts.register_fonts()
    assert fonts.fonts_registered()
    from reportlab.pdfbase import pdfmetrics

    first = pdfmetrics.getFont(fonts.GOTHIC)
    fonts.register_fonts()
    assert pdfmetrics.getFont(fonts.GOTHIC) is first
