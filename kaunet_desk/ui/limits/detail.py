"""One customer's month beside the table: orders that count, limit cancellations, limit log."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.formatting import format_month, format_yen
from kaunet_desk.i18n import _
from kaunet_desk.store.services.customers import LimitChangeRecord
from kaunet_desk.store.services.monthly_limits import LimitUsage, MonthOrders
from kaunet_desk.ui.limits.detail_models import (
    limit_changes_model,
    month_order_lines,
    month_orders_model,
)
from kaunet_desk.ui.limits.model import UsageMark


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class _Section(QLabel):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        font = self.font()
        font.setBold(True)
        self.setFont(font)


class LimitDetail(QWidget):
    """Filled by the tab; Esc hands the focus back to the table."""

    change_requested = Signal()
    closed = Signal()
    records_shown = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("limit_detail")
        self.title = QLabel(_("お客さまを選ぶと、その月の注文と上限変更の記録をここに表示します"))
        self.title.setWordWrap(True)
        font = self.title.font()
        if font.pointSizeF() > 0:  # a pixel-sized font has none
            font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.busy = QLabel(_("読み込み中…"))
        self.busy.hide()

        self.orders_model = month_orders_model(self)
        self.orders = _table(self.orders_model)
        self.orders.setObjectName("month_orders")
        self.log_model = limit_changes_model(self)
        self.log = _table(self.log_model)
        self.log.setObjectName("limit_log")
        self.log_empty = QLabel(_("変更の記録はありません(申込時の審査で決まった上限額のままです)"))
        self.log_empty.setWordWrap(True)
        self.log_empty.setStyleSheet("color: #555555;")

        self.change_button = QPushButton(_("上限変更…"))
        self.change_button.setObjectName("change_limit")
        self.change_button.clicked.connect(self.change_requested)
        self.change_reason = QLabel()
        self.change_reason.setObjectName("change_reason")
        self.change_reason.setWordWrap(True)
        self.change_reason.setStyleSheet("color: #555555;")
        note = QLabel(_("上限額は申込時の審査で決まり、入会後は原則変更されません(FAQ)。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")

        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.change_reason, 1)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.figures)
        left.addWidget(self.busy)
        left.addWidget(_Section(_("この月の注文(上限に数える注文と、上限超過でキャンセルされた注文)")))
        left.addWidget(self.orders, 1)
        right = QVBoxLayout()
        right.addWidget(_Section(_("上限変更の記録")))
        right.addWidget(self.log_empty)
        right.addWidget(self.log, 1)
        right.addLayout(buttons)
        right.addWidget(note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.clear()

    def clear(self) -> None:
        self.customer: LimitUsage | None = None
        self.title.setText(_("お客さまを選ぶと、その月の注文と上限変更の記録をここに表示します"))
        self.figures.setText("")
        self.orders_model.set_rows([])
        self.log_model.set_rows([])
        self.log_empty.hide()
        self._set_can_change(False, _("一覧でお客さまを選ぶと上限を変更できます"))

    def show_customer(self, usage: LimitUsage, mark: UsageMark, month: date) -> None:
        """The figures at once (the table has them); orders and log follow from the tab."""
        self.customer = usage
        self.title.setText(usage.name)
        lines = [
            _("{month}: 利用額 {total} / 上限額 {limit} / 残り {remaining}").format(
                month=format_month(month), total=format_yen(usage.total_yen),
                limit=format_yen(usage.limit_yen), remaining=format_yen(usage.remaining_yen),
            ),
            _("利用率 {mark}").format(mark=mark.text()),
        ]
        if usage.excess_yen:
            over = _("上限額を {excess} 超えています(月の途中で上限額が下がった場合など)")
            lines.append(over.format(excess=format_yen(usage.excess_yen)))
        self.figures.setText("\n".join(lines))
        self.busy.show()
        self._set_can_change(False, _("読み込み中…"))

    def show_records(
        self, orders: MonthOrders, changes: list[LimitChangeRecord]
    ) -> None:
        self.busy.hide()
        self.orders_model.set_rows(month_order_lines(orders.counted, orders.cancelled_over_limit))
        self.log_model.set_rows(changes)
        self.log_empty.setVisible(not changes)
        self._set_can_change(True, "")
        self.records_shown.emit()

    def show_failure(self, message: str) -> None:
        self.busy.hide()
        self.figures.setText(message)
        self._set_can_change(False, _("読み込めなかったため変更できません"))

    def _set_can_change(self, enabled: bool, reason: str) -> None:
        # A disabled button says why: tooltip and a visible label.
        self.change_button.setEnabled(enabled)
        tip = _("月間購入上限金額の変更を記録します") if enabled else reason
        self.change_button.setToolTip(tip)
        self.change_reason.setText(reason)

    def focus_orders(self) -> None:
        self.orders.setFocus()
        if self.orders_model.rowCount() and not self.orders.currentIndex().isValid():
            self.orders.selectRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)
