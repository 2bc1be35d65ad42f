"""Starting the GUI: the window paints first, then the database is opened off the GUI thread."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

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

    from kaunet_desk.ui.language import apply_language, install_qt_translation

    settings = QSettings()
    language = apply_language(settings, app, qt_strings=False)
    # Imported after the language is set: module-level labels are translated on import.
    from kaunet_desk.ui.main_window import MainWindow

    window = MainWindow(settings, defer_tabs=True)
    window.show()

    def finish_startup() -> None:
        # After the first paint: Qt's strings, the log and crash dialog, the tabs, then the
        # database.
        from kaunet_desk.ui.crash import install_crash_handler

        install_qt_translation(app, language)
        install_crash_handler()
        window.build_tabs()
        window.open_database(db)

    after_first_paint(window, finish_startup)
    return app.exec()


class _FirstPaint(QObject):
    """Runs ``then`` once the window has painted: a QTimer.singleShot(0) alone can fire
    before the first paint and keep the clerk looking at nothing while the tabs load."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        # Where no paint comes (a minimised start), go on anyway.
        QTimer.singleShot(1000, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            # A few ms later rather than 0: whatever else waits on this paint (flushing the
            # backing store, other zero-timers) goes first.
            QTimer.singleShot(15, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(window, then)
