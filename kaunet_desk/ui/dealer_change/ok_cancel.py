"""The OK/キャンセル row of the dealer-change dialogs: OK named for what it does."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from kaunet_desk.i18n import _

_OK = QDialogButtonBox.StandardButton.Ok
_CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """Buttons wired to ``dialog``'s accept and reject; ``ok_button`` finds the OK one."""
    buttons = QDialogButtonBox(_OK | _CANCEL)
    buttons.button(_OK).setText(ok_text)
    buttons.button(_CANCEL).setText(_("キャンセル"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ok_button(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(_OK)
