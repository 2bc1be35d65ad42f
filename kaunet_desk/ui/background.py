"""Long work off the GUI thread, with success and failure callbacks on the GUI thread.

The pattern of Anki's ``aqt.operations``: the worker gets plain arguments and returns a
plain value; the callbacks run back on the GUI thread through a queued signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the failure callback, never lost
            log.exception("background work failed")
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class Background(QObject):
    """Owns the relays of running jobs so they live until their callback ran."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def done(result: object) -> None:
            self._relays.discard(relay)
            on_success(result)

        def failed(error: object) -> None:
            self._relays.discard(relay)
            if on_failure is not None:
                on_failure(error)  # type: ignore[arg-type]

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        self._pool.start(_Job(work, relay))

    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
