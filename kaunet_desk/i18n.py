"""The one place that exports ``_``, ``N_`` and ``ngettext``.

Catalogs live in ``kaunet_desk/locale/<lang>/LC_MESSAGES/kaunet_desk.mo``, compiled from
``i18n/``. Without a catalog the source strings (Japanese) are shown: NullTranslations.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "kaunet_desk"
LOCALE_DIR = Path(__file__).with_name("locale")
DEFAULT_LANGUAGE = "ja"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _translations, _language
    _language = language
    _translations = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True
    )


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks a string for extraction; translated later, where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)
