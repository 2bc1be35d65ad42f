"""The monthly-limit tab's list as PDF, for the month the tab shows (FAQ 月間購入上限金額)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.formatting import format_yen
from kaunet_desk.ui.limits.view import LimitsTab

from ..support import save_report
from .support import CUSTOMERS, Ledger


def test_saved_list_is_of_the_shown_month_with_the_hand_counted_totals(
    qtbot: QtBot, tab: LimitsTab, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert tab.report_caption.text() == "上限一覧 2026年11月:"
    text = save_report(qtbot, tab.report_buttons, tmp_path / "limits.pdf", monkeypatch)
    assert "月間購入上限金額 一覧 2026年11月" in text.replace("\u3000", " ")
    for name in ("株式会社あさひ", "株式会社いろは", "株式会社うみ", "株式会社えがお"):
        assert name in text
        assert format_yen(ledger.expected_total(name)) in text
    assert "株式会社おか" not in text  # no counted order in November
    # うみ reached its limit exactly (27,273 + 10 % = 30,000): allowed, marked 上限到達.
    assert ledger.expected_total("株式会社うみ") == CUSTOMERS["株式会社うみ"][1]
    assert "上限到達" in text


def test_the_list_follows_the_month_picker(
    qtbot: QtBot, tab: LimitsTab, ledger: Ledger, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        qtbot.mouseClick(tab.month_picker.previous_button, Qt.MouseButton.LeftButton)
    assert "2026-10" in tab.report_buttons.suggested_name
    text = save_report(qtbot, tab.report_buttons, tmp_path / "october.pdf", monkeypatch)
    # October holds A5 only (3,000 + 10 %), by hand from support.ORDERS.
    assert "2026年10月" in text
    assert "株式会社あさひ" in text and format_yen(3_300) in text
    assert "株式会社いろは" not in text
