"""``kaunet-desk screenshot``: every tab as a PNG, rendered offscreen at 1280×800."""

from __future__ import annotations

import os
from pathlib import Path

SIZE = (1280, 800)


def write_screenshots(db: str | Path | None, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from kaunet_desk.store.database import Database
    from kaunet_desk.ui.app import make_application
    from kaunet_desk.ui.main_window import MainWindow

    app = make_application()
    # A throw-away settings scope: screenshots must not depend on, or change, the clerk's.
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.attach(Database.open(db))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for index, tab in enumerate(window.tab_list):
        window.tabs.setCurrentIndex(index)
        window.background.wait()
        for _round in range(5):
            app.processEvents()
        path = out / f"{tab.key}.png"
        window.grab().save(str(path))
        written.append(path)
    window.close()
    return written
