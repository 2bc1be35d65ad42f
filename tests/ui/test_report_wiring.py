"""What ties the reports to the window: ファイル → 印刷… (Tab.print_current), 帳票の設定…
(ReportSettingsDialog, stored in QSettings) and the settings reaching PDFs made off the GUI
thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import CustomerKind, InvoicePaymentMethod
from kaunet_desk.formatting import DateStyle
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as customer_service
from kaunet_desk.store.services.orders import OrderDraft, enter_order
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.limits.view import LimitsTab
from kaunet_desk.ui.printing import printer as printing
from kaunet_desk.ui.printing.report_settings import load_report_settings
from kaunet_desk.ui.report_settings_dialog import ReportSettingsDialog
from kaunet_desk.ui.tab import Tab, pdf_file_name
from kaunet_desk.ui.tabs import make_tabs

from .support import pdf_printer, show_tab

TODAY = date(2026, 11, 20)
# 法人番号-style check digit worked out by hand for 123456789012: the digits from the right
# weighted 1, 2, 1, 2, … sum to 74; 74 mod 9 = 2; 9 − 2 = 7.
VALID_NUMBER = "T7123456789012"


@pytest.fixture
def limits_tab(
    qtbot: QtBot, db: Database, settings: QSettings, background: Background
) -> LimitsTab:
    record = customer_service.create_customer(
        db,
        customer_service.CustomerDraft(
            name="株式会社みなと", name_kana="ミナト", kind=CustomerKind.CORPORATE.value,
            invoice_payment=InvoicePaymentMethod.BANK_DEBIT.value, monthly_limit_yen=50_000,
            phone="0312345678", email="minato@example.jp",
        ),
        ["K1"],
    )
    enter_order(db, OrderDraft(record.accounts[0].id, "M1", date(2026, 11, 2), 1_000, 0))
    tab = show_tab(qtbot, LimitsTab(background, settings), TODAY, size=(1100, 700))
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.attach(db)
    return tab


def test_a_tab_without_a_report_has_nothing_to_print(
    qtbot: QtBot, settings: QSettings
) -> None:
    tabs = {tab.key: tab for tab in make_tabs(Background(), settings)}
    for tab in tabs.values():
        qtbot.addWidget(tab)
    assert type(tabs["customers"]).print_current is Tab.print_current
    assert tabs["customers"].print_current() is False
    for key in ("purchases", "limits", "dealer_change", "invoice"):
        assert tabs[key].report_buttons is not None, key


def test_print_current_prints_the_tabs_report(
    qtbot: QtBot, limits_tab: LimitsTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer",
                        lambda *_args: pdf_printer(printed, resolution=60))
    assert limits_tab.print_current() is True
    qtbot.waitUntil(lambda: "印刷しました" in limits_tab.report_buttons.status_label.text(),
                    timeout=10_000)
    assert len(PdfReader(printed).pages) == 1


def _dialog(qtbot: QtBot, settings: QSettings) -> ReportSettingsDialog:
    dialog = ReportSettingsDialog(settings, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_wrong_registration_number_is_shown_on_the_field(
    qtbot: QtBot, settings: QSettings
) -> None:
    dialog = _dialog(qtbot, settings)
    field = dialog.fields["issuer_registration_number"]
    error = dialog.errors["issuer_registration_number"]
    field.setText("T7123456789013")  # one digit mistyped: the check digit no longer fits
    assert field.property("invalid") is True and error.isVisible()
    assert "検査用数字" in error.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.why.text() and dialog.save_button.toolTip() == dialog.why.text()
    field.setText("T12345")
    assert "13 桁" in error.text()
    field.setText("")  # allowed: printed as 未設定
    assert not error.isVisible() and dialog.save_button.isEnabled()
    dialog.fields["fax"].setText("  ")
    assert dialog.errors["fax"].isVisible() and not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.fields["fax"], Qt.Key.Key_Return)  # Enter does not bypass it
    assert dialog.isVisible()
    assert load_report_settings(settings) == ReportSettings()


def test_saved_settings_are_stored_normalised(qtbot: QtBot, settings: QSettings) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.fields["branch_name"].setText("横浜支店")
    dialog.fields["fax"].setText("０４５－０００－２２２２")
    dialog.fields["issuer_registration_number"].setText("Ｔ７１２３ ４５６７ ８９０１２")
    assert dialog.save_button.isEnabled()
    dialog.wareki.click()
    dialog.return_days.setValue(10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = load_report_settings(settings)
    assert stored.branch_name == "横浜支店"
    assert stored.fax == "045-000-2222"
    assert stored.issuer_registration_number == VALID_NUMBER
    assert stored.date_style is DateStyle.WAREKI
    assert stored.fax_return_days == 10
    # Opened again, the dialog shows what was stored.
    again = _dialog(qtbot, settings)
    assert again.wareki.isChecked() and again.return_days.value() == 10
    assert again.fields["issuer_registration_number"].text() == VALID_NUMBER


def test_settings_saved_in_the_dialog_reach_the_next_pdf(
    qtbot: QtBot, limits_tab: LimitsTab, settings: QSettings, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, settings)
    dialog.fields["branch_name"].setText("横浜支店")
    dialog.wareki.click()
    dialog.accept()
    target = tmp_path / "limits.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(limits_tab.report_buttons.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = PdfReader(target).pages[0].extract_text()
    assert "令和8年11月" in text  # 2026 is 令和 8
    assert "横浜支店" in text


def test_pdf_file_names_have_no_characters_windows_refuses() -> None:
    assert pdf_file_name("請求書", "A/B:C*社?", "2026-11") == "請求書_A_B_C_社__2026-11.pdf"
    assert pdf_file_name("一覧", "") == "一覧.pdf"
