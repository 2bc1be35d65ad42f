"""From-month and to-month pickers, defaulting to My KDDI Biz 総合's 6-month window."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from kaunet_desk.domain import history_window
from kaunet_desk.domain.months import add_months, first_of_month
from kaunet_desk.formatting import format_month
from kaunet_desk.i18n import _

# How far back the pickers reach; orders older than this are not asked about on the phone.
MONTHS_BACK = 60


def last_day_of_month(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


class MonthRange(QWidget):
    """Emits ``changed`` when a valid range is chosen; shows why an invalid one is refused."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.month_list: list[date] = []
        self.from_combo = QComboBox()
        self.from_combo.setObjectName("from_month")
        self.to_combo = QComboBox()
        self.to_combo.setObjectName("to_month")
        for combo in (self.from_combo, self.to_combo):
            combo.setMaxVisibleItems(14)
            combo.currentIndexChanged.connect(self._picked)
        self.from_combo.setToolTip(_("この月の 1 日以降の注文を表示します"))
        self.to_combo.setToolTip(_("この月の末日(今月なら本日)までの注文を表示します"))
        self.reset_button = QPushButton(_("直近 6 か月"))
        self.reset_button.setObjectName("reset_months")
        self.reset_button.setToolTip(
            _("My KDDI Biz 総合と同じ、今月を含む 6 か月分に戻します")
        )
        self.reset_button.clicked.connect(self.reset)
        self.error_label = QLabel()
        self.error_label.setObjectName("month_error")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("期間")))
        layout.addWidget(self.from_combo)
        layout.addWidget(QLabel(_("〜")))
        layout.addWidget(self.to_combo)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.error_label)
        self._silent = False

    def set_today(self, today: date) -> None:
        """Fill the pickers with the months up to ``today``'s and choose the default window."""
        self.today = today
        this_month = first_of_month(today)
        # Newest first; the combos' item data is not searchable for dates, this list is.
        self.month_list = [add_months(this_month, -back) for back in range(MONTHS_BACK)]
        self._silent = True
        for combo in (self.from_combo, self.to_combo):
            combo.clear()
            for month in self.month_list:
                combo.addItem(format_month(month), month)
        self._silent = False
        self.reset()

    def reset(self) -> None:
        # FAQ 購入履歴: 今月も含めた 6 カ月分.
        first, _last = history_window(self.today)
        self.set_months(first, self.month_list[0])

    def set_months(self, first: date, last: date) -> None:
        """Choose the months of ``first`` and ``last`` (both must be in the pickers)."""
        self._silent = True
        self.from_combo.setCurrentIndex(self.month_list.index(first_of_month(first)))
        self.to_combo.setCurrentIndex(self.month_list.index(first_of_month(last)))
        self._silent = False
        self._picked()

    def is_default(self) -> bool:
        return self.bounds() == history_window(self.today)

    def bounds(self) -> tuple[date, date]:
        """(first day, last day), both inclusive; the window ends today in this month."""
        first: date = self.from_combo.currentData()
        to_month: date = self.to_combo.currentData()
        last = min(last_day_of_month(to_month), self.today)
        return first, last

    def valid(self) -> bool:
        return self.from_combo.currentData() <= self.to_combo.currentData()

    def _picked(self) -> None:
        if self._silent or self.from_combo.currentData() is None:
            return
        if self.valid():
            self.error_label.hide()
            self.from_combo.setStyleSheet("")
            self.changed.emit()
        else:
            self.error_label.setText(_("開始月が終了月より後になっています"))
            self.error_label.show()
            self.from_combo.setStyleSheet("QComboBox { border: 1px solid #c62828; }")
