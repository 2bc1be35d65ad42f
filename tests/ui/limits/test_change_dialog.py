"""The 上限変更 dialog on its own: what it accepts, and where it says what is wrong."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.ui.limits.change_dialog import ChangeLimitDialog, LimitChangeRequest, parse_yen

from ..support import commit_text

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("text", "yen"), [
    ("500000", 500_000), ("500,000", 500_000), ("５００，０００", 500_000), ("¥500,000", 500_000),
    ("500,000円", 500_000), ("0", 0), ("50万", None), ("-1", None), ("1.5", None), ("", None),
])
def test_parse_yen(text: str, yen: int | None) -> None:
    assert parse_yen(text) == yen


def _dialog(qtbot: QtBot) -> ChangeLimitDialog:
    dialog = ChangeLimitDialog("株式会社あさひ", 300_000, TODAY)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_amount_problems_are_shown_on_the_amount_field(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    commit_text(dialog.reason, "増額")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.amount_row.error.text() == "新しい上限額を入力してください"
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClicks(dialog.amount, "abc")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.amount_row.error.text() == "金額は半角または全角の数字で入力してください"
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "300000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.amount_row.error.text() == "現在の上限額と同じです"
    assert not dialog.reason_row.error.isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.request is None


def test_a_valid_change_is_returned_with_its_date(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    qtbot.keyClicks(dialog.amount, "500000")
    assert dialog.summary.text() == "￥300,000 → ￥500,000"
    commit_text(dialog.reason, "  与信再審査　の結果 ")
    assert dialog.on.maximumDate().toPython() == TODAY  # not in the future
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.request == LimitChangeRequest(500_000, "与信再審査 の結果", TODAY)
    assert not dialog.isVisible()
