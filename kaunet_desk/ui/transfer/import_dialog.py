"""取り込み: customers or orders from a CSV file, checked row by row before anything is kept.

The clerk picks the file; the encoding is detected (and can be overridden); the column
mapping is guessed, or taken from the choice remembered for this kind of file; the first
rows show as the import will read them. 検査 checks every row against the ledger without
writing; 取り込む writes — all-or-nothing unless 「有効な行だけ取り込む」 was chosen (and
confirmed). Both run in the background with a progress bar and 中止, which rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.transfer.columns import Kind, columns_of
from kaunet_desk.transfer.encoding import CP932, UTF8, UTF8_BOM, detect_encoding
from kaunet_desk.transfer.importer import (
    ImportCancelled,
    ImportRefused,
    ImportResult,
    import_file,
)
from kaunet_desk.transfer.problems import ERROR_HEADERS, error_rows
from kaunet_desk.transfer.reader import read_preview
from kaunet_desk.transfer.writers import ExportError, write_table
from kaunet_desk.ui.transfer.job import TransferJob
from kaunet_desk.ui.transfer.mapping_editor import MappingEditor, remember, remembered
from kaunet_desk.ui.transfer.tables import ErrorModel, PreviewModel

PREVIEW_ROWS = 20
_AUTO = ""
_ENCODING_NAMES = {CP932: N_("cp932 (Excel の CSV)"), UTF8_BOM: N_("UTF-8 (BOM 付き)"),
                   UTF8: "UTF-8"}

# Asks the clerk to confirm; returns True to go on (replaceable in tests).
Confirm = Callable[[QWidget, str], bool]


def ask(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, _("確認"), text)
    return answer == QMessageBox.StandardButton.Yes


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportResult of an import that wrote rows

    def __init__(self, parent: QWidget | None, *, database: Database, settings: QSettings,
                 kind: Kind | str = Kind.CUSTOMERS, confirm: Confirm = ask) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(_("CSV ファイルの取り込み"))
        self._database = database
        self._settings = settings
        self._confirm = confirm
        self._header: list[str] = []
        self._detected = CP932
        self.job: TransferJob | None = None
        self.result: ImportResult | None = None
        self._build(Kind(kind))
        self.resize(1120, 780)
        self._update_state()

    # -- building -------------------------------------------------------------------
    def _build(self, kind: Kind) -> None:
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        self.kind_box.addItem(_("お客さま(顧客台帳)"), Kind.CUSTOMERS.value)
        self.kind_box.addItem(_("注文"), Kind.ORDERS.value)
        self.kind_box.setCurrentIndex(0 if kind is Kind.CUSTOMERS else 1)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(_("取り込む CSV ファイルを選んでください"))
        self.path_edit.editingFinished.connect(self._load_file)
        browse = QPushButton(_("参照(&B)…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.encoding_box = QComboBox()
        self.encoding_box.setObjectName("encoding")
        self.encoding_box.addItem(_("自動判定"), _AUTO)
        for name, label in _ENCODING_NAMES.items():
            self.encoding_box.addItem(_(label), name)
        self.encoding_box.currentIndexChanged.connect(self._load_file)
        self.kind_box.currentIndexChanged.connect(self._load_file)
        form = QFormLayout()
        form.addRow(_("取り込む内容(&K)"), self.kind_box)
        form.addRow(_("ファイル(&F)"), file_row)
        form.addRow(_("文字コード(&E)"), self.encoding_box)

        self.mapping = MappingEditor()
        self.mapping.changed.connect(self._mapping_changed)
        mapping_box = QGroupBox(_("列の対応(* は必須)"))
        QVBoxLayout(mapping_box).addWidget(self.mapping)

        self.preview_model = PreviewModel()
        self.preview = self._table(self.preview_model, "preview")
        preview_box = QGroupBox(_("プレビュー(先頭 {rows} 行)").format(rows=PREVIEW_ROWS))
        QVBoxLayout(preview_box).addWidget(self.preview)
        self.error_model = ErrorModel()
        self.errors_view = self._table(self.error_model, "errors")
        self.errors_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.errors_title = QLabel(_("問題のある行"))
        self.save_errors = QPushButton(_("問題の一覧を CSV に保存(&S)…"))
        self.save_errors.setObjectName("save_errors")
        self.save_errors.clicked.connect(self._save_errors)
        errors_head = QHBoxLayout()
        errors_head.addWidget(self.errors_title, 1)
        errors_head.addWidget(self.save_errors)
        errors_box = QWidget()
        errors_layout = QVBoxLayout(errors_box)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        errors_layout.addLayout(errors_head)
        errors_layout.addWidget(self.errors_view)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(preview_box)
        right.addWidget(errors_box)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(mapping_box)
        body.addWidget(right)
        body.setStretchFactor(1, 3)
        body.setSizes([330, 790])

        self.all_or_nothing = QRadioButton(
            _("すべての行が正しいときだけ取り込む(1 行でも問題があれば何も取り込みません)"))
        self.all_or_nothing.setObjectName("all_or_nothing")
        self.valid_only = QRadioButton(_("有効な行だけ取り込む(問題のある行は取り込みません)"))
        self.valid_only.setObjectName("valid_only")
        self.all_or_nothing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.all_or_nothing)
        group.addButton(self.valid_only)
        mode = QVBoxLayout()
        mode.addWidget(self.all_or_nothing)
        mode.addWidget(self.valid_only)

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setStyleSheet("color: #c00000;")
        self.reason.setWordWrap(True)
        self.check_button = QPushButton(_("検査(&C)"))
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(lambda: self._start(dry_run=True))
        self.import_button = QPushButton(_("取り込む(&I)"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(lambda: self._start(dry_run=False))
        self.cancel_button = QPushButton(_("中止"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton(_("閉じる"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        for button in (self.check_button, self.import_button, self.cancel_button,
                       self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(body, 1)
        layout.addLayout(mode)
        layout.addWidget(self.status)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self.import_button.setDefault(True)

    def _table(self, model: object, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(22)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        return view

    # -- the file -------------------------------------------------------------------
    def kind(self) -> Kind:
        return Kind(self.kind_box.currentData())

    def encoding(self) -> str:
        return self.encoding_box.currentData() or self._detected

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self._load_file()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("取り込むファイル"), self.path_edit.text(),
            _("CSV ファイル (*.csv *.txt);;すべてのファイル (*)"))
        if chosen:
            self.set_path(chosen)

    def _load_file(self) -> None:
        self._header = []
        self.preview_model.set_rows((), self.mapping.mapping(), [])
        self.error_model.set_errors([])
        self.result = None
        self.status.clear()
        path = Path(self.path_edit.text())
        if self.path_edit.text() and path.is_file():
            try:
                self._detected = detect_encoding(path)
                header, records = read_preview(path, self.encoding(), PREVIEW_ROWS)
            except OSError as error:
                self.status.setText(_("ファイルを開けません: {error}").format(error=error))
            else:
                self._header = header
                self._records = records
                self.mapping.load(columns_of(self.kind()), header,
                                  remembered(self._settings, self.kind().value))
                self._show_encoding()
        self._update_state()

    def _show_encoding(self) -> None:
        detected = _(_ENCODING_NAMES[self._detected])
        self.encoding_box.setItemText(0, _("自動判定: {name}").format(name=detected))

    def _mapping_changed(self) -> None:
        if self._header:
            self.preview_model.set_rows(columns_of(self.kind()), self.mapping.mapping(),
                                        self._records)
            self.preview.resizeColumnsToContents()
        self._update_state()

    # -- state ----------------------------------------------------------------------
    def blocked_reason(self) -> str | None:
        if self.job is not None and self.job.running:
            return _("処理中です。")
        if not self.path_edit.text():
            return _("ファイルを選んでください。")
        if not Path(self.path_edit.text()).is_file():
            return _("ファイルが見つかりません。")
        if not self._header:
            return _("ファイルに見出しの行がありません。")
        missing = self.mapping.missing_required()
        if missing:
            names = "、".join(f"「{c.header}」" for c in missing)
            text = _("必須の項目 {names} に対応するファイルの列を選んでください。")
            return text.format(names=names)
        return None

    def _update_state(self) -> None:
        reason = self.blocked_reason()
        running = self.job is not None and self.job.running
        for button in (self.check_button, self.import_button):
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self.reason.setText(reason if reason and not running else "")
        self.reason.setVisible(bool(reason) and not running)
        self.cancel_button.setEnabled(running)
        self.cancel_button.setToolTip("" if running else _("実行中の処理はありません。"))
        for widget in (self.kind_box, self.path_edit, self.encoding_box, self.mapping,
                       self.all_or_nothing, self.valid_only):
            widget.setEnabled(not running)
        count = len(self.error_model.errors)
        self.save_errors.setEnabled(count > 0)
        self.save_errors.setToolTip("" if count else _("問題はありません。"))
        if self.result is None:
            self.errors_title.setText(_("問題のある行"))
        else:
            self.errors_title.setText(_("問題: {count} 件({rows} 行)").format(
                count=self.result.error_count, rows=self.result.rejected_rows))

    # -- running --------------------------------------------------------------------
    def _start(self, *, dry_run: bool) -> None:
        if self.blocked_reason() is not None:
            return
        valid_only = self.valid_only.isChecked()
        if not dry_run and valid_only and not self._confirm(self, _(
                "問題のある行を除いて、有効な行だけを取り込みます。よろしいですか?")):
            return
        path, kind, encoding = Path(self.path_edit.text()), self.kind(), self.encoding()
        mapping = self.mapping.mapping()
        remember(self._settings, kind.value, mapping, self._header)
        database = self._database

        def work(report: Callable[[int, int], None], cancelled: Callable[[], bool]
                 ) -> ImportResult:
            return import_file(
                database, kind, path, encoding=encoding, mapping=mapping,
                valid_only=valid_only, dry_run=dry_run, cancelled=cancelled,
                progress=lambda _rows, done, total: report(done, total))

        self.job = TransferJob(work, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.progress.setValue(0)
        self.status.setText(_("検査しています…") if dry_run else _("取り込んでいます…"))
        self.job.start()
        self._update_state()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / total) if total else 1000)

    def _cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.status.setText(_("中止しています…"))

    def _succeeded(self, result: ImportResult) -> None:
        self.result = result
        self.progress.setValue(1000)
        self.error_model.set_errors(result.errors)
        self.errors_view.resizeColumnsToContents()
        self.errors_view.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.preview_model.set_problems(result.errors)
        text = result.summary()
        if result.error_count > len(result.errors):
            text += _(" 一覧には最初の {kept} 件を表示しています(全 {count} 件)。").format(
                kept=len(result.errors), count=result.error_count)
        self.status.setText(text)
        self._update_state()
        if result.imported:
            self.imported.emit(result)

    def _failed(self, error: Exception) -> None:
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled):
            self.status.setText(_("中止しました。データベースは取り込み前のままです。"))
        elif isinstance(error, ImportRefused):
            self.status.setText(str(error))
        else:
            self.status.setText(_("取り込めませんでした。データベースは取り込み前のままです。"
                                  "({error})").format(error=type(error).__name__))
        self._update_state()

    # -- errors ---------------------------------------------------------------------
    def _save_errors(self) -> None:
        default = Path(self.path_edit.text()).with_suffix("").name + _("_問題.csv")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("問題の一覧を保存"), default, _("CSV ファイル (*.csv)"))
        if chosen:
            self.save_errors_to(Path(chosen))

    def save_errors_to(self, path: Path) -> None:
        """UTF-8 with a BOM: the values quoted back may hold anything cp932 cannot."""
        try:
            write_table(path, [_(h) for h in ERROR_HEADERS], error_rows(self.error_model.errors),
                        encoding=UTF8_BOM)
        except ExportError as error:
            QMessageBox.warning(self, _("保存できません"), str(error))
            return
        self.status.setText(_("問題の一覧を {path} に保存しました。").format(path=path))

    # -- closing --------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.job is not None and self.job.running:
            self._cancel()  # Esc stops the run first; a second Esc closes
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.job.wait()
        super().reject()
