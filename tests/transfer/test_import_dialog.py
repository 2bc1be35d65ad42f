"""The import dialog, driven as a clerk would: file → preview → 検査 → errors → import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from kaunet_desk.store.database import Database
from kaunet_desk.ui.transfer.import_dialog import ImportDialog
from tests.transfer.files import ORDER_HEADER, add_customer, count, order_row, write_csv


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def orders_file(db: Database, tmp_path: Path) -> Path:
    add_customer(db, ["K000000001"], name="株式会社ソ表商会")
    rows = [order_row(order_no=str(n)) for n in range(1, 9)]
    rows[2] = order_row(order_no="3", **{"注文日": "2026-02-30"})
    rows[4] = order_row("K404", "5")
    rows[5] = order_row(order_no="6", **{"小計(10%)": "-500", "ポイント利用": "abc"})
    return write_csv(tmp_path / "注文_2026年2月.csv", ORDER_HEADER, rows)


def make(qtbot, db: Database, settings: QSettings, kind: str = "orders", **kw) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(None, database=db, settings=settings, kind=kind, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog: ImportDialog, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=20_000)


def test_check_shows_preview_and_row_errors_then_all_or_nothing(
    qtbot, qtmodeltester, db: Database, settings: QSettings, orders_file: Path, tmp_path: Path
) -> None:
    dialog = make(qtbot, db, settings)
    assert not dialog.import_button.isEnabled()
    assert dialog.reason.isVisible() and "ファイル" in dialog.reason.text()
    dialog.set_path(orders_file)
    assert dialog.encoding_box.itemText(0).endswith("cp932 (Excel の CSV)")
    assert dialog.preview_model.rowCount() == 8
    assert dialog.import_button.isEnabled() and not dialog.reason.isVisible()
    run(qtbot, dialog, dialog.check_button)
    errors = dialog.error_model.errors
    assert {(e.row_no, e.column) for e in errors} == {
        (4, "注文日"), (6, "カウネットID"), (7, "小計(10%)"), (7, "ポイント利用")}
    assert dialog.error_model.data(dialog.error_model.index(0, 0)) == "4"
    assert "2026-02-30" in dialog.error_model.data(dialog.error_model.index(0, 2))
    assert dialog.preview_model.data(dialog.preview_model.index(2, 0),
                                     Qt.ItemDataRole.BackgroundRole) is not None
    assert "検査" in dialog.status.text() and count(db, "orders") == 0
    qtmodeltester.check(dialog.error_model)
    qtmodeltester.check(dialog.preview_model)
    dialog.grab().save("/tmp/import_dialog.png")

    saved = tmp_path / "errors.csv"
    dialog.save_errors_to(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["行", "列", "値", "理由"] and len(table) == 5
    assert table[1][:3] == ["4", "注文日", "2026-02-30"]

    run(qtbot, dialog, dialog.import_button)  # all-or-nothing: refused
    assert dialog.result is not None and dialog.result.imported == 0
    assert count(db, "orders") == 0 and "何も取り込んでいません" in dialog.status.text()


def test_valid_only_needs_confirmation_and_imports_the_valid_rows(
    qtbot, db: Database, settings: QSettings, orders_file: Path
) -> None:
    answers: list[bool] = [False, True]
    asked: list[str] = []

    def confirm(_parent, text: str) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    dialog = make(qtbot, db, settings, confirm=confirm)
    dialog.set_path(orders_file)
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    dialog.valid_only.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.job is None and count(db, "orders") == 0  # declined
    run(qtbot, dialog, dialog.import_button)
    assert len(asked) == 2 and count(db, "orders") == 5
    assert len(imported) == 1 and "5 行を取り込みました" in dialog.status.text()


def test_mapping_is_chosen_once_and_remembered(
    qtbot, db: Database, settings: QSettings, tmp_path: Path
) -> None:
    add_customer(db, ["K1"])
    header = ["ID", "No", "日付", "発送", "金額", "金額8", "pt", "支払", "他", "店", "状況"]
    path = write_csv(tmp_path / "own.csv", header, [["K1", "77", "2026/1/5", "", "10", "0", "",
                                                     "", "", "", ""]])
    dialog = make(qtbot, db, settings)
    dialog.set_path(path)
    assert not dialog.import_button.isEnabled()
    assert "カウネットID" in dialog.reason.text() and dialog.reason.isVisible()
    assert "カウネットID" in dialog.import_button.toolTip()
    wanted = {"カウネットID *": "ID", "注文番号 *": "No", "注文日 *": "日付", "小計(10%)": "金額"}
    for row in range(dialog.mapping.rowCount()):
        label = dialog.mapping.item(row, 0).text()
        if label in wanted:
            combo = dialog.mapping.cellWidget(row, 1)
            combo.setCurrentIndex(combo.findText(wanted[label]))
    assert dialog.import_button.isEnabled()
    run(qtbot, dialog, dialog.import_button)
    assert count(db, "orders") == 1
    # A new dialog on a file with the same headers starts with the same choice.
    again = make(qtbot, db, settings)
    again.set_path(path)
    assert again.import_button.isEnabled()
    assert again.mapping.mapping().index("order_no") == 1


def test_cancel_leaves_the_ledger_as_it_was(
    qtbot, db: Database, settings: QSettings, tmp_path: Path
) -> None:
    add_customer(db, ["K000000001"])
    path = write_csv(tmp_path / "big.csv", ORDER_HEADER,
                     [order_row(order_no=str(n)) for n in range(200_000)])
    dialog = make(qtbot, db, settings)
    dialog.set_path(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=20_000)  # type: ignore[union-attr]
    assert "中止しました" in dialog.status.text()
    assert count(db, "orders") == 0
