"""The reports' sender and date settings kept in QSettings under ``reports/<field>``."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSettings

from kaunet_desk.reports.settings import ReportSettings

_GROUP = "reports"


def load_report_settings(settings: QSettings) -> ReportSettings:
    """Stored values over the defaults; a stored value that no longer validates is dropped
    (the defaults stand) rather than blocking every report."""
    defaults = ReportSettings()
    values: dict[str, object] = {}
    for field in fields(ReportSettings):
        key = f"{_GROUP}/{field.name}"
        if not settings.contains(key):
            continue
        default = getattr(defaults, field.name)
        raw = settings.value(key)
        try:
            values[field.name] = int(raw) if isinstance(default, int) else str(raw)
        except (TypeError, ValueError):
            continue
    try:
        return ReportSettings(**values)  # type: ignore[arg-type]
    except ValueError:
        return defaults


def save_report_settings(settings: QSettings, report_settings: ReportSettings) -> None:
    for field in fields(ReportSettings):
        settings.setValue(f"{_GROUP}/{field.name}", str(getattr(report_settings, field.name)))
