"""Cold start, measured from the launch of the interpreter (KAUNET_BENCH_T0), offscreen.

``app``: the real entry point, ``kaunet_desk.cli.main(["--db", path])`` → run_gui, with
QSettings, the log and the backup folder redirected by the parent (XDG_CONFIG_HOME,
XDG_DATA_HOME) into a throw-away folder. ``bare``: a bare PySide6 QMainWindow of the same
size, shown and closed. Both get the same hook: QMainWindow.show is wrapped to put an event
filter on the window, so nothing of ours runs for other widgets' events.

"Painted" is the first QEvent.Paint of the main window, plus one turn of the event loop
(QTimer.singleShot(0)) so the paint itself is included. "Rows shown" is the first paint of
the お客さま table's viewport once its model has rows and has fetched a page for them
(the tab is looked for until it exists, so a window that builds its tabs after its first
paint is measured the same way).
"""

from __future__ import annotations

import os
import time
from typing import Any

T0 = int(os.environ.get("KAUNET_BENCH_T0") or time.monotonic_ns())


def _ms() -> float:
    return (time.monotonic_ns() - T0) / 1e6


def _stop_profiler() -> None:
    """Under run.py --profile: the profile of a start ends at its first paint."""
    import __main__

    profiler = getattr(__main__, "PROFILER", None)
    if profiler is not None and profiler.is_running:
        profiler.stop()


def _hook_show(on_shown: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    original = QMainWindow.show

    def show(window: QMainWindow) -> None:
        on_shown(window)
        original(window)

    QMainWindow.show = show  # type: ignore[method-assign]


def bare() -> dict[str, Any]:
    import sys

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    marks: dict[str, float] = {}

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "first_paint" not in marks:
                marks["first_paint"] = -1.0
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        marks["first_paint"] = _ms()
        _stop_profiler()
        window.close()
        app.quit()

    watch = Watch()
    _hook_show(lambda shown: shown.installEventFilter(watch))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()
    return marks


def app(db: str, timeout_s: float = 120) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    marks: dict[str, Any] = {}
    windows: list[Any] = []

    class Watch(QObject):
        def __init__(self, window: Any) -> None:
            super().__init__()
            self.window = window
            self.tab: Any = None
            self.viewport: Any = None

        def find_table(self) -> None:
            """The お客さま tab may be built after the first paint: look until it exists."""
            tabs = getattr(self.window, "tab_list", None) or []
            self.tab = next((tab for tab in tabs if tab.key == "customers"), None)
            if self.tab is None:
                QTimer.singleShot(5, self.find_table)
                return
            self.viewport = self.tab.table.viewport()
            self.viewport.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if watched is self.window and "first_paint" not in marks:
                marks["first_paint"] = -1.0
                QTimer.singleShot(0, self.painted)
            elif (watched is self.viewport and "rows_shown" not in marks
                  and self.tab.model.rowCount() > 0):
                QTimer.singleShot(0, self.rows_painted)
            return False

        def painted(self) -> None:
            marks["first_paint"] = _ms()
            _stop_profiler()

        def rows_painted(self) -> None:
            if "rows_shown" in marks or not self.tab.model.pages_fetched:
                return
            marks["rows_shown"] = _ms()
            marks["customers"] = self.tab.model.rowCount()
            marks["current_tab"] = self.window.current_tab().key
            wait_idle()

    def wait_idle() -> None:
        """The other tabs load in the background too: peak memory counts them."""
        window = windows[0]
        if QThreadPool.globalInstance().activeThreadCount() or window.background.busy():
            QTimer.singleShot(10, wait_idle)
            return
        marks["all_loaded"] = _ms()
        window.close()
        QApplication.instance().quit()

    def shown(window: QMainWindow) -> None:
        if window.objectName() != "main_window" or windows:
            return
        windows.append(window)
        watch = Watch(window)
        window.bench_watch = watch  # type: ignore[attr-defined]  # keep it alive
        window.installEventFilter(watch)
        watch.find_table()
        QTimer.singleShot(int(timeout_s * 1000), QApplication.instance().quit)

    _hook_show(shown)
    from kaunet_desk.cli import main

    status = main(["--db", db])
    if status != 0 or "rows_shown" not in marks:
        raise SystemExit(f"the app did not show rows (exit {status}, marks {marks})")
    return marks
