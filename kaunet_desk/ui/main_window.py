"""The clerk's main window: menus, five tabs over the store's services, a status bar.

Start-up order (tech-notes: SQLAlchemy and the tabs cost ≈ 0.5 s to import): the window is
built from Qt alone and painted with the five tab titles; ``build_tabs`` then imports and
builds the real tabs, and the database is opened off the GUI thread. Heavy modules are
imported inside the methods that need them, never at the top of this module.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk import __version__
from kaunet_desk.i18n import _
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.language import LANGUAGE
from kaunet_desk.ui.options import BACKUP_KEEP_DAYS, backup_folder
from kaunet_desk.ui.shortcuts_dialog import show_shortcuts
from kaunet_desk.ui.tabs import TAB_TITLES

if TYPE_CHECKING:
    from kaunet_desk.store.database import Database
    from kaunet_desk.ui.safe_open import SafeOpener
    from kaunet_desk.ui.tab import Tab


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: QSettings | None = None,
        today: date | None = None,
        *,
        defer_tabs: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or QSettings()
        self._given_today = today
        self.today = today or date.today()
        self.database: Database | None = None
        self.background = Background(self)
        self._opener: SafeOpener | None = None
        self.setWindowTitle(_("Kaunet Desk — KDDI まとめてオフィス"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        # Placeholders carry the titles until build_tabs replaces them with the real tabs.
        self.tab_list: list[Tab] = []
        for title in TAB_TITLES:
            self.tabs.addTab(loading_placeholder(), _(title))
        self.setCentralWidget(self.tabs)
        self._build_status_bar()
        # Menu titles paint with the window; their actions are added by build_tabs (below).
        self.file_menu = self.menuBar().addMenu(_("ファイル(&F)"))
        self.view_menu = self.menuBar().addMenu(_("表示(&V)"))
        self.help_menu = self.menuBar().addMenu(_("ヘルプ(&H)"))
        self.resize(1280, 800)
        self._restore_geometry()
        if not defer_tabs:
            self.build_tabs()

    @property
    def opener(self) -> SafeOpener:
        """Lock, file check, restore offer and network warning around every open."""
        if self._opener is None:
            from kaunet_desk.store.backup import has_backup_for
            from kaunet_desk.ui.safe_open import SafeOpener

            # PRAGMA quick_check reads the whole file (≈ 1 s at 270 MB): once a day, on the
            # first start, before the daily backup; later starts check the header only.
            first_today = not has_backup_for(backup_folder(self.settings), self.today)
            self._opener = SafeOpener(self, self.background,
                                      lambda: backup_folder(self.settings),
                                      quick_check=first_today)
        return self._opener

    def build_tabs(self) -> None:
        """Fill the menus, then import and build the five tabs in place of their placeholders."""
        self._fill_menus()
        if self.tab_list:
            return
        from kaunet_desk.ui.tabs import make_tabs

        current = self.tabs.currentIndex()
        self.tab_list = make_tabs(self.background, self.settings)
        self.tabs.blockSignals(True)
        for index, tab in enumerate(self.tab_list):
            if self._given_today is not None:
                tab.set_today(self._given_today)
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            placeholder.deleteLater()
            self.tabs.insertTab(index, tab, tab.title())
            changed = getattr(tab, "data_changed", None)
            if changed is not None:  # e.g. a customer added: the status bar counts follow
                changed.connect(self.refresh_counts)
            tab.restore_state()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)

    # -- building -------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.db_label = QLabel(_("データベースを開いています…"))
        self.counts_label = QLabel()
        self.day_label = QLabel()
        self.statusBar().addWidget(self.progress)
        for label in (self.db_label, self.counts_label, self.day_label):
            self.statusBar().addPermanentWidget(label)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                enabled: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setEnabled(enabled)
        return action

    def _fill_menus(self) -> None:
        """The menus' actions. Not before the first paint: the first QAction builds Python
        enums for the whole Qt namespace (≈ 100 of them, ≈ 15 ms, measured), and a menu
        shows nothing until it is opened."""
        if not self.file_menu.isEmpty():
            return
        file_menu = self.file_menu
        file_menu.addAction(self._action(_("データベースを開く…"), self.choose_database,
                                         QKeySequence.StandardKey.Open))
        self.audit_action = self._action(_("変更履歴…"), self.show_audit_log, "Ctrl+Shift+H",
                                         enabled=False)
        self.audit_action.setStatusTip(_("データベースを開くと使えます"))
        file_menu.addAction(self.audit_action)
        file_menu.addSeparator()
        self.import_action = self._action(_("CSV の取り込み…"), self.import_csv, enabled=False)
        self.export_action = self._action(_("表を書き出す (CSV / Excel)…"), self.export_current,
                                          "Ctrl+Shift+E", enabled=False)
        self.backup_action = self._action(_("バックアップを作成…"), self.back_up, enabled=False)
        self.restore_action = self._action(_("バックアップから復元…"), self.restore_backup,
                                           enabled=False)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("印刷…"), self.print_current,
                                         QKeySequence.StandardKey.Print))
        file_menu.addAction(self._action(_("帳票の設定…"), self.edit_report_settings))
        file_menu.addSeparator()
        # Not StandardKey.Quit: it is empty on Windows, and the shortcut list says Ctrl+Q.
        file_menu.addAction(self._action(_("終了"), self.close, "Ctrl+Q"))
        view_menu = self.view_menu
        view_menu.addAction(self._action(_("再読み込み"), self.reload_current, "F5"))
        view_menu.addAction(self._action(_("検索"), self.focus_search,
                                         QKeySequence.StandardKey.Find))
        view_menu.addSeparator()
        for index, title in enumerate(TAB_TITLES):
            view_menu.addAction(self._action(
                _(title), lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}"))
        language_menu = view_menu.addMenu(_("言語 (Language)"))
        current = LANGUAGE.get(self.settings)
        choices = QActionGroup(self)  # exclusive: one language is ticked
        for value, label in (("ja", "日本語"), ("en", "English"),
                             ("system", _("OS の設定に合わせる"))):
            action = self._action(label, lambda _=False, v=value: self.choose_language(v))
            action.setCheckable(True)
            action.setChecked(value == current)
            choices.addAction(action)
            language_menu.addAction(action)
        help_menu = self.help_menu
        help_menu.addAction(self._action(_("キーボード ショートカット"),
                                         lambda: show_shortcuts(self)))
        help_menu.addAction(self._action(_("バージョン情報"), self.show_about))

    # -- database -------------------------------------------------------------------
    def open_database(self, db: str | Path | None) -> None:
        """Open (and migrate) off the GUI thread: the window is already painted."""
        self.build_tabs()
        if not all(tab.confirm_close() for tab in self.tab_list):
            return
        self.set_busy(True)
        self.db_label.setText(_("データベースを開いています…"))
        self.opener.open(db, self.attach, self._open_failed)

    def _open_failed(self, error: Exception | None) -> None:
        """``error`` is None when the clerk cancelled (in use, damaged file not restored)."""
        self.set_busy(False)
        self._show_database_label()
        if error is None:
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            self, _("データベースを開けません"),
            _("データベースを開けませんでした。\n{error}").format(error=_explain(error)),
        )

    def _show_database_label(self) -> None:
        if self.database is None:
            self.db_label.setText(_("データベースが開いていません"))
            return
        from kaunet_desk.store.location import describe

        text = _("データベース: {path}").format(path=describe(self.database.url))
        if self.opener.read_only:
            text += _("(読み取り専用)")
        self.db_label.setText(text)

    def attach(self, database: Database) -> None:
        from kaunet_desk.domain import is_business_day

        self.build_tabs()
        if self.database is not None and self.database is not database:
            self.database.close()
        self.database = database
        self.set_busy(False)
        self._show_database_label()
        self.audit_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.backup_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        self.export_action.setEnabled(True)
        self.audit_action.setStatusTip(_("だれが・いつ・何を変更したかを表示します"))
        self.day_label.setText(
            _("本日は営業日") if is_business_day(self.today) else _("本日は休業日")
        )
        for tab in self.tab_list:
            tab.attach(database)
        self.refresh_counts()
        self.daily_backup()

    def daily_backup(self) -> None:
        """The first start of each day backs up the SQLite ledger (off the GUI thread)."""
        database = self.database
        if database is None or not database.is_sqlite or not database.url.database:
            return
        from kaunet_desk.store.backup import daily_backup

        source = Path(database.url.database)
        folder = backup_folder(self.settings)
        keep = BACKUP_KEEP_DAYS.get(self.settings)

        def done(path: Path | None) -> None:
            if path is not None:
                self.statusBar().showMessage(
                    _("本日のバックアップを作成しました: {path}").format(path=path), 10_000
                )

        def failed(error: Exception) -> None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, _("バックアップ"),
                _("本日のバックアップを作成できませんでした。\n{error}").format(error=error),
            )

        self.background.run(lambda: daily_backup(source, folder, keep), done, failed)

    def refresh_counts(self) -> None:
        database = self.database
        if database is None:
            return
        from kaunet_desk.store.services.customer_list import count_customers
        from kaunet_desk.store.services.orders import count_orders

        def work() -> tuple[int, int]:
            return count_customers(database), count_orders(database)

        from kaunet_desk.formatting import format_number

        def show(counts: tuple[int, int]) -> None:
            self.counts_label.setText(
                _("お客さま {customers} 件 / 注文 {orders} 件").format(
                    customers=format_number(counts[0]), orders=format_number(counts[1])
                )
            )

        self.background.run(work, show)

    def show_audit_log(self) -> None:
        if self.database is None:
            return
        from kaunet_desk.ui.audit.dialog import show_audit_log

        show_audit_log(self, self.database, self.background, self.settings, today=self.today)

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, _("データベースを開く"), "", _("SQLite データベース (*.sqlite *.db);;すべて (*)")
        )
        if path:
            self.open_database(path)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    # -- actions ---------------------------------------------------------------------
    def current_tab(self) -> Tab:
        self.build_tabs()
        return self.tab_list[self.tabs.currentIndex()]

    def tab(self, key: str) -> Tab:
        return next(t for t in self.tab_list if t.key == key)

    def reload_current(self) -> None:
        if self.database is not None:
            self.current_tab().reload()
            self.refresh_counts()

    def focus_search(self) -> None:
        field = self.current_tab().search_field()
        if field is not None:
            field.setFocus()
            field.selectAll()

    def back_up(self) -> None:
        from kaunet_desk.ui.backup_actions import back_up

        back_up(self)

    def restore_backup(self) -> None:
        from kaunet_desk.ui.backup_actions import restore_from

        restore_from(self)

    def close_database(self) -> None:
        """Let go of the ledger file (restore replaces it); the tabs keep their widgets."""
        if self.database is not None:
            self.database.close()
            self.database = None
        if self._opener is not None:
            self._opener.release()
        self._show_database_label()

    def import_csv(self) -> None:
        """ファイル → CSV の取り込み…: customers or orders; every tab reloads afterwards."""
        if self.database is None:
            return
        from kaunet_desk.ui.transfer.import_dialog import ImportDialog

        kind = "orders" if self.current_tab().key == "purchases" else "customers"
        dialog = ImportDialog(self, database=self.database, settings=self.settings, kind=kind)
        dialog.imported.connect(lambda _result: self._reload_all())
        dialog.open()
        self.import_dialog = dialog

    def _reload_all(self) -> None:
        for tab in self.tab_list:
            tab.reload()
        self.refresh_counts()

    def export_current(self) -> None:
        """ファイル → 表を書き出す…: the current tab's table as shown, to CSV or XLSX."""
        model = self.current_tab().table_model()
        if model is None:
            self.statusBar().showMessage(_("このタブには書き出せる表がありません。"), 8000)
            return
        from kaunet_desk.ui.transfer.export_table import export_table

        export_table(self, model, self.current_tab().key)

    def print_current(self) -> None:
        """ファイル → 印刷… (Ctrl+P): the current tab's report, when it has one now."""
        if self.database is None or not self.current_tab().print_current():
            self.statusBar().showMessage(
                _("このタブには今印刷できる帳票がありません(理由はタブのボタンの横)。"), 8000)

    def edit_report_settings(self) -> None:
        """ファイル → 帳票の設定…: sender, issuer, 西暦/和暦, FAX deadline (QSettings)."""
        from kaunet_desk.ui.report_settings_dialog import ReportSettingsDialog

        self.report_settings_dialog = ReportSettingsDialog(self.settings, self, today=self.today)
        self.report_settings_dialog.open()

    def choose_language(self, value: str) -> None:
        """Stored now, applied at start-up: the clerk may restart now (the window closes as
        usual, asking about unsaved edits first) or later. The data is never touched."""
        LANGUAGE.set(self.settings, value)
        self.settings.sync()
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, _("言語 (Language)"),
                          _("表示言語は Kaunet Desk を起動し直すと変わります。\n"
                            "The language changes when Kaunet Desk starts again."),
                          parent=self)
        now = box.addButton(_("今すぐ再起動 (Restart now)"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(_("後で (Later)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.exec()
        if box.clickedButton() is now:
            self.restart()

    def restart(self) -> None:
        """Close (which may be refused for an unsaved edit), then start this copy again."""
        from kaunet_desk.ui import restart

        database = self.database
        ledger = (Path(database.url.database) if database is not None and database.is_sqlite
                  and database.url.database else None)
        program, arguments = restart.restart_command(sys.argv, ledger)
        if self.close() and not restart.start_again(program, arguments):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(None, _("言語 (Language)"), _(
                "Kaunet Desk をもう一度起動できませんでした。手動で起動してください。"))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, _("バージョン情報"),
            _("Kaunet Desk {version}\nKDDI まとめてオフィス(カウネット)販売店向け顧客台帳").format(
                version=__version__
            ),
        )

    # -- settings --------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        index = int(self.settings.value("main_window/tab", 0))
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_settings(self) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/tab", self.tabs.currentIndex())
        for tab in self.tab_list:
            tab.save_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(tab.confirm_close() for tab in self.tab_list):
            event.ignore()  # an edit is still open and the clerk chose to keep it
            return
        self.save_settings()
        self.background.wait(5000)
        if self.database is not None:
            self.database.close()
        if self._opener is not None:
            self._opener.release()
        super().closeEvent(event)


def loading_placeholder() -> QWidget:
    """「読み込み中…」 centred by stretches, not by Qt.AlignmentFlag: the first touch of the
    Qt namespace builds ≈ 100 Python enums (≈ 10 ms), which the first paint need not wait for."""
    placeholder = QWidget()
    row = QHBoxLayout()
    row.addStretch()
    row.addWidget(QLabel(_("読み込み中…")))
    row.addStretch()
    column = QVBoxLayout(placeholder)
    column.addStretch()
    column.addLayout(row)
    column.addStretch()
    return placeholder


def _explain(error: BaseException) -> str:
    from kaunet_desk.ui.safety_messages import explain

    return explain(error)
