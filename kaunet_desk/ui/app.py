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
    from kaunet_desk.ui.crash import install_crash_handler
    from kaunet_desk.ui.main_window import MainWindow

    install_crash_handler()
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, lambda: window.open_database(db))
    return app.exec()
