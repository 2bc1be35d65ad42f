"""``kaunet-desk screenshot``: every tab as a PNG, rendered offscreen at 1280×800."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kaunet_desk.ui.main_window import MainWindow

SIZE = (1280, 800)


def _settle(window: MainWindow, app: QApplication) -> None:
    """Let background loads finish and their results paint (they may start more loads)."""
    for _round in range(100):
        window.background.wait()
        app.processEvents()
        if not window.background.busy():
            app.processEvents()
            return


def write_screenshots(db: str | Path | None, out: Path, language: str = "ja") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from kaunet_desk.store.database import Database
    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.language import LANGUAGE, apply_language
    from kaunet_desk.ui.main_window import MainWindow

    app = make_application()
    out.mkdir(parents=True, exist_ok=True)
    # A throw-away settings scope: screenshots must not depend on, or change, the clerk's.
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    LANGUAGE.set(settings, language)
    apply_language(settings, app)
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.attach(Database.open(db))
    written: list[Path] = []
    for index, tab in enumerate(window.tab_list):
        window.tabs.setCurrentIndex(index)
        _settle(window, app)
        path = out / f"{tab.key}-{language}.png"
        window.grab().save(str(path))
        written.append(path)
    window.close()
    return written
