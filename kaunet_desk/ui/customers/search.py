"""Loads the table's ids off the GUI thread, debouncing keystrokes and dropping stale answers.

Every request gets a generation number; an answer is shown only if no newer request was
made since, so a slow search for 「ヤ」 finishing after the one for 「ヤマダ」 is ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customer_list
from kaunet_desk.ui.background import Background

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150

Search = Callable[[Database, str], list[int]]


class IdLoader(QObject):
    # object, not list: a list type would be copied through a QVariantList (≈20 ms at 50k ids).
    loaded = Signal(str, object)  # query, ids in 五十音順
    failed = Signal(str, object)  # query, exception
    busy_changed = Signal(bool)

    def __init__(
        self, background: Background, parent: QObject | None = None, search: Search | None = None
    ) -> None:
        super().__init__(parent)
        self._background = background
        # Looked up at call time so tests can slow one query down.
        self._search: Search = search or (lambda db, q: customer_list.customer_ids(db, q))
        self._database: Database | None = None
        self._query = ""
        self._generation = 0
        self._running = 0  # jobs started and not yet answered
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)

    @property
    def generation(self) -> int:
        return self._generation

    def query(self) -> str:
        return self._query

    def is_busy(self) -> bool:
        return self._running > 0 or self._timer.isActive()

    def set_database(self, database: Database | None) -> None:
        self._database = database

    def request(self, query: str, *, debounce: bool = True) -> None:
        """Load the ids for ``query``; typing restarts the debounce timer."""
        self._query = query
        if debounce:
            self._timer.start()
        else:
            self._timer.stop()
            self._start()
        self.busy_changed.emit(True)

    def reload(self) -> None:
        self.request(self._query, debounce=False)

    def _start(self) -> None:
        database = self._database
        if database is None:
            self.busy_changed.emit(self.is_busy())
            return
        self._generation += 1
        generation = self._generation
        query = self._query
        search = self._search
        self._running += 1
        self._background.run(
            lambda: search(database, query),
            lambda ids: self._answered(generation, query, ids, None),
            lambda error: self._answered(generation, query, None, error),
        )

    def _answered(
        self, generation: int, query: str, ids: list[int] | None, error: Exception | None
    ) -> None:
        self._running -= 1
        if generation == self._generation:
            if error is not None:
                self.failed.emit(query, error)
            else:
                self.loaded.emit(query, ids or [])
        else:
            log.debug("dropped the stale answer for %r", query)
        self.busy_changed.emit(self.is_busy())
