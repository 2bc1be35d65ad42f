"""Every setting declared once, with its type and default (the idea of Picard's options.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", int, str, bool)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def get(self, settings: QSettings) -> T:
        value = settings.value(self.key, self.default)
        kind = type(self.default)
        if kind is bool and isinstance(value, str):  # INI files give back "true"/"false"
            return value.lower() == "true"  # type: ignore[return-value]
        try:
            return kind(value)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


# Empty means the backups folder inside the user data folder (resolved when asked).
BACKUP_FOLDER = Option("backup/folder", "")
BACKUP_KEEP_DAYS = Option("backup/keep_days", 14)


def backup_folder(settings: QSettings) -> Path:
    chosen = BACKUP_FOLDER.get(settings)
    if chosen:
        return Path(chosen)
    from kaunet_desk.store.backup import default_backup_dir

    return default_backup_dir()
