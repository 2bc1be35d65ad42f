"""The page the order dialog turns to when the monthly limit cancelled the order.

FAQ 月間購入上限金額: the order is cancelled, the customer is told why, and paying by card is
the way to buy beyond the limit — offered here as one button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kaunet_desk.formatting import format_month, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.orders import OrderEntry
from kaunet_desk.ui.purchases.labels import status_label

OVER_LIMIT_MESSAGE = N_("月間購入上限金額を超過したため、この注文はキャンセルされました")


class LimitResult(QWidget):
    pay_by_card = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(_(OVER_LIMIT_MESSAGE))
        self.message.setObjectName("over_limit_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold; font-size: 14px;")
        self.recorded = QLabel()
        self.recorded.setWordWrap(True)

        self.before = self._amount("month_total_before")
        self.this_order = self._amount("this_order")
        self.after = self._amount("month_total_after")
        self.limit = self._amount("limit")
        self.excess = self._amount("excess")
        self.excess.setStyleSheet("color: #c62828; font-weight: bold;")
        self.before_caption = QLabel()
        self.after_caption = QLabel()
        numbers = QFormLayout()
        numbers.addRow(self.before_caption, self.before)
        numbers.addRow(_("この注文(税込)"), self.this_order)
        numbers.addRow(self.after_caption, self.after)
        numbers.addRow(_("月間購入上限金額"), self.limit)
        numbers.addRow(_("超過額"), self.excess)

        self.card_hint = QLabel(_(
            "クレジットカードで支払えば上限を超えて購入できます(カード払いの注文は上限に数えません)。"
            "「カードで支払う」を押すと、同じ内容の注文を注文番号に「-C」を付けてカード払いで登録します。"
            "キャンセルされた注文は、理由の説明のため記録に残ります。"
        ))
        self.card_hint.setWordWrap(True)
        self.card_button = QPushButton(_("カードで支払う"))
        self.card_button.setObjectName("pay_by_card")
        self.card_button.clicked.connect(self.pay_by_card)
        self.card_result = QLabel()
        self.card_result.setObjectName("card_result")
        self.card_result.setWordWrap(True)
        self.card_result.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.recorded)
        layout.addLayout(numbers)
        layout.addSpacing(8)
        layout.addWidget(self.card_hint)
        layout.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.card_result)
        layout.addStretch(1)

    def _amount(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_entry(self, entry: OrderEntry) -> None:
        """The numbers that decided it: month total so far, this order, limit, excess."""
        order = entry.order
        after = entry.month_total_before_yen + order.total_yen
        # The month of the order date is the one the limit counts (our choice, domain.md).
        month = format_month(order.order_date)
        self.before_caption.setText(
            _("{month}のそれまでの合計(KDDI 請求書払い・税込)").format(month=month)
        )
        self.after_caption.setText(_("この注文を含めた{month}の合計").format(month=month))
        self.recorded.setText(
            _("注文番号 {order_no} は「上限超過キャンセル」として記録しました。").format(
                order_no=order.order_no
            )
        )
        self.before.setText(format_yen(entry.month_total_before_yen))
        self.this_order.setText(format_yen(order.total_yen))
        self.after.setText(format_yen(after))
        self.limit.setText(format_yen(entry.limit_yen))
        self.excess.setText(format_yen(after - entry.limit_yen))
        self.card_button.setEnabled(True)
        self.card_button.setToolTip("")
        self.card_result.hide()

    def show_card_entry(self, entry: OrderEntry) -> None:
        self.card_result.setText(
            _("注文番号 {order_no} をクレジットカード払いで登録しました(状態: {status})。").format(
                order_no=entry.order.order_no, status=status_label(entry.order.status)
            )
        )
        self.card_result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.card_result.show()
        self.card_button.setEnabled(False)
        self.card_button.setToolTip(_("カード払いの注文は登録済みです"))

    def show_card_error(self, message: str) -> None:
        self.card_result.setText(message)
        self.card_result.setStyleSheet("color: #c62828;")
        self.card_result.show()

