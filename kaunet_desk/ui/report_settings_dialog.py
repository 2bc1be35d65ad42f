"""ファイル → 帳票の設定…: who sends the documents, the invoice issuer, 西暦/和暦, FAX deadline.

Stored in QSettings through kaunet_desk.ui.printing.report_settings (keys ``reports/<field>``
of kaunet_desk.reports.settings.ReportSettings); every report made afterwards uses them.
The 登録番号 is checked with reports.registration_number (T + 13 digits whose first digit
is the check digit of the other twelve, 国税庁) and the error is shown on the field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.domain.text import normalize_text
from kaunet_desk.formatting import DateStyle, format_date
from kaunet_desk.i18n import N_, _
from kaunet_desk.reports.registration_number import (
    InvalidRegistrationNumber,
    normalize_registration_number,
)
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.ui.dealer_change.field_errors import block_button, error_label, show_error
from kaunet_desk.ui.printing.report_settings import load_report_settings, save_report_settings

MAX_RETURN_DAYS = 180

# field → (label, required); the order of the form.
_SENDER_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("dealer_name", N_("販売店名(&D)"), True),
    ("branch_name", N_("支店名(&B)"), False),
    ("clerk_name", N_("担当者名(&C)"), False),
    ("postal_code", N_("郵便番号(&Z)"), False),
    ("address", N_("住所(&A)"), False),
    ("phone", N_("電話番号(&T)"), True),
    ("fax", N_("FAX 番号(&F)"), True),
)
_REQUIRED_TEXT = {
    "dealer_name": N_("販売店名を入力してください。"),
    "phone": N_("電話番号を入力してください(FAX 用紙の問い合わせ先です)。"),
    "fax": N_("FAX 番号を入力してください(FAX 用紙の返信先です)。"),
}
_REGISTRATION_TEXT = {
    "shape": N_("「T」と 13 桁の数字で入力してください(例: T1234567890123)。"),
    "check_digit": N_("登録番号の検査用数字(T の次の 1 桁)が合いません。番号を確かめてください。"),
}


def registration_problem(text: str) -> str | None:
    """Why ``text`` is not a 登録番号, or None (empty is allowed: printed as 「未設定」)."""
    if not text.strip():
        return None
    try:
        normalize_registration_number(text)
    except InvalidRegistrationNumber as error:
        return _(_REGISTRATION_TEXT[error.reason])
    return None


class ReportSettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_settings_dialog")
        self.setWindowTitle(_("帳票の設定"))
        self._settings = settings
        current = load_report_settings(settings)
        self._current = current
        example_day = today or date.today()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        sender = QGroupBox(_("発信元(FAX 送信票・各帳票の下に印刷)"))
        sender_form = QFormLayout(sender)
        for name, label, _required in _SENDER_FIELDS:
            self._add_field(sender_form, name, _(label), str(getattr(current, name)))

        issuer = QGroupBox(_("請求書プレビューの発行者(適格請求書)"))
        issuer_form = QFormLayout(issuer)
        self._add_field(issuer_form, "issuer_name", _("発行者名(&I)"), current.issuer_name)
        self._add_field(issuer_form, "issuer_registration_number", _("登録番号(&R)"),
                        current.issuer_registration_number)
        self.fields["issuer_registration_number"].setPlaceholderText("T1234567890123")
        hint = QLabel(_("「T」+ 13 桁。空欄にすると「未設定」と印刷します。"))
        hint.setWordWrap(True)
        issuer_form.addRow("", hint)

        other = QGroupBox(_("日付と FAX"))
        other_form = QFormLayout(other)
        self.gregorian = QRadioButton(_("西暦({example})").format(
            example=format_date(example_day, style=DateStyle.GREGORIAN)))
        self.gregorian.setObjectName("gregorian")
        self.wareki = QRadioButton(_("和暦({example})").format(
            example=format_date(example_day, style=DateStyle.WAREKI, locale="ja_JP")))
        self.wareki.setObjectName("wareki")
        self.date_style = QButtonGroup(self)
        self.date_style.addButton(self.gregorian)
        self.date_style.addButton(self.wareki)
        (self.wareki if current.date_style is DateStyle.WAREKI else self.gregorian).setChecked(True)
        styles = QHBoxLayout()
        styles.addWidget(self.gregorian)
        styles.addWidget(self.wareki)
        styles.addStretch(1)
        other_form.addRow(_("帳票の日付"), styles)
        self.return_days = QSpinBox()
        self.return_days.setObjectName("fax_return_days")
        self.return_days.setRange(0, MAX_RETURN_DAYS)
        self.return_days.setValue(min(current.fax_return_days, MAX_RETURN_DAYS))
        self.return_days.setSuffix(_(" 日後"))
        self.return_days.setToolTip(_("新しい FAX 用紙の返送期限は、送付日のこの日数後を"
                                      "初めに提案します"))
        other_form.addRow(_("FAX の返送期限(送付日から)(&L)"), self.return_days)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.why = QLabel()
        self.why.setObjectName("why_not_saved")
        self.why.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.why, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(sender)
        layout.addWidget(issuer)
        layout.addWidget(other)
        layout.addLayout(bottom)
        self.setMinimumWidth(560)
        self.fields["dealer_name"].setFocus()
        self.validate()

    def _add_field(self, form: QFormLayout, name: str, label: str, value: str) -> None:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.textChanged.connect(lambda _text: self.validate())
        error = error_label()
        error.setObjectName(f"{name}_error")
        self.fields[name] = edit
        self.errors[name] = error
        form.addRow(label, edit)
        form.addRow("", error)

    # -- checks ----------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name, text in _REQUIRED_TEXT.items():
            if not self.fields[name].text().strip():
                found[name] = _(text)
        registration = registration_problem(self.fields["issuer_registration_number"].text())
        if registration is not None:
            found["issuer_registration_number"] = registration
        return found

    def validate(self) -> bool:
        found = self.problems()
        for name, edit in self.fields.items():
            show_error(edit, self.errors[name], found.get(name))
        reason = (_("赤枠の項目を直すと保存できます。") if found else None)
        block_button(self.save_button, reason)
        self.why.setText(reason or "")
        return not found

    # -- result ----------------------------------------------------------------------
    def report_settings(self) -> ReportSettings:
        """What the form holds, normalised (全角 → 半角, spaces); call when valid."""
        values: dict[str, object] = {
            name: normalize_text(edit.text()) for name, edit in self.fields.items()
        }
        number = str(values["issuer_registration_number"])
        values["issuer_registration_number"] = (
            normalize_registration_number(number) if number else "")
        values["date_style"] = (DateStyle.WAREKI if self.wareki.isChecked()
                                else DateStyle.GREGORIAN)
        values["fax_return_days"] = self.return_days.value()
        return self._current.with_values(**values)

    def accept(self) -> None:
        if not self.validate():  # Enter in a field must not bypass the checks
            return
        save_report_settings(self._settings, self.report_settings())
        self._settings.sync()
        super().accept()
