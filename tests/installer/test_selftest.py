"""``run_self_test`` from source: passes on a good checkout, names what fails, writes nothing
outside its temporary folder. (The frozen run is tests/installer/test_installer.py.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kaunet_desk.selftest import run_self_test


def _lines(report: Path) -> list[str]:
    return report.read_text(encoding="utf-8").splitlines()


def test_self_test_passes_and_leaves_the_user_folders_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"

    assert run_self_test(report) == 0

    lines = _lines(report)
    assert capsys.readouterr().out.splitlines() == lines
    checks = [line for line in lines if line.startswith(("ok ", "FAIL "))]
    # The brief's steps, each on its own line.
    for name in ("database", "demo data", "FAX form", "invoice", "main window"):
        assert any(line.startswith(f"ok    {name}: ") for line in checks), name
    assert not [line for line in checks if line.startswith("FAIL")]
    assert lines[-1].startswith(f"self-test passed ({len(checks)} checks)")
    # conftest points the data and config folders into tmp_path: nothing may appear there
    # (no database, backup, log or settings of the clerk's).
    assert not (tmp_path / "data").exists()
    assert not (tmp_path / "config").exists()


def test_fonts_from_outside_the_bundle_fail_a_frozen_self_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case the check exists for: a frozen app without its fonts, on a machine that
    happens to have them (or not) elsewhere."""
    import kaunet_desk.reports.fonts as fonts

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(fonts, "BUNDLED_DIR", tmp_path / "no-fonts-here")
    report = tmp_path / "report.txt"

    assert run_self_test(report) == 1

    lines = _lines(report)
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed and failed[0].startswith("FAIL  fonts: ")
    assert lines[-1].startswith("self-test FAILED")
    assert "fonts" in lines[-1]
