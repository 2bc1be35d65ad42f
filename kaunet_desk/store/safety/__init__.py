"""Safety at the edges of the ledger — no Qt here.

- network: a SQLite file on a network share (unsafe; a shared office uses PostgreSQL);
- instance_lock: a second Kaunet Desk on the same file (``<db>.lock``);
- file_check: a truncated or overwritten file, and the latest good backup to restore;
- read_only: opening a ledger another instance holds, without writing to it;
- open_checks: the checks made before an open, in one call for a background job.

What the clerk reads about each lives in kaunet_desk.ui.safety_messages.
"""

from kaunet_desk.store.safety.file_check import (
    backup_taken_at,
    check_database_file,
    latest_good_backup,
    restore_damaged,
)
from kaunet_desk.store.safety.instance_lock import (
    DatabaseInUse,
    InstanceLock,
    LockOwner,
    acquire_lock,
    lock_path,
    pid_alive,
    read_lock,
)
from kaunet_desk.store.safety.network import network_location
from kaunet_desk.store.safety.open_checks import Preflight, preflight
from kaunet_desk.store.safety.read_only import open_read_only

__all__ = [
    "DatabaseInUse",
    "InstanceLock",
    "LockOwner",
    "Preflight",
    "acquire_lock",
    "backup_taken_at",
    "check_database_file",
    "latest_good_backup",
    "lock_path",
    "network_location",
    "open_read_only",
    "pid_alive",
    "preflight",
    "read_lock",
    "restore_damaged",
]
