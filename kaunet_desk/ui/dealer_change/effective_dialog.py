"""Records the month the change took effect: the month after the return or the one after.

FAQ 販売店について: 返信した翌月または翌々月に変更. Only those two months can be chosen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.formatting import format_date, format_month
from kaunet_desk.i18n import _
from kaunet_desk.ui.dealer_change.ok_cancel import ok_cancel_buttons
from kaunet_desk.ui.dealer_change.texts import RULE_SUMMARY


class EffectiveDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, *, customer: str, returned_on: date,
        months: tuple[date, date],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("effective_dialog")
        self.setWindowTitle(_("変更完了を記録"))
        self._months = months
        intro = QLabel(
            _("{customer} さまの FAX は {returned} に返送されました。"
              "KDDI から確認が取れた変更月を選んでください。").format(
                customer=customer, returned=format_date(returned_on)
            )
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for position, (month, label) in enumerate(zip(months, (_("翌月"), _("翌々月")),
                                                      strict=True)):
            button = QRadioButton(
                _("{month}（返送の{which}）").format(month=format_month(month), which=label)
            )
            button.setObjectName(f"month_{position}")
            self.group.addButton(button, position)
            self.choices.append(button)
            layout.addWidget(button)
        self.choices[0].setChecked(True)
        rule = QLabel(_(RULE_SUMMARY))
        rule.setWordWrap(True)
        rule.setObjectName("rule")
        layout.addWidget(rule)
        layout.addWidget(ok_cancel_buttons(self, _("変更完了を記録")))
        self.setMinimumWidth(480)

    def chosen(self) -> date:
        return self._months[max(self.group.checkedId(), 0)]
