"""The tab's settings, each declared once with its type, default and bounds (our choice)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class IntSetting:
    key: str
    default: int
    minimum: int
    maximum: int

    def read(self, settings: QSettings) -> int:
        try:
            value = int(settings.value(self.key, self.default))  # type: ignore[arg-type]
        except (TypeError, ValueError):  # a hand-edited file: fall back, never crash
            return self.default
        return min(max(value, self.minimum), self.maximum)

    def write(self, settings: QSettings, value: int) -> None:
        settings.setValue(self.key, min(max(value, self.minimum), self.maximum))


# "Due soon": a waiting request whose deadline is at most this many days away.
DUE_WITHIN_DAYS = IntSetting("dealer_change/due_within_days", 3, 0, 60)
# The deadline proposed for a new form is the reports' fax_return_days (帳票の設定).
