"""A long transfer (import or export) off the GUI thread, with progress and cancel.

ui/background.py runs work with success/failure callbacks; a transfer also reports
progress and can be cancelled, so it gets its own small runner of the same pattern: the
worker gets plain arguments, signals cross back to the GUI thread queued.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

# work(report, cancelled) → result; report(done, total) may be called from the worker.
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TransferJob(QObject):
    progressed = Signal(int, int)  # done, total (any unit: bytes, rows)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.running = False
        # Connected first, so ``running`` is already false in the caller's slots.
        self.succeeded.connect(self._finished)
        self.failed.connect(self._finished)

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Runner(self))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, seconds: float = 30.0) -> bool:
        return self._done.wait(seconds)

    def _finished(self, _value: object) -> None:
        self.running = False

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except Exception as error:  # shown to the clerk as a sentence, never lost
            log.info("transfer ended with %s", type(error).__name__)
            self._done.set()
            self.failed.emit(error)
        else:
            self._done.set()
            self.succeeded.emit(result)


class _Runner(QRunnable):
    def __init__(self, job: TransferJob) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._run()
