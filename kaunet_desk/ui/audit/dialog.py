"""ファイル → 変更履歴…: who changed what and when, old → new, filtered and exportable.

The ids of the matching entries are read in the background (≈1 s for "everything" at
1,000,000 entries); rows come a page at a time through the model. The dialog is not modal:
the clerk can keep it open beside the tab the customer is calling about.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.formatting import format_number
from kaunet_desk.i18n import _, ngettext
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.audit_log import AuditFilter, entry_ids, entry_rows, iter_records
from kaunet_desk.ui.audit.columns import COLUMNS
from kaunet_desk.ui.audit.csv_export import write_csv
from kaunet_desk.ui.audit.details import HINT_STYLE, DetailsPane
from kaunet_desk.ui.audit.filter_bar import AuditFilterBar
from kaunet_desk.ui.audit.model import AuditLogModel
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.safety_messages import explain

DEBOUNCE_MS = 200
SETTINGS_GEOMETRY = "audit_dialog/geometry"
SETTINGS_SPLITTER = "audit_dialog/splitter"
SETTINGS_FOLDER = "audit_dialog/export_folder"


class AuditLogDialog(QDialog):
    def __init__(
        self,
        database: Database,
        background: Background,
        settings: QSettings | None = None,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(_("変更履歴"))
        self.database = database
        self.background = background
        self.settings = settings
        self.today = today or date.today()
        self._generation = 0
        self._loading = False
        self._exporting = False
        self._where: AuditFilter | None = None

        self.filters = AuditFilterBar(background)
        self.filters.set_database(database)
        self.filters.set_today(self.today)
        self.filters.changed.connect(self._schedule_reload)

        self.model = AuditLogModel(lambda ids: entry_rows(database, ids), self)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for index, column in enumerate(COLUMNS):
            self.table.setColumnWidth(index, column.width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # A reset drops the selection without selectionChanged: the pane must not keep
        # showing an entry the filter no longer lists.
        self.model.modelReset.connect(lambda: self.details.show_record(None))

        self.details = DetailsPane()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("audit_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([380, 260])  # room for ~6 changed fields below the list

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        self.export_hint = QLabel()
        self.export_hint.setObjectName("export_hint")
        self.export_hint.setStyleSheet(HINT_STYLE)
        self.export_button = QPushButton(_("CSV に書き出す(&E)…"))
        self.export_button.setObjectName("export_csv")
        self.export_button.clicked.connect(self.export_csv)
        self.close_button = QPushButton(_("閉じる"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)
        self.export_button.setAutoDefault(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.export_hint)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        QShortcut(QKeySequence("F5"), self, activated=self.reload)
        self.setTabOrder(self.table, self.export_button)
        self.setTabOrder(self.export_button, self.close_button)
        self.resize(1180, 720)
        self._restore_state()
        self._update_export()
        self.reload()

    # -- loading ---------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._loading

    def is_exporting(self) -> bool:
        return self._exporting

    def _schedule_reload(self) -> None:
        self._timer.start()

    def reload(self) -> None:
        self._timer.stop()
        where = self.filters.current()
        self._generation += 1
        if where is None:  # the range is wrong: the field says why
            self._where = None
            self.model.clear()
            self._set_loading(False, _("期間を直すと表示します"))
            return
        self._where = where
        generation = self._generation
        database = self.database
        self._set_loading(True, _("読み込んでいます…"))

        def show(ids: list[int]) -> None:
            if generation == self._generation:
                self._show(ids)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.model.clear()
                self._set_loading(False, _("読み込めませんでした: {reason}").format(
                    reason=explain(error)))

        self.background.run(lambda: entry_ids(database, where), show, failed)

    def _show(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        if ids:
            self.table.selectRow(0)
            self._set_loading(False, ngettext("{count} 件", "{count} 件", len(ids)).format(
                count=format_number(len(ids))))
        else:
            self._set_loading(False, _("該当する変更はありません"))

    def _set_loading(self, loading: bool, text: str) -> None:
        self._loading = loading
        self.progress.setVisible(loading or self._exporting)
        self.count_label.setText(text)
        self._update_export()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.details.show_record(self.model.record(rows[0].row()) if rows else None)

    # -- export ----------------------------------------------------------------------
    def _export_block(self) -> str:
        """Why 「CSV に書き出す」 is disabled, or "" when it is not."""
        if self._exporting:
            return _("書き出しています…")
        if self._loading:
            return _("読み込みが終わるまでお待ちください")
        if self.model.rowCount() == 0:
            return _("書き出す履歴がありません")
        return ""

    def _update_export(self) -> None:
        reason = self._export_block()
        self.export_button.setEnabled(not reason)
        self.export_button.setToolTip(
            reason or _("表示中の {count} 件を CSV(Excel 用、UTF-8)に書き出します").format(
                count=format_number(self.model.rowCount()))
        )
        self.export_hint.setText(reason)
        self.export_hint.setVisible(bool(reason))

    def _suggested_path(self) -> str:
        folder = ""
        if self.settings is not None:
            folder = str(self.settings.value(SETTINGS_FOLDER, ""))
        name = _("変更履歴_{date}.csv").format(date=f"{self.today:%Y%m%d}")
        return str(Path(folder) / name) if folder else name

    def export_csv(self) -> None:
        if self._export_block():
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("CSV に書き出す"), self._suggested_path(), _("CSV ファイル (*.csv)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        if self.settings is not None:
            self.settings.setValue(SETTINGS_FOLDER, str(path.parent))
        ids = self.model.ids()
        database = self.database
        self._exporting = True
        self.progress.show()
        self._update_export()

        def done(count: int) -> None:
            self._exporting = False
            self.progress.setVisible(self._loading)
            self._update_export()
            self.count_label.setText(_("{count} 件を書き出しました: {path}").format(
                count=format_number(count), path=path))

        def failed(error: Exception) -> None:
            self._exporting = False
            self.progress.setVisible(self._loading)
            self._update_export()
            self.count_label.setText(_("書き出せませんでした: {reason}").format(
                reason=explain(error)))

        self.background.run(lambda: write_csv(path, iter_records(database, ids)), done, failed)

    # -- state -----------------------------------------------------------------------
    def _restore_state(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value(SETTINGS_SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def done(self, result: int) -> None:
        if self.settings is not None:
            self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
            self.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        super().done(result)


def show_audit_log(
    parent: QWidget,
    database: Database,
    background: Background,
    settings: QSettings | None = None,
    *,
    today: date | None = None,
) -> AuditLogDialog:
    """Open the dialog (one per window: a second call brings it to the front, reloaded)."""
    existing = parent.findChild(AuditLogDialog, "audit_dialog")
    if isinstance(existing, AuditLogDialog) and existing.database is database:
        existing.reload()
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    if isinstance(existing, AuditLogDialog):
        existing.close()
        existing.deleteLater()
    dialog = AuditLogDialog(database, background, settings, today=today, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.show()
    return dialog
