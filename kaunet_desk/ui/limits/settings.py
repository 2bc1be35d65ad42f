"""The monthly-limit tab's own setting: the clerk's warning share, over the office's."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kaunet_desk.ui.options import Option

# 0: no override — the office's limit.warning_pct from the rate table applies.
WARNING_PCT_OVERRIDE = Option("limits/warning_pct", 0)
SPLITTER_STATE = "limits/splitter"


def warning_override(settings: QSettings) -> int | None:
    value = WARNING_PCT_OVERRIDE.get(settings)
    return value if 1 <= value <= 100 else None


def set_warning_override(settings: QSettings, pct: int | None) -> None:
    if pct is None:
        settings.remove(WARNING_PCT_OVERRIDE.key)
    else:
        WARNING_PCT_OVERRIDE.set(settings, pct)
