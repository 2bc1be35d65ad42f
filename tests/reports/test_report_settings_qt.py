"""The reports' settings kept in QSettings (kaunet_desk.ui.printing.report_settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from kaunet_desk.formatting import DateStyle
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.ui.printing.report_settings import load_report_settings, save_report_settings


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "kaunet.ini"), QSettings.Format.IniFormat)


def test_round_trip(tmp_path: Path) -> None:
    stored = ReportSettings(branch_name="横浜支店", fax="045-000-2222",
                            date_style=DateStyle.WAREKI, fax_return_days=10,
                            issuer_registration_number="T7010705000725")
    save_report_settings(_settings(tmp_path), stored)
    assert load_report_settings(_settings(tmp_path)) == stored


def test_nothing_stored_gives_the_defaults(tmp_path: Path) -> None:
    assert load_report_settings(_settings(tmp_path)) == ReportSettings()


def test_an_invalid_stored_value_falls_back_to_the_defaults(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue("reports/issuer_registration_number", "T1234567890123")
    settings.setValue("reports/fax_return_days", "many")
    loaded = load_report_settings(settings)
    assert loaded == ReportSettings()
