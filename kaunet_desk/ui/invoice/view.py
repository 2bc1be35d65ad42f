"""請求書プレビュー: what one customer's KDDI invoice of a month will carry for Kaunet.

A preview only — KDDI issues the invoice. The figures come from
store.services.invoice_preview (rules in domain.invoice_preview); this tab picks the
customer and the billing month, computes in the background and lays the lines out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.domain.enums import CustomerKind
from kaunet_desk.domain.invoice_preview import InvoicePreview
from kaunet_desk.formatting import format_date, format_month, format_number, format_yen
from kaunet_desk.i18n import _, ngettext
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_ids
from kaunet_desk.store.services.customers import get_customer
from kaunet_desk.store.services.invoice_preview import invoice_preview
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.invoice.batch_control import InvoiceBatchControl, Subject
from kaunet_desk.ui.invoice.customer_list_model import CustomerListModel
from kaunet_desk.ui.invoice.lines import FeeFacts, InvoiceLine, invoice_lines
from kaunet_desk.ui.invoice.model import Column, InvoiceLinesModel
from kaunet_desk.ui.limits.debounce import debounce_timer
from kaunet_desk.ui.limits.month_picker import MonthPicker
from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.tab import Tab, pdf_file_name, report_row

_SEARCH_DELAY_MS = 250
_PREVIEW_DELAY_MS = 150
_SPLITTER_STATE = "invoice/splitter"


@dataclass(frozen=True)
class _Computed:
    preview: InvoicePreview
    lines: list[InvoiceLine]


def compute_preview(
    database: Database, customer_id: int, billing: date, today: date
) -> _Computed:
    """The worker's whole job: the preview, the customer's fee facts, the lines."""
    preview = invoice_preview(database, customer_id, billing, today=today)
    draft = get_customer(database, customer_id).draft
    facts = FeeFacts(
        corporate=draft.kind == CustomerKind.CORPORATE.value,
        disability_discount=draft.disability_discount,
        combined_billing=draft.combined_billing,
    )
    return _Computed(preview, invoice_lines(preview, facts))


class _SearchField(QLineEdit):
    """↓ moves into the list, as in a combo box's popup."""

    def __init__(self, on_down: Callable[[], None]) -> None:
        super().__init__()
        self._on_down = on_down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self._on_down()
            return
        super().keyPressEvent(event)


class InvoiceTab(Tab):
    main_table = "lines"
    key = "invoice"
    report_buttons: ReportButtons  # always has one
    customers_listed = Signal()
    preview_shown = Signal()

    def __init__(self, background: Background, settings: QSettings) -> None:
        super().__init__(background, settings)
        self.today: Callable[[], date] = date.today
        self._search_generation = 0
        self._preview_generation = 0
        self.preview: InvoicePreview | None = None
        self._build()

    def title(self) -> str:
        return _("請求書プレビュー")

    # -- building --------------------------------------------------------------------
    def _build(self) -> None:
        self.search = _SearchField(self._focus_customers)
        self.search.setObjectName("invoice_search")
        self.search.setPlaceholderText(
            _("お客さまを検索(名前・フリガナ・電話・メール・カウネット ID)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = debounce_timer(self, _SEARCH_DELAY_MS, self._run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._choose_first)
        self.customers_model = CustomerListModel(self)
        self.customers = QTableView()
        self.customers.setObjectName("invoice_customers")
        self.customers.setModel(self.customers_model)
        self.customers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.customers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.customers.verticalHeader().hide()
        self.customers.verticalHeader().setDefaultSectionSize(22)
        self.customers.horizontalHeader().resizeSection(0, 170)
        self.customers.horizontalHeader().resizeSection(1, 120)
        self.customers.horizontalHeader().setStretchLastSection(True)
        self.customers.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._preview_timer.start()
        )
        self.customers.activated.connect(lambda _index: self._compute_now())
        self.customer_count = QLabel()
        self.customer_count.setObjectName("customer_count")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(QLabel(_("お客さま")))
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.customers, 1)
        left_layout.addWidget(self.customer_count)

        banner = QLabel(_("KDDI 請求書のプレビュー(実際の請求は KDDI が行います)"))
        banner.setObjectName("banner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setStyleSheet(
            "QLabel#banner { background: #fff4d6; border: 1px solid #d9b451;"
            " padding: 6px; font-weight: bold; }"
        )
        self.month_picker = MonthPicker(lambda: self.today())
        self.month_picker.month_changed.connect(lambda _month: self._compute_now())
        self.month_picker.month_changed.connect(lambda _month: self.batch.refresh())
        self.heading = QLabel(_("左の一覧でお客さまを選んでください"))
        self.heading.setObjectName("invoice_heading")
        font = self.heading.font()
        font.setBold(True)
        if font.pointSizeF() > 0:  # a pixel-sized font has none
            font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.period = QLabel()
        self.period.setObjectName("invoice_period")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("invoice_status")

        self.lines_model = InvoiceLinesModel(self)
        self.lines = QTableView()
        self.lines.setObjectName("invoice_lines")
        self.lines.setModel(self.lines_model)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().hide()
        self.lines.verticalHeader().setDefaultSectionSize(22)
        self.lines.setShowGrid(False)
        self.lines.setWordWrap(False)
        header = self.lines.horizontalHeader()
        header.resizeSection(Column.DAY, 90)
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(Column.RATE, 60)
        header.resizeSection(Column.AMOUNT, 110)

        self.total = QLabel()
        self.total.setObjectName("invoice_total")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total_font = self.total.font()
        total_font.setBold(True)
        if total_font.pointSizeF() > 0:  # a pixel-sized font has none
            total_font.setPointSizeF(total_font.pointSizeF() * 1.4)
        self.total.setFont(total_font)
        footnote = QLabel(_(
            "※ は軽減税率(8%)対象。金額は税抜で、消費税は税率ごとに一度だけ計算します。"
            "ポイント利用分は税込合計から差し引きます。見込みの延滞利息は本日お支払いの場合の額です。"
        ))
        footnote.setWordWrap(True)
        footnote.setStyleSheet("color: #555555;")
        self._build_reports()

        month_row = QHBoxLayout()
        month_row.addWidget(QLabel(_("ご請求月")))
        month_row.addWidget(self.month_picker)
        month_row.addStretch(1)
        month_row.addWidget(self.progress)
        month_row.addWidget(self.status)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(banner)
        right_layout.addLayout(month_row)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.period)
        right_layout.addWidget(self.lines, 1)
        right_layout.addWidget(self.total)
        right_layout.addLayout(report_row(None, self.report_buttons))
        right_layout.addWidget(footnote)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.batch)
        self._preview_timer = debounce_timer(self, _PREVIEW_DELAY_MS, self._compute_now)
        QWidget.setTabOrder(self.search, self.customers)
        QWidget.setTabOrder(self.customers, self.month_picker)
        QWidget.setTabOrder(self.month_picker, self.lines)
        previous: QWidget = self.lines
        for button in (*self.report_buttons.buttons(), self.batch.button):
            QWidget.setTabOrder(previous, button)
            previous = button

    def _build_reports(self) -> None:
        """The shown invoice as PDF, and every invoice of the billing month at once."""
        self._report_invoice: tuple[Database, int, date] | None = None
        self._read_report_settings = self.report_settings_reader()
        self.report_buttons = ReportButtons(
            self, self._make_invoice_pdf, title=_("請求書(プレビュー)"),
            suggested_name=pdf_file_name(_("請求書プレビュー")), background=self.background,
        )
        self.report_buttons.set_unavailable(_("左の一覧でお客さまを選んでください。"))
        self.batch = InvoiceBatchControl(
            self.background, self._batch_subject, lambda: self.today(),
            self._read_report_settings, self,
        )

    def _batch_subject(self) -> Subject:
        if self.database is None:
            return _("データベースが開いていません。")
        return self.database, self.month_picker.month()

    def _make_invoice_pdf(self, path: Path) -> None:
        """Runs off the GUI thread: only plain values set on the GUI thread are read."""
        from kaunet_desk.reports.invoice import write_invoices

        shown = self._report_invoice
        if shown is None:
            raise ValueError(_("請求書が表示されていません。"))
        database, customer_id, billing = shown
        write_invoices(database, [customer_id], billing, path, today=self.today(),
                       settings=self._read_report_settings())

    def _report_unavailable(self, reason: str) -> None:
        self._report_invoice = None
        self.report_buttons.set_unavailable(reason)

    # -- Tab -------------------------------------------------------------------------
    def search_field(self) -> QLineEdit:
        return self.search

    def set_today(self, today: date) -> None:
        """For the main window's (or a test's) idea of today; the billing month follows."""
        self.today = lambda: today
        self.month_picker.set_month(today)

    def attach(self, database: Database) -> None:
        super().attach(database)
        self.batch.refresh()

    def reload(self) -> None:
        self._run_search()

    def save_state(self) -> None:
        self.settings.setValue(_SPLITTER_STATE, self.splitter.saveState())

    def restore_state(self) -> None:
        state = self.settings.value(_SPLITTER_STATE)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    # -- customers -------------------------------------------------------------------
    def _run_search(self) -> None:
        database = self.database
        if database is None:
            return
        self._search_generation += 1
        generation = self._search_generation
        query = self.search.text()
        keep = self.selected_customer_id()

        def done(ids: list[int]) -> None:
            if generation != self._search_generation:
                return
            self.customers_model.set_ids(database, ids)
            self.customer_count.setText(ngettext("{count} 件", "{count} 件", len(ids)).format(
                count=format_number(len(ids))))
            row = None if keep is None else self.customers_model.row_of(keep)
            if row is not None:
                self._select_row(row)
            elif keep is not None:
                self._compute_now()  # the shown customer is gone from the list
            self.customers_listed.emit()

        self.background.run(lambda: customer_ids(database, query), done,
                            lambda error: self.customer_count.setText(
                                _("検索できませんでした: {error}").format(error=error)))

    def selected_customer_id(self) -> int | None:
        index = self.customers.currentIndex()
        return self.customers_model.customer_id(index.row()) if index.isValid() else None

    def select_customer(self, customer_id: int) -> bool:
        row = self.customers_model.row_of(customer_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.customers_model.index(row, 0)
        self.customers.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.customers.scrollTo(index)

    def _focus_customers(self) -> None:
        self.customers.setFocus()
        if not self.customers.currentIndex().isValid() and self.customers_model.rowCount():
            self._select_row(0)

    def _choose_first(self) -> None:
        """Enter in the search field: the first match, previewed at once."""
        if self._search_timer.isActive():  # the search for what was typed has not run yet
            self._search_timer.stop()
            self._run_search()
            return
        if self.customers_model.rowCount():
            self._select_row(0)
            self._compute_now()

    # -- the preview -----------------------------------------------------------------
    def _compute_now(self) -> None:
        self._preview_timer.stop()
        database = self.database
        customer_id = self.selected_customer_id()
        billing = self.month_picker.month()
        self._preview_generation += 1
        generation = self._preview_generation
        if database is None or customer_id is None:
            self._show_nothing()
            return
        today = self.today()
        self.progress.show()
        self.status.setText(_("計算しています…"))
        self._report_unavailable(_("請求書を計算しています…"))

        def done(computed: _Computed) -> None:
            if generation == self._preview_generation:
                self._show(computed)

        def failed(error: Exception) -> None:
            if generation == self._preview_generation:
                self.progress.hide()
                self.lines_model.set_lines([])
                self.total.setText("")
                self.status.setText(_("計算できませんでした: {error}").format(error=error))
                self._report_unavailable(_("請求書を計算できませんでした。"))

        self.background.run(
            lambda: compute_preview(database, customer_id, billing, today), done, failed
        )

    def _show_nothing(self) -> None:
        self.preview = None
        self.progress.hide()
        self.status.setText("")
        self.heading.setText(_("左の一覧でお客さまを選んでください"))
        self.period.setText("")
        self.lines_model.set_lines([])
        self.total.setText("")
        self._report_unavailable(_("左の一覧でお客さまを選んでください。"))

    def _show(self, computed: _Computed) -> None:
        preview = computed.preview
        self.preview = preview
        self.progress.hide()
        self.status.setText("")
        self.heading.setText(_("{name} 御中 {month}ご請求分").format(
            name=preview.customer_name, month=format_month(preview.billing_month)))
        first, last = preview.period
        period = _("ご利用期間(発送日): {first}〜{last}(発送月の 2 カ月後に請求)")
        self.period.setText(period.format(first=format_date(first), last=format_date(last)))
        self.lines_model.set_lines(computed.lines)
        self.total.setText(_("ご請求額(カウネット分) {total}").format(
            total=format_yen(preview.total_yen)))
        database = self.database
        if database is not None:
            month = preview.billing_month
            self._report_invoice = (database, preview.customer_id, month)
            self.report_buttons.suggested_name = pdf_file_name(
                _("請求書プレビュー"), preview.customer_name,
                f"{month.year:04d}-{month.month:02d}")
            self.report_buttons.set_unavailable(None)
        self.preview_shown.emit()

