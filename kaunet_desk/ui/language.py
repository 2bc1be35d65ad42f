"""The language setting: Japanese (default), English, or the operating system's.

Our strings come from kaunet_desk.i18n; Qt's own (OK/Cancel, print and file dialogs) from
the ``qtbase_*.qm`` files PySide6 ships. A change applies at the next start: the window
asks to restart rather than re-translating every widget in place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kaunet_desk import i18n
from kaunet_desk.ui.options import Option

LANGUAGE = Option("ui/language", "ja")  # "ja", "en" or "system"
CHOICES = ("ja", "en", "system")

_qt_translator: QTranslator | None = None


def resolve(choice: str, system_locale: QLocale | None = None) -> str:
    """The catalog language for a setting value: "system" follows the OS, else Japanese."""
    if choice == "system":
        system = (system_locale or QLocale.system()).name().split("_")[0]
        return system if system in i18n.LANGUAGES else "en"
    return choice if choice in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def apply_language(settings: QSettings, app: QCoreApplication, *,
                   qt_strings: bool = True) -> str:
    """Load our catalog (and Qt's, unless ``qt_strings`` is False) for the chosen language;
    returns the language used."""
    language = resolve(LANGUAGE.get(settings))
    i18n.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja"
                               else QLocale.Language.English))
    if qt_strings:
        install_qt_translation(app, language)
    return language


def install_qt_translation(app: QCoreApplication, language: str) -> None:
    """Qt's own strings (OK/キャンセル, print and file dialogs). None shows on the first
    paint, so the start-up loads them after it (≈ 4 ms of qtbase_ja.qm)."""
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translator = translator
