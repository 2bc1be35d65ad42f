"""Waiting for a paint or a state in a real event loop (no busy polling: 2 cores are shared
with the background loader being measured)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget


def until_painted(
    widget: QWidget,
    action: Callable[[], Any],
    ready: Callable[[], bool],
    timeout_s: float = 60,
) -> float:
    """Milliseconds from ``action()`` to the end of the first paint of ``widget`` after which
    ``ready()`` holds (one more turn of the event loop, so the paint itself counts)."""
    loop = QEventLoop()
    state: dict[str, float] = {}

    def finish() -> None:
        if "done" not in state and ready():
            state["done"] = time.perf_counter()
            loop.quit()

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            # ready() is asked after the paint: painting is what fetches the rows shown.
            if event.type() == QEvent.Type.Paint and "done" not in state:
                QTimer.singleShot(0, finish)
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    started = time.perf_counter()
    action()
    if "done" not in state:
        loop.exec()
    widget.removeEventFilter(watch)
    if "done" not in state:
        raise TimeoutError(f"nothing painted within {timeout_s} s")
    return (state["done"] - started) * 1000


def until(ready: Callable[[], bool], timeout_s: float = 60, poll_ms: int = 2) -> float:
    """Milliseconds until ``ready()`` holds, checked every ``poll_ms`` by a timer."""
    loop = QEventLoop()
    started = time.perf_counter()
    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(lambda: loop.quit() if ready() else None)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if not ready():
        timer.start()
        loop.exec()
        timer.stop()
    if not ready():
        raise TimeoutError(f"not ready within {timeout_s} s")
    return (time.perf_counter() - started) * 1000
