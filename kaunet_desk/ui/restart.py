"""Starting Kaunet Desk again, for a setting that applies at start-up (the language).

The new process is started only after this window has closed: by then its edits are saved
or confirmed away, and the ledger's lock is released for the new process to take.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess


def restart_command(argv: list[str], ledger: Path | None) -> tuple[str, list[str]]:
    """The program and arguments that start this copy again on ``ledger`` (the SQLite file
    open now, which may differ from the one it was started with); other arguments stay."""
    arguments = argv[1:]  # without a SQLite file open (a PostgreSQL URL), as given
    if ledger is not None:
        arguments = [*_without_db(arguments), "--db", str(ledger)]
    if getattr(sys, "frozen", False):  # the installed KaunetDesk.exe
        return sys.executable, arguments
    return sys.executable, ["-m", "kaunet_desk", *arguments]


def _without_db(arguments: list[str]) -> list[str]:
    kept: list[str] = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--db":
            skip = True
        elif not argument.startswith("--db="):
            kept.append(argument)
    return kept


def start_again(program: str, arguments: list[str]) -> bool:
    """Detached, so it outlives this process; False when it could not be started."""
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
