"""購入履歴: a customer's (or every customer's) Kaunet orders, as the clerk explains them.

Rules: domain.md「Purchase history」(FAQ 購入履歴) — the default window is My KDDI Biz 総合's
6 months; each row says when it shows there, on which KDDI invoice it is billed, or why it
never shows. Orders are entered here too, with the monthly limit applied at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from kaunet_desk.domain import reflection_date
from kaunet_desk.domain.rates import RateTable
from kaunet_desk.formatting import format_month, format_number, format_yen
from kaunet_desk.i18n import _, ngettext
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_rows
from kaunet_desk.store.services.orders import OrderEntry
from kaunet_desk.store.services.purchase_history import HistoryRow, history_ids, history_rows
from kaunet_desk.store.services.rates import load_rates
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.purchases.columns import COLUMNS, column_index
from kaunet_desk.ui.purchases.customer_picker import CustomerPicker
from kaunet_desk.ui.purchases.details_dialog import OrderDetailsDialog
from kaunet_desk.ui.purchases.model import ROW_ROLE, PurchaseHistoryModel
from kaunet_desk.ui.purchases.month_range import MonthRange
from kaunet_desk.ui.purchases.order_dialog import OrderEntryDialog
from kaunet_desk.ui.tab import Tab, pdf_file_name, report_row

ROW_HEIGHT = 24


def load_history(
    database: Database, customer_id: int | None, first: date, last: date, limit: int | None
) -> tuple[list[int], RateTable]:
    """The background half of a load: the ids of the window (the first ``limit`` of them
    when given), and the office's calendar for the reflection dates."""
    ids = history_ids(database, customer_id, first, last, limit=limit)
    rates = load_rates(database)
    # The first money amount loads Babel's locale data and the first reflection date the
    # holiday tables (≈150 ms together, once per process): here rather than in the paint.
    format_yen(0)
    reflection_date(last, rates=rates)
    return ids, rates


class PurchasesTab(Tab):
    main_table = "view"
    key = "purchases"
    report_buttons: ReportButtons  # always has one

    def __init__(self, background: Background, settings: QSettings) -> None:
        super().__init__(background, settings)
        # What "today" is; tests and the demo set a fixed day.
        self._generation = 0
        self._select_after_load: int | None = None
        self.order_dialog: OrderEntryDialog | None = None
        self.details_dialog: OrderDetailsDialog | None = None

        self.picker = CustomerPicker(background)
        self.picker.customer_chosen.connect(self._filter_changed)
        self.months = MonthRange()
        self.months.changed.connect(self._filter_changed)
        self.new_order_button = QPushButton(_("注文を入力…"))
        self.new_order_button.setObjectName("new_order")
        self.new_order_button.clicked.connect(self.open_order_entry)
        self.new_order_reason = QLabel()
        self.new_order_reason.setObjectName("new_order_reason")
        self.new_order_reason.setStyleSheet("color: palette(placeholder-text);")

        self.scope_label = QLabel()
        self.scope_label.setObjectName("scope")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")

        self.model = PurchaseHistoryModel(parent=self)
        self.view = QTableView()
        self.view.setObjectName("purchases_table")
        self.view.setModel(self.model)
        self._set_up_view()
        self.view.activated.connect(self.open_details)
        self.legend = QLabel(_(
            "灰色の行は My KDDI Biz 総合の購入履歴に表示されない注文です"
            "(理由は「My KDDI Biz 表示」列、詳しくは行にマウスを重ねるか Enter)。"
            "反映日は発送の翌営業日の午後です。"
        ))
        self.legend.setWordWrap(True)
        self._build_report()

        QShortcut(QKeySequence("Ctrl+N"), self, self.open_order_entry,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._lay_out()
        self._update_new_order_button()
        self._update_report()

    # -- building ----------------------------------------------------------------
    def _build_report(self) -> None:
        # FAQ 購入履歴: the statement covers the window My KDDI Biz 総合 shows, whatever
        # months the table is set to, so the caption says which.
        self.report_caption = QLabel(_("購入履歴明細(今月を含む 6 か月):"))
        self.report_caption.setObjectName("report_caption")
        self._report_customer: tuple[Database, int] | None = None
        self._read_report_settings = self.report_settings_reader()
        self.report_buttons = ReportButtons(
            self, self._make_history_pdf, title=_("購入履歴明細"),
            suggested_name=pdf_file_name(_("購入履歴明細")), background=self.background,
        )

    def _make_history_pdf(self, path: Path) -> None:
        """Runs off the GUI thread: only plain values set on the GUI thread are read."""
        from kaunet_desk.reports.history import write_history

        chosen = self._report_customer
        if chosen is None:
            raise ValueError(_("お客さまが選ばれていません。"))
        database, customer_id = chosen
        write_history(database, customer_id, path, today=self.today(),
                      settings=self._read_report_settings())

    def _update_report(self) -> None:
        customer = self.picker.customer
        database = self.database
        if database is None:
            reason: str | None = _("データベースが開いていません。")
        elif customer is None:
            reason = _("「全顧客」では作れません。お客さまを 1 件選んでください。")
        else:
            reason = None
        buttons = self.report_buttons
        if database is not None and customer is not None:
            self._report_customer = (database, customer.id)
            buttons.suggested_name = pdf_file_name(
                _("購入履歴明細"), customer.name, self.today().isoformat())
        else:
            self._report_customer = None
        buttons.set_unavailable(reason)

    def _set_up_view(self) -> None:
        view = self.view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        # Fixed row heights: 250,000 rows must never be measured.
        vertical = view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
        header.setStretchLastSection(True)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(_("お客さま")))
        filters.addWidget(self.picker, 3)
        filters.addSpacing(12)
        filters.addWidget(self.months)
        filters.addStretch(1)
        # Second row, so the tab stays narrow enough for a 800-pixel-wide window.
        info = QHBoxLayout()
        info.addWidget(self.scope_label, 1)
        info.addWidget(self.busy)
        info.addWidget(self.status_label)
        info.addSpacing(12)
        info.addWidget(self.new_order_reason)
        info.addWidget(self.new_order_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(info)
        layout.addWidget(self.view, 1)
        layout.addLayout(report_row(self.report_caption, self.report_buttons))
        layout.addWidget(self.legend)
        self.setTabOrder(self.picker.line_edit, self.picker.all_button)
        self.setTabOrder(self.picker.all_button, self.months.from_combo)
        self.setTabOrder(self.months.from_combo, self.months.to_combo)
        self.setTabOrder(self.months.to_combo, self.months.reset_button)
        self.setTabOrder(self.months.reset_button, self.new_order_button)
        self.setTabOrder(self.new_order_button, self.view)
        previous = self.view
        for button in self.report_buttons.buttons():
            self.setTabOrder(previous, button)
            previous = button

    # -- Tab ---------------------------------------------------------------------
    def title(self) -> str:
        return _("購入履歴")

    def search_field(self) -> QLineEdit:
        return self.picker.line_edit

    def attach(self, database: Database) -> None:
        self.database = database
        self.picker.set_database(database)
        self.picker.set_customer(None, emit=False)  # an id of another ledger means nothing
        self.months.set_today(self.today())  # emits changed → _filter_changed → load
        self._update_new_order_button()
        self._update_report()

    def reload(self) -> None:
        """F5: the same customer and months again; the selected order stays selected."""
        selected = self.selected_row()
        if selected is not None:
            self._select_after_load = selected.id
        self._load(clear=False)

    def _filter_changed(self, *_args: object) -> None:
        self.view.horizontalHeader().setSectionHidden(
            column_index("customer"), self.picker.customer_id is not None
        )
        self._update_new_order_button()
        self._update_report()
        self._load(clear=True)

    def _load(self, *, clear: bool) -> None:
        """Ids in the background, then rows a page at a time as they are painted.

        A new filter (``clear``) first shows one page worth of ids — the tab is usable
        at once even when "all customers" is a quarter of a million orders — and appends
        the rest when they arrive. A reload keeps the rows on screen until the new ids
        are all there, so the selection can be put back.
        """
        database = self.database
        if database is None or not self.months.valid():
            return
        self._generation += 1
        generation = self._generation
        customer_id = self.picker.customer_id
        first, last = self.months.bounds()
        self._show_scope(first, last)
        if clear:
            self.model.clear()
        self.busy.show()
        self.status_label.setStyleSheet("")
        self.status_label.setText(_("読み込み中…"))
        head = PurchaseHistoryModel.PAGE_SIZE if clear else None

        def current() -> bool:
            return generation == self._generation  # else the clerk chose other filters

        def loaded(result: tuple[list[int], RateTable]) -> None:
            if not current():
                return
            ids, rates = result
            memo: dict[date, date] = {}
            self.model.set_ids(
                ids, lambda page: history_rows(database, page, rates=rates, memo=memo)
            )
            if head is not None and len(ids) == head:
                self.background.run(
                    lambda: history_ids(database, customer_id, first, last), rest, failed
                )
            else:
                finished()

        def rest(ids: list[int]) -> None:
            if current():
                self.model.extend_ids(ids)
                finished()

        def finished() -> None:
            self.busy.hide()
            self.status_label.setText(
                ngettext("{count} 件", "{count} 件", self.model.rowCount()).format(
                    count=format_number(self.model.rowCount()))
            )
            self._restore_selection()

        def failed(error: Exception) -> None:
            if current():
                self.busy.hide()
                self.status_label.setStyleSheet("color: #c62828;")
                self.status_label.setText(
                    _("読み込めませんでした: {error}").format(error=error)
                )

        self.background.run(
            lambda: load_history(database, customer_id, first, last, head), loaded, failed
        )

    def _show_scope(self, first: date, last: date) -> None:
        customer = self.picker.customer
        who = customer.name if customer is not None else _("全顧客")
        months = _("{first}〜{last}").format(first=format_month(first), last=format_month(last))
        note = _("(My KDDI Biz 総合と同じ今月を含む 6 か月分)") if self.months.is_default() else ""
        self.scope_label.setText(f"{who} / {months}{note}")

    def _restore_selection(self) -> None:
        order_id, self._select_after_load = self._select_after_load, None
        row = self.model.row_of_id(order_id) if order_id is not None else None
        if row is None:
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def is_loading(self) -> bool:
        return not self.busy.isHidden()

    # -- orders ------------------------------------------------------------------
    def selected_row(self) -> HistoryRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.history_row(index.row())

    def open_details(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        self.details_dialog = OrderDetailsDialog(row, self)
        self.details_dialog.open()

    def _update_new_order_button(self) -> None:
        reason = "" if self.database is not None else _("データベースが開いていません")
        self.new_order_button.setEnabled(not reason)
        self.new_order_reason.setText(reason)
        self.new_order_button.setToolTip(reason or _("注文を入力します(Ctrl+N)"))

    def open_order_entry(self) -> None:
        database = self.database
        if database is None:
            return
        customer = None
        if self.picker.customer_id is not None:
            customer = customer_rows(database, [self.picker.customer_id]).get(
                self.picker.customer_id
            )
        dialog = OrderEntryDialog(
            database, self.background, today=self.today(), customer=customer, parent=self
        )
        dialog.entered.connect(self._order_entered)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.order_dialog = dialog
        dialog.open()

    def _order_entered(self, entry: OrderEntry) -> None:
        # The cancelled order and its card re-entry both show at once, newest selected.
        self._select_after_load = entry.order.id
        shown = self.picker.customer_id
        if shown is not None and shown != entry.order.customer_id and self.database is not None:
            # Entered for another customer: follow the order rather than hide it.
            row = customer_rows(self.database, [entry.order.customer_id]).get(
                entry.order.customer_id
            )
            self.picker.set_customer(row)  # reloads
            return
        self._load(clear=False)

    def _dialog_closed(self, dialog: OrderEntryDialog) -> None:
        if self.order_dialog is dialog:
            self.order_dialog = None
        dialog.deleteLater()

    # -- state -------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.setValue(
            f"{self.key}/columns", self.view.horizontalHeader().saveState()
        )

    def restore_state(self) -> None:
        state = self.settings.value(f"{self.key}/columns")
        if isinstance(state, QByteArray | bytes):
            self.view.horizontalHeader().restoreState(QByteArray(state))
