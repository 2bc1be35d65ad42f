"""Help → keyboard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaunet_desk.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Ctrl+F", _("現在のタブの検索欄へ")),
        ("F5", _("再読み込み")),
        ("Enter", _("選択した行を開く")),
        ("Esc", _("編集を取り消す")),
        ("Ctrl+1 … Ctrl+5", _("タブを切り替える")),
        ("Ctrl+O", _("データベースを開く")),
        ("Ctrl+P", _("現在のタブの帳票を印刷")),
        ("Ctrl+Q", _("終了")),
    ]


def show_shortcuts(parent: QWidget) -> None:
    # Imported here: the main window imports this module before its first paint.
    from PySide6.QtWidgets import QMessageBox

    text = "\n".join(f"{keys}\t{meaning}" for keys, meaning in shortcut_rows())
    QMessageBox.information(parent, _("キーボード ショートカット"), text)
