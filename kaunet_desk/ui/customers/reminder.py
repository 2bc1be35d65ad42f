"""The reminder after an address or phone change (FAQ カウネットの会員情報について):
the customer reports the move to 「カウネットヘルプコール」 themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from kaunet_desk.i18n import _
from kaunet_desk.store.services.customers import ContactChangeRecord
from kaunet_desk.ui.customers.labels import field_label

STYLE = (
    "QFrame#help_line_reminder { background: #fff8e1; border: 1px solid #f9a825;"
    " border-radius: 4px; } QLabel { color: #5d4037; }"
)


class HelpLineReminder(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("help_line_reminder")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setObjectName("reminder_text")
        self.text.setWordWrap(True)
        close = QPushButton(_("閉じる"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.hide()

    def show_for(self, changes: tuple[ContactChangeRecord, ...]) -> None:
        if not changes:
            self.hide()
            return
        fields = _("、").join(dict.fromkeys(field_label(c.field) for c in changes))
        self.text.setText(_(
            "{fields}の変更を記録しました。\n"
            "移転による電話番号・住所の変更は、お客さまから「カウネットヘルプコール」へ"
            "ご連絡いただくようご案内ください(カウネット ID の登録住所の変更)。"
        ).format(fields=fields))
        self.show()
