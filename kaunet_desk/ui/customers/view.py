"""The お客さま tab: the ledger in 五十音順 on the left, one customer's form on the right.

The table never loads every row (model.py); the ids come from the search off the GUI
thread (search.py) with a busy indicator while they load.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from kaunet_desk.formatting import format_number
from kaunet_desk.i18n import _, ngettext
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_rows
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.customers.form import CustomerForm
from kaunet_desk.ui.customers.model import CustomerTableModel
from kaunet_desk.ui.customers.search import IdLoader
from kaunet_desk.ui.customers.table import CustomerTable
from kaunet_desk.ui.tab import Tab


class CustomersTab(Tab):
    key = "customers"
    # A customer was added or changed (the main window may refresh its counts).
    data_changed = Signal()

    def __init__(self, background: Background, settings: QSettings) -> None:
        super().__init__(background, settings)
        self._total: int | None = None
        self._syncing = False  # selection changed by us, not by the clerk
        self.model = CustomerTableModel(parent=self)
        self.loader = IdLoader(background, self)
        self.search = QLineEdit()
        self.search.setObjectName("customer_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            _("検索: お客さま名・フリガナ・電話・FAX・カウネット ID・メール (Ctrl+F)")
        )
        self.new_button = QPushButton(_("新規 (Ctrl+N)"))
        self.new_button.setObjectName("new_customer")
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(_("読み込み中…"))
        self.table = CustomerTable()
        self.table.setModel(self.model)
        self.table.apply_default_widths()
        self.form = CustomerForm(lambda: self.today())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(380)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("customers_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 500])  # until restore_state brings the clerk's own
        self._layout()
        self._connect()
        self._set_busy(False)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.busy)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda text: self.loader.request(text))
        self.search.returnPressed.connect(self._to_table)
        self.loader.loaded.connect(self._ids_loaded)
        self.loader.failed.connect(self._load_failed)
        self.loader.busy_changed.connect(self._set_busy)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(self.open_current)
        self.new_button.clicked.connect(self.new_customer)
        for signal in (self.form.saved, self.form.changed):
            signal.connect(self.loader.reload)
            signal.connect(self.data_changed)
        self.form.closed.connect(self.table.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_customer,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- Tab -----------------------------------------------------------------------
    def title(self) -> str:
        return _("お客さま")

    def attach(self, database: Database) -> None:
        self.model.set_fetch(lambda ids: customer_rows(database, ids))
        self.loader.set_database(database)
        self.form.set_database(database)
        self.form.clear()
        self._total = None
        super().attach(database)

    def reload(self) -> None:
        self.loader.reload()
        cid = self.form.customer_id
        if cid is not None and not self.form.is_dirty():
            self.form.load(cid)

    def confirm_close(self) -> bool:
        """Before the window closes or another database opens: nothing typed is lost."""
        return self.form.confirm_leave()

    def search_field(self) -> QLineEdit:
        return self.search

    def save_state(self) -> None:
        self.settings.setValue("customers/splitter", self.splitter.saveState())
        self.settings.setValue("customers/columns", self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        splitter = self.settings.value("customers/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        columns = self.settings.value("customers/columns")
        if isinstance(columns, QByteArray):
            self.table.horizontalHeader().restoreState(columns)

    # -- loading ---------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _ids_loaded(self, query: str, ids: list[int]) -> None:
        if not query.strip():
            self._total = len(ids)
        self._syncing = True
        try:
            self.model.set_ids(ids)
            shown = self.form.customer_id
            row = self.model.row_of(shown) if shown is not None else None
            if row is not None:
                self._select_row(row)
        finally:
            self._syncing = False
        count = format_number(len(ids))
        if query.strip() and self._total is not None:
            self.count_label.setText(_("{count} 件 / 全 {total} 件").format(
                count=count, total=format_number(self._total)))
        else:
            self.count_label.setText(
                ngettext("{count} 件", "{count} 件", len(ids)).format(count=count))

    def _load_failed(self, _query: str, error: object) -> None:
        self.count_label.setText(_("読み込めませんでした: {error}").format(error=error))

    # -- selection and opening -------------------------------------------------------------
    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        customer_id = self.model.customer_id(current.row())
        if customer_id == self.form.customer_id:
            return
        if not self.form.confirm_leave():
            # Stay on the customer being edited: put the selection back on its row.
            self._syncing = True
            try:
                row = self.model.row_of(self.form.customer_id) if self.form.customer_id else None
                if row is not None:
                    self._select_row(row)
                else:
                    self.table.selectionModel().clear()
            finally:
                self._syncing = False
            return
        self.form.load(customer_id)

    def open_current(self) -> None:
        """Enter or double-click: show the selected customer and start editing it."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self._current_changed(index, QModelIndex())
        if self.form.customer_id == self.model.customer_id(index.row()):
            self.form.fields.focus_field("name")

    def new_customer(self) -> None:
        if not self.form.confirm_leave():
            return
        self._syncing = True
        try:
            self.table.selectionModel().clear()
        finally:
            self._syncing = False
        self.form.start_new()

    def _to_table(self) -> None:
        """Enter in the search field: go to the results (the first one if none is chosen)."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self._select_row(0)
        self.table.setFocus()
