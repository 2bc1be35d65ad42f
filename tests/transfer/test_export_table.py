"""「この表を書き出す」 writes what the view shows, in CSV (cp932 / UTF-8 BOM) or XLSX."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kaunet_desk.ui.transfer.export_table import export_table


def model() -> QSortFilterProxyModel:
    source = QStandardItemModel(0, 3)
    source.setHorizontalHeaderLabels(["顧客名", "合計", "注文日"])
    for name, total, day in (("髙島屋ソ表", "￥1,200", "2026/02/28"), ("㎝商会", "￥30", "")):
        source.appendRow([QStandardItem(name), QStandardItem(total), QStandardItem(day)])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.sort(0)  # the view's order is what gets written
    proxy.source = source  # type: ignore[attr-defined]  # keep it alive
    return proxy


def test_csv_in_cp932_and_xlsx(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table = model()
    csv_path = export_table(None, table, "x", path=tmp_path / "t.csv")
    assert csv_path == tmp_path / "t.csv"
    lines = csv_path.read_bytes().decode("cp932").split("\r\n")
    assert lines[:3] == ["顧客名,合計,注文日", "㎝商会,￥30,", '髙島屋ソ表,"￥1,200",2026/02/28']
    export_table(None, table, "x", path=tmp_path / "u.csv", encoding="utf-8-sig")
    assert (tmp_path / "u.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    xlsx = export_table(None, table, "x", path=tmp_path / "t.xlsx")
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[1]] == ["顧客名", "合計", "注文日"]
    assert sheet["A3"].value == "髙島屋ソ表" and sheet.freeze_panes == "A2"


def test_unwritable_character_is_said_not_replaced(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    table = model()
    table.source.appendRow([QStandardItem("𠮷野家"), QStandardItem(""), QStandardItem("")])
    warnings: list[str] = []
    monkeypatch.setattr("kaunet_desk.ui.transfer.export_table.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))
    assert export_table(None, table, "x", path=tmp_path / "t.csv") is None
    assert "𠮷" in warnings[0] and "UTF-8" in warnings[0]
    assert not (tmp_path / "t.csv").exists()
