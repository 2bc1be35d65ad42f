"""The CSV writer on its own: Excel's formula trap, and no half file on failure."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kaunet_desk.store.services.audit_log import AuditKind, AuditRecord, FieldChange
from kaunet_desk.ui.audit.csv_export import write_csv


def _record(name: str, old: object, new: object, field: str = "name") -> AuditRecord:
    return AuditRecord(
        id=1, at=datetime(2026, 11, 20, 9, 0), user="tanaka", action="update",
        entity="customer", entity_id=5, customer_id=5, customer_name=name,
        changes=(FieldChange(field, old, new),), kind=AuditKind.CUSTOMER,
    )


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_formulas_are_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    records = [
        _record("=HYPERLINK(\"http://x\")", "@SUM(A1)", "+81 3"),
        _record("髙橋商店", 100, -200, field="monthly_limit_yen"),
    ]
    assert write_csv(path, records) == 2
    first, second = _rows(path)[1:]
    assert first[5] == "'=HYPERLINK(\"http://x\")"
    assert first[8:] == ["'@SUM(A1)", "'+81 3"]
    assert second[5] == "髙橋商店"  # cp932 would need care; UTF-8 keeps it
    assert second[8:] == ["￥100", "-￥200"]  # a negative amount stays a number


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("the previous export", encoding="utf-8")

    def broken() -> Iterator[AuditRecord]:
        yield _record("株式会社アオバ商事", "a", "b")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_csv(path, broken())
    assert path.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_an_entry_without_changes_still_has_a_line(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    record = AuditRecord(
        id=1, at=datetime(2026, 11, 20, 9, 0), user="tanaka", action="delete",
        entity="customer", entity_id=3, customer_id=None, customer_name="", changes=(),
        kind=AuditKind.CUSTOMER,
    )
    write_csv(path, [record])
    assert _rows(path)[1] == ["2026/11/20 09:00:00", "tanaka", "お客さま", "削除", "", "",
                              "お客さま #3", "", "", ""]
