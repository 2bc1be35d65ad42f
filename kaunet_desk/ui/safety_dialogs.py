"""The questions asked when a ledger is opened: a damaged file (restore the latest backup?),
a ledger another Kaunet Desk has open (read-only?), a file on a network share (a warning).

Each returns the clerk's answer; the texts are in safety_messages. Buttons carry object
names so tests (and screen readers) find them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.store.safety import DatabaseInUse, backup_taken_at
from kaunet_desk.ui.safety_messages import (
    backup_label,
    damaged_text,
    in_use_text,
    network_warning_text,
    no_backup_text,
    restore_blocked_text,
    restore_offer_text,
)

RESTORE_BUTTON = "restore_latest_backup"
READ_ONLY_BUTTON = "open_read_only"
CANCEL_BUTTON = "cancel"

Role = QMessageBox.ButtonRole
# Paths are long: a wider text column keeps them from breaking every few words.
_WIDE_TEXT = ("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
              "{ min-width: 500px; }")


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         name: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setStyleSheet(_WIDE_TEXT)
    return box


def _accepted(box: QMessageBox, accept_text: str, accept_name: str, *,
              enter_accepts: bool) -> bool:
    """Shows `box` with an accept button and キャンセル: True when the clerk accepted.

    Escape always cancels; `enter_accepts` says which of the two Enter presses.
    """
    accept = box.addButton(accept_text, Role.AcceptRole)
    accept.setObjectName(accept_name)
    cancel = box.addButton(_("キャンセル"), Role.RejectRole)
    cancel.setObjectName(CANCEL_BUTTON)
    box.setDefaultButton(accept if enter_accepts else cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def offer_restore(parent: QWidget | None, database: Path, problem: str,
                  backup: Path | None, folder: Path) -> bool:
    """A damaged ledger: True when the clerk chose 「最新のバックアップから復元」."""
    box = _box(parent, QMessageBox.Icon.Critical, _("データベースが壊れています"),
               damaged_text(database, problem), "restore_offer")
    if backup is None:
        box.setInformativeText(no_backup_text(folder))
        box.setEscapeButton(box.addButton(_("閉じる"), Role.RejectRole))
        box.exec()
        return False
    box.setInformativeText(restore_offer_text(backup_label(backup, backup_taken_at(backup)),
                                              folder))
    # Enter does not replace a ledger: restoring loses what was entered after the backup.
    return _accepted(box, _("最新のバックアップから復元"), RESTORE_BUTTON, enter_accepts=False)


def restore_blocked(parent: QWidget | None, database: Path, problem: str) -> None:
    """A damaged ledger another instance holds: it cannot be replaced under it."""
    box = _box(parent, QMessageBox.Icon.Critical, _("データベースが壊れています"),
               damaged_text(database, problem), "restore_blocked")
    box.setInformativeText(restore_blocked_text())
    box.setEscapeButton(box.addButton(_("閉じる"), Role.RejectRole))
    box.exec()


def ask_read_only(parent: QWidget | None, error: DatabaseInUse) -> bool:
    """Another Kaunet Desk has the ledger open: True to open it read-only, False to cancel."""
    box = _box(parent, QMessageBox.Icon.Warning, _("データベースは使用中です"),
               in_use_text(error), "in_use")
    return _accepted(box, _("読み取り専用で開く"), READ_ONLY_BUTTON, enter_accepts=True)


def warn_network(parent: QWidget | None, database: Path, reason: str) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, _("ネットワーク上のデータベース"),
               network_warning_text(database, reason), "network_warning")
    box.setEscapeButton(box.addButton(_("了解"), Role.AcceptRole))
    box.exec()


def tell_restored(parent: QWidget | None, aside: Path) -> None:
    box = _box(parent, QMessageBox.Icon.Information, _("復元しました"),
               _("最新のバックアップから復元しました。壊れたファイルは次の名前で残しています:\n"
                 "{path}").format(path=aside), "restored")
    box.setEscapeButton(box.addButton(_("OK"), Role.AcceptRole))
    box.exec()
