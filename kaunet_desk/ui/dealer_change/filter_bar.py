"""The bar above the table: search, the six filters, "due within N days", busy and count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.formatting import format_number
from kaunet_desk.i18n import _, ngettext
from kaunet_desk.store.services.dealer_change import RequestFilter
from kaunet_desk.ui.dealer_change.settings import DUE_WITHIN_DAYS
from kaunet_desk.ui.dealer_change.texts import FILTER_NAMES


class FilterBar(QWidget):
    """Emits ``changed`` when the search text (debounced by the tab), filter or N changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("名前・フリガナ・カウネット ID で絞り込み"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(480)
        self.group = QButtonGroup(self)
        self.buttons: dict[RequestFilter, QRadioButton] = {}
        # Two rows, so the tab still fits a narrow window (search above, filters below).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        layout = QHBoxLayout()
        outer.addLayout(top)
        outer.addLayout(layout)
        top.addWidget(self.search, 1)
        top.addStretch(1)
        for position, kind in enumerate(RequestFilter):
            button = QRadioButton(_(FILTER_NAMES[kind]))
            button.setObjectName(f"filter_{kind.value}")
            self.group.addButton(button, position)
            self.buttons[kind] = button
            layout.addWidget(button)
            if kind is RequestFilter.DUE_SOON:
                self.days = QSpinBox()
                self.days.setObjectName("due_within_days")
                self.days.setRange(DUE_WITHIN_DAYS.minimum, DUE_WITHIN_DAYS.maximum)
                self.days.setSuffix(_(" 日以内"))
                self.days.setToolTip(_("返送期限までの日数がこの日数以下の「待ち」を期限間近とします"))
                layout.addWidget(self.days)
        self.buttons[RequestFilter.ALL].setChecked(True)
        layout.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(100)
        self.progress.hide()
        self.count = QLabel()
        self.count.setObjectName("count")
        top.addWidget(self.progress)
        top.addWidget(self.count)
        self.group.idClicked.connect(lambda _id: self.changed.emit())
        self.days.valueChanged.connect(lambda _value: self.changed.emit())

    def kind(self) -> RequestFilter:
        return list(RequestFilter)[max(self.group.checkedId(), 0)]

    def set_kind(self, kind: RequestFilter) -> None:
        self.buttons[kind].setChecked(True)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.count.setText(_("読み込み中…"))

    def set_count(self, count: int) -> None:
        self.count.setText(ngettext("{count} 件", "{count} 件", count).format(
            count=format_number(count)))
