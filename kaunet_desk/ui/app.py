"""Starting the GUI: the window paints first, then the database is opened."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kaunet_desk.i18n import _

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
    from kaunet_desk.ui.main_window import MainWindow

    window = MainWindow()
    window.show()

    def open_database() -> None:
        from kaunet_desk.store.database import Database

        try:
            window.attach(Database.open(db))
        except Exception as error:  # shown to the clerk as a sentence, not a traceback
            QMessageBox.critical(
                window, _("データベースを開けません"), _("{error}").format(error=error)
            )

    QTimer.singleShot(0, open_database)
    return app.exec()
