"""A month chooser: ◀ [2026年11月] ▶ and 今月, emitting the first day of the month.

Used by the monthly-limit tab (order month) and the invoice tab (billing month).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from kaunet_desk.domain.months import add_months, first_of_month
from kaunet_desk.i18n import _


class MonthPicker(QWidget):
    month_changed = Signal(object)  # date: first of the month

    def __init__(self, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(_("前の月"))
        self.previous_button.setAccessibleName(_("前の月"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(_("次の月"))
        self.next_button.setAccessibleName(_("次の月"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(32)
        self.this_month_button = QPushButton(_("今月"))
        self.edit = QDateEdit()
        # Year and month only: ↑/↓ on the month section steps a month at a time.
        self.edit.setDisplayFormat(_("yyyy年M月"))
        self.edit.setCurrentSection(QDateEdit.Section.MonthSection)
        self.edit.setMinimumWidth(110)
        self.edit.setAccessibleName(_("対象月"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.edit)
        layout.addWidget(self.next_button)
        layout.addWidget(self.this_month_button)
        self._month = first_of_month(today())
        self.edit.setDate(QDate(self._month))
        self.edit.dateChanged.connect(self._edited)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.this_month_button.clicked.connect(self.go_to_this_month)
        self.setFocusProxy(self.edit)

    def month(self) -> date:
        return self._month

    def set_month(self, month: date) -> None:
        self.edit.setDate(QDate(first_of_month(month)))

    def step(self, months: int) -> None:
        self.set_month(add_months(self._month, months))

    def go_to_this_month(self) -> None:
        self.set_month(self._today())

    def _edited(self, value: QDate) -> None:
        month = first_of_month(value.toPython())  # type: ignore[arg-type]
        if month != self._month:
            self._month = month
            self.month_changed.emit(month)
