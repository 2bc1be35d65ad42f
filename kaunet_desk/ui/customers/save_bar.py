"""保存 and 取消, with the reason 保存 cannot be pressed always in sight.

FAQ 「確認」ボタンが押せません: the customer's form gave no reason. Ours names every field
to fix, in a label next to the button and in its tooltip; a field name is a link that
puts the cursor in that field.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.ui.customers.field_row import ERROR_LABEL_STYLE


class SaveBar(QWidget):
    save_clicked = Signal()
    cancel_clicked = Signal()
    field_link = Signal(str)  # a field name from the reason label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_button = QPushButton(_("保存"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(_("取消 (Esc)"))
        self.cancel_button.setObjectName("cancel")
        self.reason = QLabel()
        self.reason.setObjectName("save_reason")
        self.reason.setWordWrap(True)
        self.reason.linkActivated.connect(self.field_link)
        self.save_button.clicked.connect(self.save_clicked)
        self.cancel_button.clicked.connect(self.cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.save_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.reason, 1)

    def set_state(self, *, dirty: bool, to_fix: list[tuple[str, str]]) -> None:
        """``to_fix``: (field name, label) pairs; empty when the form is valid."""
        self.cancel_button.setEnabled(dirty)
        self.cancel_button.setToolTip("" if dirty else _("変更はありません"))
        if to_fix:
            comma = _("、")
            links = comma.join(f'<a href="{escape(n)}">{escape(label)}</a>' for n, label in to_fix)
            plain = comma.join(label for _n, label in to_fix)
            self._disable(_("保存できません。次の項目を確認してください: {fields}"), links, plain,
                          error=True)
        elif not dirty:
            self._disable(_("変更はありません"), "", "", error=False)
        else:
            self.save_button.setEnabled(True)
            self.save_button.setToolTip(_("保存します (Ctrl+S)"))
            self.reason.setStyleSheet("")
            self.reason.setText(_("未保存の変更があります"))

    def _disable(self, template: str, links: str, plain: str, *, error: bool) -> None:
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(template.format(fields=plain))
        self.reason.setStyleSheet(ERROR_LABEL_STYLE if error else "")
        self.reason.setText(escape(template).format(fields=links) if links else template)

    def reason_text(self) -> str:
        """The reason as plain text (what the tooltip says)."""
        return self.save_button.toolTip()
