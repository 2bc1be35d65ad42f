"""ファイル → バックアップ… / 復元…: the store's backup and checked restore, from the menu."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from kaunet_desk.i18n import _
from kaunet_desk.ui.options import backup_folder

if TYPE_CHECKING:
    from kaunet_desk.ui.main_window import MainWindow


def _sqlite_file(window: MainWindow) -> Path | None:
    database = window.database
    if database is None or not database.is_sqlite or not database.url.database:
        QMessageBox.information(
            window, _("バックアップ"),
            _("バックアップと復元は SQLite のデータベースで使えます。"
              "PostgreSQL はサーバーの管理者がバックアップします。"),
        )
        return None
    return Path(database.url.database)


def back_up(window: MainWindow) -> None:
    """A consistent copy (SQLite's online backup API) to a file the clerk chooses."""
    from kaunet_desk.store.backup import backup_name, backup_to

    source = _sqlite_file(window)
    if source is None:
        return
    folder = backup_folder(window.settings)
    folder.mkdir(parents=True, exist_ok=True)
    target, _filter = QFileDialog.getSaveFileName(
        window, _("バックアップの保存先"), str(folder / backup_name(datetime.now())),
        _("SQLite データベース (*.sqlite)"),
    )
    if not target:
        return
    window.set_busy(True)

    def done(path: Path) -> None:
        window.set_busy(False)
        window.statusBar().showMessage(_("バックアップを作成しました: {path}").format(path=path),
                                       10_000)

    def failed(error: Exception) -> None:
        window.set_busy(False)
        QMessageBox.warning(window, _("バックアップ"), str(error))

    window.background.run(lambda: backup_to(source, Path(target)), done, failed)


def restore_from(window: MainWindow) -> None:
    """Check the chosen file, confirm, close the ledger, restore, open it again."""
    from kaunet_desk.store.backup import BackupError, check_backup_file, restore

    database_path = _sqlite_file(window)
    if database_path is None:
        return
    folder = backup_folder(window.settings)
    chosen, _filter = QFileDialog.getOpenFileName(
        window, _("復元するバックアップ"), str(folder), _("SQLite データベース (*.sqlite *.db)")
    )
    if not chosen:
        return
    verdict = check_backup_file(Path(chosen))
    if not verdict.ok:
        QMessageBox.warning(
            window, _("復元できません"),
            _("このファイルからは復元できません。現在のデータベースはそのままです。\n{reason}")
            .format(reason=verdict.reason),
        )
        return
    answer = QMessageBox.question(
        window, _("復元"),
        _("現在のデータベースを {backup} の内容に置き換えます。\n"
          "置き換える前の状態はバックアップフォルダに保存します。続けますか?")
        .format(backup=chosen),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.background.wait()
    window.close_database()
    try:
        safety = restore(Path(chosen), database_path, folder)
    except BackupError as error:
        QMessageBox.warning(window, _("復元できません"), str(error))
    else:
        window.statusBar().showMessage(
            _("復元しました。元のデータベースは {path} に保存しました。").format(path=safety),
            15_000,
        )
    window.open_database(database_path)
