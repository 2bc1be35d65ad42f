"""Starting the GUI: the window paints first, then the database is opened off the GUI thread."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

ORGANIZATION = "KaunetDesk"
APPLICATION = "Kaunet Desk"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    return QApplication(argv if argv is not None else sys.argv[:1])


def run_gui(db: str | Path | None) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from kaunet_desk.ui.language import apply_language

    settings = QSettings()
    apply_language(settings, app)
    # Imported after the language is set: module-level labels are translated on import.
    from kaunet_desk.ui.main_window import MainWindow

    window = MainWindow(settings, defer_tabs=True)
    window.show()

    def finish_startup() -> None:
        # After the first paint: the log and crash dialog, the tabs, then the database.
        from kaunet_desk.ui.crash import install_crash_handler

        install_crash_handler()
        window.build_tabs()
        window.open_database(db)

    QTimer.singleShot(0, finish_startup)
    return app.exec()
