"""Everything looked at before a SQLite ledger is opened, in one call for a background job."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kaunet_desk.store.safety.file_check import check_database_file, latest_good_backup
from kaunet_desk.store.safety.network import network_location


@dataclass(frozen=True)
class Preflight:
    network: str | None  # why the file is on a network share, or None
    problem: str | None  # what is wrong with the file, or None
    empty: bool  # the file exists and has 0 bytes
    backup: Path | None  # the latest good backup, looked up only when there is a problem

    @property
    def needs_restore(self) -> bool:
        """A problem to stop at. An empty file with no backup anywhere is a new ledger
        (what SQLite makes of it); with a backup it is a ledger that lost its content."""
        if self.problem is None:
            return False
        return not (self.empty and self.backup is None)


def preflight(path: Path, backup_folder: Path, *, quick_check: bool = True) -> Preflight:
    problem = check_database_file(path, quick_check=quick_check)
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        empty = False
    return Preflight(
        network=network_location(path),
        problem=problem,
        empty=empty,
        backup=latest_good_backup(backup_folder) if problem is not None else None,
    )
