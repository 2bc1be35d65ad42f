"""One Kaunet Desk per ledger: a lock file next to the database names who has it open.

``<db>.lock`` is created with O_EXCL (atomic on local disks and SMB) and holds the pid, the
host and the user. A second instance is told who has the ledger open and may open it
read-only. A lock left by a crash is stale when its pid is gone on the same host; a lock
from another PC cannot be checked from here, so the message says how to remove it.

SQLite itself would let two instances write safely on a local disk; the lock is for what
SQLite cannot see: a restore replacing the file under the other instance, two clerks
editing the same customer without knowing, a daily backup taken mid-import.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from kaunet_desk.store.audit import current_user

# An unreadable lock younger than this is being written right now by another instance.
UNREADABLE_GRACE_SECONDS = 10.0


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    user: str
    since: str  # ISO date and time the ledger was opened

    @classmethod
    def me(cls) -> LockOwner:
        return cls(os.getpid(), socket.gethostname(), current_user(),
                   datetime.now().isoformat(timespec="seconds"))


class DatabaseInUse(Exception):
    """Another instance holds the lock; ``owner`` is None when its lock file is unreadable."""

    def __init__(self, database: Path, lock: Path, owner: LockOwner | None) -> None:
        super().__init__(f"{database} is open in another Kaunet Desk ({owner})")
        self.database = database
        self.lock = lock
        self.owner = owner


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def read_lock(path: Path) -> LockOwner | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockOwner(int(data["pid"]), str(data["host"]), str(data["user"]),
                         str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    """Is process ``pid`` running on this machine?"""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only checks that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == error_access_denied)
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


class InstanceLock:
    """Held while this process has the ledger open; ``release`` removes the file."""

    def __init__(self, database: Path, path: Path, owner: LockOwner) -> None:
        self.database = database
        self.path = path
        self.owner = owner
        self._holders = 1

    def release(self) -> None:
        with _registry_guard:
            self._holders -= 1
            if self._holders > 0:
                return
            _held.pop(_key(self.database), None)
        # Only our own file: a lock judged stale and taken over by another is not ours.
        if read_lock(self.path) == self.owner:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


# Locks this process holds, so reopening the same ledger (File → Open on the file already
# open) shares the lock instead of refusing itself.
_held: dict[str, InstanceLock] = {}
_registry_guard = threading.Lock()


def _key(database: Path) -> str:
    return os.path.normcase(os.path.abspath(database))


def _create(path: Path, owner: LockOwner) -> bool:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(owner), handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _is_stale(path: Path, owner: LockOwner | None, alive: Callable[[int], bool]) -> bool:
    if owner is None:
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        # Empty or garbled: being written this instant, or left by a crash mid-write.
        return age > UNREADABLE_GRACE_SECONDS
    return owner.host == socket.gethostname() and not alive(owner.pid)


def acquire_lock(
    database: Path, *, owner: LockOwner | None = None, alive: Callable[[int], bool] = pid_alive
) -> InstanceLock:
    """Take the ledger's lock, or raise DatabaseInUse naming who holds it.

    Raises OSError when the lock file cannot be created (a read-only folder): the caller
    decides whether to open without it.
    """
    owner = owner or LockOwner.me()
    key = _key(database)
    with _registry_guard:
        mine = _held.get(key)
        if mine is not None and mine.owner.pid == owner.pid:
            mine._holders += 1
            return mine
    path = lock_path(database)
    for _attempt in range(3):
        if _create(path, owner):
            lock = InstanceLock(database, path, owner)
            with _registry_guard:
                _held[key] = lock
            return lock
        holder = read_lock(path)
        if not _is_stale(path, holder, alive):
            raise DatabaseInUse(database, path, holder)
        # Stale: its process is gone. Re-read just before removing it, so an instance
        # that took it over in between keeps its lock (the window left is microseconds).
        if read_lock(path) == holder:
            path.unlink(missing_ok=True)
    raise DatabaseInUse(database, path, read_lock(path))
