"""The catalogs in ``i18n/`` against the strings in the code, and the check itself."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kaunet_desk import catalogs
from kaunet_desk.catalogs import Problem


def test_every_message_in_the_code_is_translated_in_ja_and_en() -> None:
    """Fails when someone adds a string without translating it (intended): run
    ``python -m kaunet_desk.catalogs update`` and fill in i18n/en."""
    template = catalogs.extract()
    assert len(template) > 500  # the extractor found the code's strings
    for language in catalogs.LANGUAGES:
        catalog = catalogs.load(language)
        assert catalog is not None, f"i18n/{language} is missing"
        problems = catalogs.check(language, catalog, template)
        assert problems == [], "\n".join(
            f"{p.language}: {p.reason}: {p.message!r}" for p in problems)


def test_the_english_catalog_does_not_just_repeat_the_japanese() -> None:
    """A translation equal to its source is allowed only for strings with no Japanese."""
    from .conftest import JAPANESE, japanese_left

    catalog = catalogs.load("en")
    assert catalog is not None
    copied = [m.id for m in catalog if m.id and not isinstance(m.id, tuple)
              and m.string == m.id and JAPANESE.search(japanese_left(m.id))]
    assert copied == []


def _write(folder: Path, language: str, catalog: Catalog) -> None:
    path = catalogs.po_path(language, folder)
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def test_check_reports_placeholders_that_differ_from_the_source(tmp_path: Path) -> None:
    template = Catalog(locale=None, domain=catalogs.DOMAIN)
    template.add("{name} 様")
    template.add("{count} 件を書き出しました: {path}")
    template.add("{count} 件", None)
    template.add(("{count} 行", "{count} 行"))
    template.add("保存")
    template.add("削除")
    template.add("印刷")
    english = Catalog(locale="en", domain=catalogs.DOMAIN)
    english.add("{name} 様", "{nam} sama")  # misspelt
    english.add("{count} 件を書き出しました: {path}", "Exported {count}")  # one lost
    english.add("{count} 件", "{count} items {count}")  # one too many
    english.add(("{count} 行", "{count} 行"), ("one row", "{count} rows"))  # singular lost it
    english.add("保存", "Save")  # fine
    english.add("削除", "", flags=("fuzzy",))  # untranslated and fuzzy
    # 印刷 is missing altogether.
    _write(tmp_path, "en", english)

    loaded = catalogs.load("en", sources=tmp_path)
    assert loaded is not None
    problems = catalogs.check("en", loaded, template)

    assert problems == [
        Problem("en", "{name} 様", "placeholders differ: '{nam} sama'"),
        Problem("en", "{count} 件を書き出しました: {path}",
                "placeholders differ: 'Exported {count}'"),
        Problem("en", "{count} 件", "placeholders differ: '{count} items {count}'"),
        Problem("en", "{count} 行", "placeholders differ: 'one row'"),
        Problem("en", "削除", "fuzzy"),
        Problem("en", "削除", "untranslated"),
        Problem("en", "印刷", "missing"),
    ]


def test_a_catalog_whose_placeholders_match_has_no_problem(tmp_path: Path) -> None:
    template = Catalog(locale=None, domain=catalogs.DOMAIN)
    template.add("{first} 〜 {last}")
    english = Catalog(locale="en", domain=catalogs.DOMAIN)
    english.add("{first} 〜 {last}", "{first} – {last}")
    _write(tmp_path, "en", english)
    loaded = catalogs.load("en", sources=tmp_path)
    assert loaded is not None
    assert catalogs.check("en", loaded, template) == []


def test_compile_writes_mo_files_that_gettext_reads(tmp_path: Path) -> None:
    written = catalogs.compile_all(out=tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "en/LC_MESSAGES/kaunet_desk.mo", "ja/LC_MESSAGES/kaunet_desk.mo"]
    english = gettext.translation(catalogs.DOMAIN, tmp_path, languages=["en"])
    assert english.gettext("保存") == "Save"
    # English has two plural forms; the header of the compiled catalog says so.
    assert english.ngettext("{count} 件", "{count} 件", 1) == "{count} item"
    assert english.ngettext("{count} 件", "{count} 件", 2) == "{count} items"
    assert english.ngettext("{count} 件", "{count} 件", 0) == "{count} items"
    japanese = gettext.translation(catalogs.DOMAIN, tmp_path, languages=["ja"])
    assert japanese.gettext("保存") == "保存"
    assert japanese.ngettext("{count} 件", "{count} 件", 2) == "{count} 件"


def test_a_counted_message_is_never_also_used_without_its_count() -> None:
    """``_("{count} 件")`` next to ``ngettext("{count} 件", …)`` would show "{count} item"
    for every count in English: a message is either plural everywhere or nowhere."""
    from babel.messages.extract import extract_from_dir

    singular: set[str] = set()
    plural: set[str] = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        catalogs.PACKAGE, method_map=[("**.py", "python")], keywords=catalogs.KEYWORDS
    ):
        if isinstance(message, tuple):
            plural.add(message[0])
        else:
            singular.add(message)
    assert plural  # the code does use ngettext
    assert singular & plural == set()
