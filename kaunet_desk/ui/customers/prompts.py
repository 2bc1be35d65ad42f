"""The questions the お客さま tab asks before anything is lost or recorded for good.

Kept in one module so tests can answer them (monkeypatch) without a modal loop.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import _


class Leave(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def ask_leave(parent: QWidget) -> Leave:
    """Unsaved changes and the clerk opens another customer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("未保存の変更"))
    box.setText(_("このお客さまの変更はまだ保存されていません。"))
    save = box.addButton(_("保存する"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("破棄する"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(_("編集を続ける"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Leave.SAVE
    if clicked is discard:
        return Leave.DISCARD
    return Leave.STAY


def confirm_discard(parent: QWidget) -> bool:
    """Esc with unsaved changes."""
    answer = QMessageBox.question(
        parent,
        _("編集の取消"),
        _("保存していない変更を破棄しますか？"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def _yes_no(parent: QWidget, title: str, text: str, *, warning: bool = False) -> bool:
    """Yes or No, No the default: Enter alone never records or takes back anything."""
    ask = QMessageBox.warning if warning else QMessageBox.question
    answer = ask(
        parent, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_cancellation(parent: QWidget, name: str, on: date) -> bool:
    """FAQ カウネットの解約方法: recorded after the support desk's procedure; asked twice."""
    return _yes_no(parent, _("解約の記録"), _(
        "「{name}」を {date} 付けで解約として記録します。\n"
        "KDDI まとめてオフィスサポートデスクで解約の手続きが済んでいることを"
        "確認しましたか？\n記録を誤ったときは「解約の記録を取り消す…」で戻せます。"
    ).format(name=name, date=format_date(on)), warning=True)


def confirm_withdraw_cancellation(parent: QWidget, name: str, on: date) -> bool:
    """A cancellation recorded by mistake: the ledger only; KDDI's side is not touched."""
    return _yes_no(parent, _("解約の記録の取り消し"), _(
        "「{name}」の {date} 付けの解約の記録を取り消し、契約中に戻します。\n"
        "台帳の記録だけが変わります(KDDI での手続きは取り消されません)。\n"
        "取り消したことは変更履歴に残ります。"
    ).format(name=name, date=format_date(on)))


def confirm_withdraw_catalogue_stop(parent: QWidget, name: str, on: date) -> bool:
    """A catalogue stop recorded by mistake: 定期送付中 again, in the ledger only."""
    return _yes_no(parent, _("送付停止の記録の取り消し"), _(
        "「{name}」の {date} 付けのカタログ送付停止の記録を取り消し、定期送付中に戻します。\n"
        "台帳の記録だけが変わります(カウネットヘルプコールへの連絡は別に必要です)。\n"
        "取り消したことは変更履歴に残ります。"
    ).format(name=name, date=format_date(on)))


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)
