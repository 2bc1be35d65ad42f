"""ReportSettings: defaults, validation, TOML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaunet_desk.formatting import DateStyle
from kaunet_desk.reports.registration_number import InvalidRegistrationNumber
from kaunet_desk.reports.settings import ReportSettings, load_report_settings


def test_defaults_are_valid() -> None:
    settings = ReportSettings()
    assert settings.issuer_registration_number.startswith("T")
    assert settings.date_style is DateStyle.GREGORIAN
    assert settings.sender_name == f"{settings.dealer_name} {settings.branch_name}"


def test_registration_number_is_normalised_and_checked() -> None:
    assert ReportSettings(issuer_registration_number="t 7010705000725") \
        .issuer_registration_number == "T7010705000725"
    with pytest.raises(InvalidRegistrationNumber):
        ReportSettings(issuer_registration_number="T1234567890123")
    assert ReportSettings(issuer_registration_number="").issuer_registration_number == ""


def test_days_must_be_whole_and_not_negative() -> None:
    with pytest.raises(ValueError):
        ReportSettings(fax_return_days=-1)


def test_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "report.toml"
    path.write_text('branch_name = "横浜支店"\ndate_style = "wareki"\nfax_return_days = 10\n',
                    encoding="utf-8")
    settings = load_report_settings(path)
    assert settings.branch_name == "横浜支店"
    assert settings.date_style is DateStyle.WAREKI
    assert settings.fax_return_days == 10
    path.write_text('colour = "red"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        load_report_settings(path)
