"""The 変更履歴 dialog driven like a clerk: filters, the details pane, the CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from kaunet_desk.store.audit import current_user
from kaunet_desk.store.database import Database
from kaunet_desk.ui.audit import dialog as dialog_module
from kaunet_desk.ui.audit.dialog import AuditLogDialog, show_audit_log
from kaunet_desk.ui.background import Background

from ..support import type_with_ime
from .support import (
    ALL_TIMES,
    TODAY,
    Ledger,
    column,
    select_time,
    wait_loaded,
)


def choose_kind(qtbot: QtBot, dialog: AuditLogDialog, text: str) -> None:
    combo = dialog.filters.kind
    combo.setCurrentIndex(combo.findText(text))
    wait_loaded(qtbot, dialog)


def test_every_change_newest_first(dialog: AuditLogDialog, qtmodeltester: object) -> None:
    assert column(dialog, "at") == ALL_TIMES
    assert column(dialog, "kind") == [
        "取込", "お客さま", "注文", "レート", "販売店変更 FAX", "カウネット ID", "上限", "お客さま",
        "お客さま", "お客さま",
    ]
    assert column(dialog, "user") == [current_user()] * 10
    assert column(dialog, "customer")[0] == ""  # an import run belongs to no customer
    assert column(dialog, "customer")[3] == ""  # nor does a rate
    assert dialog.count_label.text() == "10 件"
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]


def test_newest_is_selected_and_detailed(dialog: AuditLogDialog) -> None:
    # 11/07: an order import — one entry for the run, with its counts.
    assert dialog.details.row_texts() == [
        ("取込の種類", "(なし)", "→", "注文"),
        ("ファイル", "(なし)", "→", "注文_11月.csv"),
        ("文字コード", "(なし)", "→", "cp932"),
        ("読んだ行数", "(なし)", "→", "1,250"),
        ("取り込んだ件数", "(なし)", "→", "1,247"),
        ("取り込まなかった行数", "(なし)", "→", "3"),
        ("正しい行だけ取り込む", "(なし)", "→", "はい"),
    ]
    assert column(dialog, "changes")[0] == "注文 注文_11月.csv: 1,247 件取込、3 行除外"
    assert column(dialog, "target")[0] == "取込"


def test_cancellation_details(dialog: AuditLogDialog, ledger: Ledger) -> None:
    # 11/06: 有限会社ミドリ文具 cancelled (FAQ カウネットの解約方法).
    select_time(dialog, "2026/11/06 17:00:00")
    assert dialog.details.row_texts() == [
        ("契約状態", "契約中", "→", "解約"),
        ("解約日", "(なし)", "→", "2026/11/06"),
    ]
    heading = dialog.details.heading.text()
    assert "2026/11/06 17:00:00" in heading and "有限会社ミドリ文具" in heading
    assert f"お客さま #{ledger.midori}" in heading


def test_details_old_to_new(dialog: AuditLogDialog) -> None:
    select_time(dialog, "2026/10/15 10:00:00")
    assert dialog.details.row_texts() == [
        ("住所", "東京都千代田区1-1", "→", "大阪府大阪市北区1-1"),
        ("電話番号", "03-3211-1111", "→", "06-6123-4567"),
    ]
    select_time(dialog, "2026/10/20 13:30:00")
    assert dialog.details.row_texts() == [("月間購入上限金額", "￥100,000", "→", "￥200,000")]
    select_time(dialog, "2026/10/31 17:00:00")
    # In the form's order, not the alphabetical order the entry was stored in.
    assert dialog.details.row_texts() == [
        ("カウネット ID", "(なし)", "→", "KA2"),
        ("申込状況", "(なし)", "→", "登録直後・申込手続中"),
    ]
    select_time(dialog, "2026/11/04 08:00:00")
    assert ("適用開始日", "(なし)", "→", "2027/04/01") in dialog.details.row_texts()
    assert ("項目", "(なし)", "→", "払込取扱票発行等手数料(円、税抜)") in dialog.details.row_texts()


def test_summary_column(dialog: AuditLogDialog) -> None:
    summaries = dict(zip(column(dialog, "at"), column(dialog, "changes"), strict=True))
    assert summaries["2026/10/20 13:30:00"] == "月間購入上限金額: ￥100,000 → ￥200,000"
    assert summaries["2026/10/15 10:00:00"] == "住所、電話番号"


@pytest.mark.parametrize(("kind", "times"), [
    ("上限", ["2026/10/20 13:30:00"]),
    ("お客さま", ["2026/11/06 17:00:00", "2026/10/15 10:00:00", "2026/10/01 09:05:00",
                 "2026/10/01 09:00:00"]),
    ("カウネット ID", ["2026/10/31 17:00:00"]),
    ("注文", ["2026/11/05 14:00:00"]),
    ("販売店変更 FAX", ["2026/11/03 11:00:00"]),
    ("レート", ["2026/11/04 08:00:00"]),
    ("取込", ["2026/11/07 08:30:00"]),
    ("すべて", ALL_TIMES),
])
def test_kind_filter(qtbot: QtBot, dialog: AuditLogDialog, kind: str, times: list[str]) -> None:
    choose_kind(qtbot, dialog, kind)
    assert column(dialog, "at") == times


def test_customer_filter_by_typing_a_name(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    field = dialog.filters.customer.line_edit
    type_with_ime(field, "みどり")  # hiragana finds the katakana フリガナ
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_loaded(qtbot, dialog)
    assert column(dialog, "at") == [
        "2026/11/06 17:00:00", "2026/11/03 11:00:00", "2026/10/01 09:05:00"]
    assert set(column(dialog, "customer")) == {"有限会社ミドリ文具"}
    qtbot.mouseClick(dialog.filters.customer.all_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert column(dialog, "at") == ALL_TIMES


def test_date_range_takes_whole_days(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    filters = dialog.filters
    qtbot.mouseClick(filters.from_check, Qt.MouseButton.LeftButton)
    filters.from_date.setDate(QDate(2026, 10, 15))
    qtbot.mouseClick(filters.to_check, Qt.MouseButton.LeftButton)
    filters.to_date.setDate(QDate(2026, 10, 31))
    wait_loaded(qtbot, dialog)
    assert column(dialog, "at") == [
        "2026/10/31 17:00:00", "2026/10/20 13:30:00", "2026/10/15 10:00:00"]


def test_wrong_range_is_shown_on_the_field(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    filters = dialog.filters
    qtbot.mouseClick(filters.from_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(filters.to_check, Qt.MouseButton.LeftButton)
    filters.from_date.setDate(QDate(2026, 11, 2))
    filters.to_date.setDate(QDate(2026, 11, 1))
    wait_loaded(qtbot, dialog)
    assert filters.error.isVisible()
    assert filters.error.text() == "開始日が終了日より後になっています"
    assert "#c62828" in filters.from_date.styleSheet()
    assert dialog.model.rowCount() == 0
    assert not dialog.details.table.isVisible()  # no entry detailed that is not listed
    assert not dialog.export_button.isEnabled()
    filters.to_date.setDate(QDate(2026, 11, 3))
    wait_loaded(qtbot, dialog)
    assert not filters.error.isVisible() and filters.from_date.styleSheet() == ""
    assert column(dialog, "at") == ["2026/11/03 11:00:00"]


def test_export_disabled_says_why(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    assert dialog.export_button.isEnabled() and not dialog.export_hint.isVisible()
    qtbot.mouseClick(dialog.filters.from_check, Qt.MouseButton.LeftButton)
    dialog.filters.from_date.setDate(QDate(2026, 11, 8))  # nothing changed since 11/07
    wait_loaded(qtbot, dialog)
    assert dialog.count_label.text() == "該当する変更はありません"
    assert not dialog.export_button.isEnabled()
    assert dialog.export_hint.isVisible()
    assert dialog.export_hint.text() == dialog.export_button.toolTip() == "書き出す履歴がありません"


def test_export_writes_the_filtered_entries(
    qtbot: QtBot, dialog: AuditLogDialog, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filters = dialog.filters
    type_with_ime(filters.customer.line_edit, "アオバ")
    qtbot.keyClick(filters.customer.line_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(filters.from_check, Qt.MouseButton.LeftButton)
    filters.from_date.setDate(QDate(2026, 10, 15))
    qtbot.mouseClick(filters.to_check, Qt.MouseButton.LeftButton)
    filters.to_date.setDate(QDate(2026, 10, 20))
    wait_loaded(qtbot, dialog)
    target = tmp_path / "変更履歴"  # no extension typed: .csv is added
    offered: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(target), ""

    monkeypatch.setattr(dialog_module.QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_exporting(), timeout=10_000)
    assert offered == ["変更履歴_20261120.csv"]
    written = tmp_path / "変更履歴.csv"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    user, aoba = current_user(), str(ledger.aoba)
    common = [user, "お客さま", "変更", aoba, "株式会社アオバ商事", f"お客さま #{aoba}"]
    assert rows == [
        ["日時", "担当者", "種類", "操作", "お客さま番号", "お客さま", "対象", "項目", "変更前",
         "変更後"],
        ["2026/10/20 13:30:00", user, "上限", "変更", aoba, "株式会社アオバ商事",
         f"お客さま #{aoba}", "月間購入上限金額", "￥100,000", "￥200,000"],
        ["2026/10/15 10:00:00", *common, "住所", "東京都千代田区1-1", "大阪府大阪市北区1-1"],
        ["2026/10/15 10:00:00", *common, "電話番号", "03-3211-1111", "06-6123-4567"],
    ]
    assert b"\r\n" in raw
    assert "2 件を書き出しました" in dialog.count_label.text()
    assert not (tmp_path / "変更履歴.csv.partial").exists()


def test_a_database_error_is_a_sentence(
    qtbot: QtBot, dialog: AuditLogDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object) -> list[int]:
        raise OperationalError("SELECT …", {}, Exception("database is locked"))

    monkeypatch.setattr(dialog_module, "entry_ids", locked)
    dialog.reload()
    wait_loaded(qtbot, dialog)
    text = dialog.count_label.text()
    assert text.startswith("読み込めませんでした") and "使用中" in text
    assert "SELECT" not in text
    assert dialog.model.rowCount() == 0


def test_escape_closes_and_geometry_is_kept(qtbot: QtBot, dialog: AuditLogDialog) -> None:
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.settings is not None
    assert dialog.settings.value("audit_dialog/geometry") is not None


def test_show_audit_log_reuses_one_dialog(qtbot: QtBot, db: Database, ledger: Ledger) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    background = Background()
    first = show_audit_log(parent, db, background, today=TODAY)
    wait_loaded(qtbot, first)
    second = show_audit_log(parent, db, background, today=TODAY)
    assert second is first and second.isVisible()
    wait_loaded(qtbot, second)
    second.close()
    background.wait()
