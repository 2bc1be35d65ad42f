"""The one place that exports ``_``, ``N_`` and ``ngettext``.

Compiled catalogs live in ``kaunet_desk/locale/<lang>/LC_MESSAGES/kaunet_desk.mo`` (built
from ``i18n/`` by ``python -m kaunet_desk.catalogs compile``). A source checkout without
them compiles the ``.po`` in memory; with neither, the source strings (Japanese) are shown
through NullTranslations.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

DOMAIN = "kaunet_desk"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE_DIR = Path(__file__).resolve().parent.parent / "i18n"
DEFAULT_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _load(language: str) -> gettext.NullTranslations:
    compiled = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    source = SOURCE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    # In a checkout, a .po edited after the last compile wins over the stale .mo.
    stale = source.exists() and compiled.exists() and (
        source.stat().st_mtime > compiled.stat().st_mtime)
    if compiled.exists() and not stale:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if source.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with source.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch the catalog; unknown languages fall back to the Japanese sources."""
    global _translations, _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _translations = _load(_language)


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks a string for extraction; translated later, where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)
