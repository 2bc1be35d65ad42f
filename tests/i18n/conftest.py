"""Fixtures for the English side: the catalogs as they are in ``i18n/``, switched on and off.

``english`` compiles ``i18n/en`` in memory (a stale ``kaunet_desk/locale/*.mo`` from an older
build must not hide an untranslated string) and always goes back to Japanese afterwards, so
tests that run later in the session see the default language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from kaunet_desk import i18n
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database

TODAY = date(2026, 11, 20)

# Hiragana, katakana (with ・ and ー), CJK ideographs (ext. A, unified, compatibility),
# half-width katakana. Not 「」、〜※〒: they are punctuation an English text may keep.
JAPANESE = re.compile("[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                      "\uf900-\ufaff\uff66-\uff9f]")

# Japanese left on purpose in the English UI and reports: names of services, desks, legal
# terms and screens exactly as the customer or KDDI prints them (each one is glossed in
# English where it first appears), and the honorifics of Japanese business documents.
KEPT_TERMS = (
    "KDDI まとめてオフィスサポートデスク",  # KDDI Matomete Office Support Desk
    "KDDI まとめてオフィス",  # the service name (KDDI Matomete Office)
    "まとめてオフィス",  # its menu on My KDDI Biz 総合
    "カウネット契約追加申込",  # the My KDDI Biz 総合 menu item for another Kaunet ID
    "カウネットヘルプコール",  # Kaunet Help Call
    "ポイント de ショッピングご利用分一式",  # printed by KDDI on the invoice
    "KDDI まとめて請求",  # the combined-billing terms
    "My KDDI Biz 総合",  # the portal's name
    "適格請求書",  # qualified invoice
    "月間購入上限金額",  # the FAQ section the limit dialog cites
    "和暦",  # the Japanese-era calendar, next to its example
    "御中",
    "様",
    # The language menu names each language in itself, so a reader of either finds it.
    "言語",
    "日本語",
    "次回の起動から表示言語が変わります。",
)


def japanese_left(text: str, data: tuple[str, ...] = ()) -> str:
    """The Japanese characters of ``text`` once data and the kept terms are taken out."""
    for allowed in (*data, *KEPT_TERMS):
        text = text.replace(allowed, " ")
    return "".join(JAPANESE.findall(text))


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "no-compiled-catalogs")
    i18n.set_language("en")
    assert i18n.language() == "en"
    try:
        yield
    finally:
        i18n.set_language("ja")


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    from kaunet_desk.demo import build_demo

    database = Database.open(tmp_path / "demo.sqlite")
    build_demo(database, customers=30, orders=300, today=TODAY)
    yield database
    database.close()


def database_strings(path: Path) -> tuple[str, ...]:
    """Every text value stored in the ledger file, longest first: data, not UI text."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        values: set[str] = set()
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                values.update(v for v in row if isinstance(v, str) and JAPANESE.search(v))
    finally:
        connection.close()
    # The report settings' defaults are the dealer's own data too (its name and address).
    defaults = ReportSettings()
    values.update(v for f in fields(defaults)
                  if isinstance(v := getattr(defaults, f.name), str) and JAPANESE.search(v))
    return tuple(sorted(values, key=len, reverse=True))
