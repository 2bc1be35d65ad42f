"""Opening a ledger with the safety checks around it, for the main window.

For a SQLite file, in order: the instance lock (another Kaunet Desk has it open → read-only
or cancel), then off the GUI thread the file check, the latest good backup when needed and
the network-share test; then the restore offer for a damaged file, the network warning, and
finally the open itself (migrations included) off the GUI thread. A PostgreSQL URL is just
opened. The lock of the ledger in use is kept here until the next open or ``release``.

``on_failed`` gets the error, or None when the clerk cancelled (nothing to show then).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import URL

from kaunet_desk.store.database import Database
from kaunet_desk.store.location import to_url
from kaunet_desk.store.safety import (
    DatabaseInUse,
    InstanceLock,
    Preflight,
    acquire_lock,
    open_read_only,
    preflight,
    restore_damaged,
)
from kaunet_desk.ui import safety_dialogs
from kaunet_desk.ui.background import Background

log = logging.getLogger(__name__)

Opened = Callable[[Database], None]
Failed = Callable[[Exception | None], None]


class SafeOpener(QObject):
    def __init__(self, window: QWidget, background: Background,
                 backup_folder: Callable[[], Path], *, quick_check: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.background = background
        self.backup_folder = backup_folder
        self.quick_check = quick_check
        self.read_only = False  # the ledger in use was opened read-only
        self._lock: InstanceLock | None = None

    def release(self) -> None:
        """The window closed its ledger: let another instance have it."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def open(self, db: str | Path | URL | None, on_opened: Opened, on_failed: Failed) -> None:
        url = db if isinstance(db, URL) else to_url(db)
        if url.get_backend_name() != "sqlite" or not url.database:
            # A server: it does its own locking and there is no file to check.
            self.background.run(lambda: Database.open(url),
                                lambda database: self._opened(database, None, False, on_opened),
                                on_failed)
            return
        path = Path(url.database)
        lock: InstanceLock | None = None
        read_only = False
        try:
            lock = acquire_lock(path)
        except DatabaseInUse as busy:
            if not safety_dialogs.ask_read_only(self.window, busy):
                on_failed(None)
                return
            read_only = True
        except OSError:
            # A read-only folder cannot hold the lock file; SQLite will say what it can do.
            log.warning("no lock file next to %s", path, exc_info=True)
        folder = self.backup_folder()
        quick = self.quick_check

        def checked(result: Preflight) -> None:
            self._checked(path, folder, result, lock, read_only, on_opened, on_failed)

        self.background.run(lambda: preflight(path, folder, quick_check=quick), checked,
                            lambda error: self._failed(lock, error, on_failed))

    # -- the steps -------------------------------------------------------------------
    def _checked(self, path: Path, folder: Path, result: Preflight, lock: InstanceLock | None,
                 read_only: bool, on_opened: Opened, on_failed: Failed) -> None:
        def go_on() -> None:
            if result.network is not None:
                safety_dialogs.warn_network(self.window, path, result.network)
            self._open(path, lock, read_only, on_opened, on_failed)

        if not result.needs_restore:
            go_on()
            return
        problem = result.problem or ""
        if read_only:  # someone else has the damaged ledger open: not ours to replace
            safety_dialogs.restore_blocked(self.window, path, problem)
            self._failed(lock, None, on_failed)
            return
        backup = result.backup
        # Without a backup the dialog only explains; either way nothing is opened.
        chosen = safety_dialogs.offer_restore(self.window, path, problem, backup, folder)
        if not chosen or backup is None:
            self._failed(lock, None, on_failed)
            return

        def restored(aside: Path) -> None:
            safety_dialogs.tell_restored(self.window, aside)
            go_on()

        self.background.run(lambda: restore_damaged(path, backup), restored,
                            lambda error: self._failed(lock, error, on_failed))

    def _open(self, path: Path, lock: InstanceLock | None, read_only: bool,
              on_opened: Opened, on_failed: Failed) -> None:
        def work() -> Database:
            return open_read_only(path) if read_only else Database.open(path)

        self.background.run(work,
                            lambda database: self._opened(database, lock, read_only, on_opened),
                            lambda error: self._failed(lock, error, on_failed))

    def _opened(self, database: Database, lock: InstanceLock | None, read_only: bool,
                on_opened: Opened) -> None:
        # The previous ledger's lock goes now (the same object, shared, when it is the
        # same file: releasing once undoes the second acquire).
        self.release()
        self._lock = lock
        self.read_only = read_only
        on_opened(database)

    def _failed(self, lock: InstanceLock | None, error: Exception | None,
                on_failed: Failed) -> None:
        if lock is not None:
            lock.release()
        on_failed(error)
