"""The filters of the 変更履歴 dialog: customer, kind and a date range.

Each change emits ``changed``; ``current()`` is None while the range is wrong (the start
after the end), and the error shows on the field, in red, with the reason next to it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.audit_log import AuditFilter, AuditKind
from kaunet_desk.ui.audit.labels import FILTER_KINDS, kind_label
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.purchases.customer_picker import CustomerPicker

ERROR_STYLE = "QDateEdit { border: 2px solid #c62828; border-radius: 3px; }"
ERROR_LABEL_STYLE = "color: #c62828;"
DEFAULT_DAYS_BACK = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditFilterBar(QWidget):
    changed = Signal()

    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer = CustomerPicker(background, allow_all=True)
        self.customer.line_edit.setPlaceholderText(
            _("全顧客 — 名前・フリガナ・電話番号・カウネット ID で検索")
        )
        self.customer.all_button.setToolTip(_("すべてのお客さまの変更履歴を表示します"))
        # In a dialog every QPushButton is an auto-default: Enter in the search field would
        # press 全顧客 right after choosing the customer typed.
        self.customer.all_button.setAutoDefault(False)
        self.customer.customer_chosen.connect(lambda _id: self.changed.emit())

        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(_("すべて"), None)
        for kind in FILTER_KINDS:
            self.kind.addItem(kind_label(kind), kind.value)
        self.kind.setToolTip(_("変更の種類で絞り込みます"))
        self.kind.currentIndexChanged.connect(lambda _i: self.changed.emit())

        self.from_check = QCheckBox(_("開始日"))
        self.from_check.setObjectName("from_enabled")
        self.from_date = self._date_edit("from_date", _("この日の 0 時以降の変更を表示します"))
        self.to_check = QCheckBox(_("終了日"))
        self.to_check.setObjectName("to_enabled")
        self.to_date = self._date_edit("to_date", _("この日の終わりまでの変更を表示します"))
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self._edited())
            edit.setEnabled(False)
        self.error = QLabel()
        self.error.setObjectName("range_error")
        self.error.setStyleSheet(ERROR_LABEL_STYLE)
        self.error.hide()

        customer_label = QLabel(_("お客さま(&C)"))
        customer_label.setBuddy(self.customer.line_edit)
        kind_label_widget = QLabel(_("種類(&K)"))
        kind_label_widget.setBuddy(self.kind)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addWidget(QLabel(_("〜")))
        dates.addWidget(self.to_check)
        dates.addWidget(self.to_date)
        dates.addWidget(self.error)
        dates.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(customer_label, 0, 0)
        grid.addWidget(self.customer, 0, 1)
        grid.addWidget(kind_label_widget, 0, 2)
        grid.addWidget(self.kind, 0, 3)
        grid.addWidget(QLabel(_("期間")), 1, 0)
        grid.addLayout(dates, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.set_today(date.today())

    def _date_edit(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy/MM/dd")
        edit.setToolTip(tip)
        edit.dateChanged.connect(lambda _d: self._edited())
        return edit

    def set_database(self, database: Database) -> None:
        self.customer.set_database(database)

    def set_today(self, today: date) -> None:
        """The dates a range starts from when ticked: the last 30 days up to today."""
        for edit, day in ((self.from_date, today - timedelta(days=DEFAULT_DAYS_BACK)),
                          (self.to_date, today)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    # -- the filter ----------------------------------------------------------------
    def date_from(self) -> date | None:
        return _day(self.from_date.date()) if self.from_check.isChecked() else None

    def date_to(self) -> date | None:
        return _day(self.to_date.date()) if self.to_check.isChecked() else None

    def range_error(self) -> str:
        start, end = self.date_from(), self.date_to()
        if start is not None and end is not None and start > end:
            return _("開始日が終了日より後になっています")
        return ""

    def current(self) -> AuditFilter | None:
        if self.range_error():
            return None
        value = self.kind.currentData()
        return AuditFilter(
            customer_id=self.customer.customer_id,
            date_from=self.date_from(),
            date_to=self.date_to(),
            kind=None if value is None else AuditKind(value),
        )

    def _edited(self) -> None:
        problem = self.range_error()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        self.from_date.setStyleSheet(ERROR_STYLE if problem else "")
        self.from_date.setToolTip(problem or _("この日の 0 時以降の変更を表示します"))
        self.changed.emit()
