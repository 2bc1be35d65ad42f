"""One order in full, opened with Enter (or a double click) on its row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.domain.enums import HistoryVisibility
from kaunet_desk.formatting import format_date, format_month, format_yen
from kaunet_desk.i18n import _
from kaunet_desk.store.services.purchase_history import HistoryRow
from kaunet_desk.ui.purchases.columns import over_limit_text, reflection_text, tax_breakdown
from kaunet_desk.ui.purchases.labels import (
    dealer_label,
    payment_label,
    status_label,
    visibility_reason,
)


def _value(text: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(wrap)
    return label


class OrderDetailsDialog(QDialog):
    def __init__(self, row: HistoryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order_details_dialog")
        self.setWindowTitle(_("注文 {order_no}").format(order_no=row.order_no))
        form = QFormLayout()
        rows = [
            (_("注文番号"), row.order_no),
            (_("お客さま"), row.customer_name),
            (_("カウネット ID"), row.kaunet_id),
            (_("注文日"), format_date(row.order_date)),
            (_("発送日"), format_date(row.shipped_on) or _("未発送")),
            (_("My KDDI Biz 反映日"), reflection_text(row) or _("反映されません")),
            (_("KDDI 請求月"),
             format_month(row.billing_month) or _("KDDI 請求書では請求されません")),
            (_("小計 10% 対象(税抜)"), format_yen(row.subtotal_10_yen)),
            (_("小計 8% 対象(税抜)"), format_yen(row.subtotal_8_yen)),
            (_("消費税"), format_yen(row.tax_yen)),
            ("", tax_breakdown(row)),
            (_("合計(税込)"), format_yen(row.total_yen)),
            (_("ポイント利用"), format_yen(row.points_used_yen)),
            (_("支払方法"), payment_label(row.payment)),
            (_("販売店"), dealer_label(row.other_dealer, row.dealer_name)),
            (_("状態"), status_label(row.status)),
        ]
        for caption, text in rows:
            form.addRow(caption, _value(text))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if row.visibility is not HistoryVisibility.VISIBLE:
            self.visibility_note = _value(visibility_reason(row.visibility), wrap=True)
            layout.addWidget(self.visibility_note)
        limit = over_limit_text(row)
        if limit:
            self.limit_note = _value(limit, wrap=True)
            self.limit_note.setStyleSheet("color: #c62828;")
            layout.addWidget(self.limit_note)
        self.setMinimumWidth(520)
        # Our own caption: Qt's standard buttons stay English without Qt's catalog.
        close = QPushButton(_("閉じる"))
        close.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
