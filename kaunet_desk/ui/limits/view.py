"""月間購入上限: every customer's month total against their limit (FAQ 月間購入上限金額).

Our choices (domain.md): tax-included totals, the month of the order date, cancelled and
card orders not counted. 注意 = at or above the warning share and still below the limit;
上限到達 = total ≥ limit — exactly reaching it is allowed, but then the next KDDI-invoice
order is cancelled, so it is where the clerk must act; 超過 (total > limit) only happens
when a limit was lowered after the orders.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaunet_desk.formatting import format_month, format_number, format_yen
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows
from kaunet_desk.store.services.customers import (
    LimitChangeRecord,
    change_limit,
    limit_changes,
)
from kaunet_desk.store.services.monthly_limits import (
    MonthOrders,
    MonthUsage,
    UsageLevel,
    month_orders,
    month_usage,
    office_warning_pct,
    usage_levels,
)
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.limits.change_dialog import ChangeLimitDialog, LimitChangeRequest
from kaunet_desk.ui.limits.debounce import debounce_timer
from kaunet_desk.ui.limits.detail import LimitDetail
from kaunet_desk.ui.limits.filter_buttons import FilterButtons
from kaunet_desk.ui.limits.model import LimitFilter, LimitsModel
from kaunet_desk.ui.limits.month_picker import MonthPicker
from kaunet_desk.ui.limits.settings import (
    SPLITTER_STATE,
    warning_override,
)
from kaunet_desk.ui.limits.table import limits_table
from kaunet_desk.ui.limits.warning_share import WarningShareBox
from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.tab import Tab, pdf_file_name, report_row

_SEARCH_DELAY_MS = 250
_DETAIL_DELAY_MS = 120


@dataclass(frozen=True)
class _Loaded:
    usage: MonthUsage
    levels: tuple[UsageLevel, ...]
    office_pct: int
    pct: int
    seconds: float


@dataclass(frozen=True)
class _Detail:
    orders: MonthOrders
    changes: list[LimitChangeRecord]
    current_limit_yen: int


class LimitsTab(Tab):
    key = "limits"
    report_buttons: ReportButtons  # always has one
    # Emitted once a month's rows (or new levels) are in the table.
    loaded = Signal()

    def __init__(self, background: Background, settings: QSettings) -> None:
        super().__init__(background, settings)
        self.today: Callable[[], date] = date.today
        self._generation = 0  # drops results of a month no longer asked for
        self._levels_generation = 0
        self._detail_generation = 0
        self._pct_in_model: int | None = None
        self._ids_query = ""
        self._current_limit = 0  # the customer's limit today, for the change dialog
        self.change_dialog: ChangeLimitDialog | None = None
        self._build()

    def title(self) -> str:
        return _("月間購入上限")

    # -- building --------------------------------------------------------------------
    def _build(self) -> None:
        self.month_picker = MonthPicker(lambda: self.today())
        self.month_picker.month_changed.connect(lambda _month: self.reload())
        self._build_report()

        self.filters = FilterButtons()
        self.filters.chosen.connect(self._set_filter)
        self.filter_buttons = self.filters.buttons

        self.search = QLineEdit()
        self.search.setObjectName("limits_search")
        self.search.setPlaceholderText(_("お客さまを絞り込む(名前・フリガナ・電話)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(320)
        self._search_timer = debounce_timer(self, _SEARCH_DELAY_MS, self._run_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_table)

        self.warning = WarningShareBox(self.settings)
        self.warning.changed.connect(self._relevel)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("limits_status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.model = LimitsModel(self)
        self.table = limits_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._detail_timer.start()
        )
        self.table.activated.connect(lambda _index: self.open_detail())

        self.detail = LimitDetail()
        self.detail.change_requested.connect(self.open_change_dialog)
        self.detail.closed.connect(self._focus_table)
        self._detail_timer = debounce_timer(self, _DETAIL_DELAY_MS, self._load_detail)
        self.model.modelReset.connect(self.detail.clear)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("limits_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([380, 260])

        legend = QLabel(_(
            "数えるのは KDDI 請求書払いの注文の税込金額(注文日の月)。カード払いとキャンセルは"
            "数えません。注意: 目安以上で上限未満 / 上限到達: 利用額が上限額に達した"
            "(ちょうど上限額は購入できますが、次の請求書払いの注文はキャンセルされます) / "
            "超過: 上限額が後から下がり利用額を上回っている"
        ))
        legend.setWordWrap(True)
        legend.setObjectName("legend")
        legend.setStyleSheet("color: #555555;")

        first = QHBoxLayout()
        first.addWidget(QLabel(_("対象月")))
        first.addWidget(self.month_picker)
        first.addWidget(self.progress)
        first.addWidget(self.status, 1)
        first.addWidget(self.search, 1)
        second = QHBoxLayout()
        second.addWidget(self.filters)
        second.addSpacing(16)
        second.addWidget(self.warning, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(report_row(self.report_caption, self.report_buttons))
        layout.addWidget(legend)
        QWidget.setTabOrder(self.month_picker, self.search)
        QWidget.setTabOrder(self.search, self.filter_buttons[LimitFilter.ALL])
        QWidget.setTabOrder(self.filter_buttons[LimitFilter.ALL], self.warning.spin)
        QWidget.setTabOrder(self.warning.spin, self.table)
        previous: QWidget = self.table
        for button in self.report_buttons.buttons():
            QWidget.setTabOrder(previous, button)
            previous = button

    def _build_report(self) -> None:
        """The month's limit list as PDF: the month shown, customers with counted orders."""
        self.report_caption = QLabel()
        self.report_caption.setObjectName("report_caption")
        self.report_caption.setToolTip(_("この月に集計対象の注文があるお客さまの一覧です"))
        self._report_month: tuple[Database, date] | None = None
        self._read_report_settings = self.report_settings_reader()
        self.report_buttons = ReportButtons(
            self, self._make_limits_pdf, title=_("月間購入上限金額 一覧"),
            suggested_name=pdf_file_name(_("月間購入上限金額一覧")), background=self.background,
        )
        self.month_picker.month_changed.connect(lambda _month: self._update_report())
        self._update_report()

    def _make_limits_pdf(self, path: Path) -> None:
        """Runs off the GUI thread: only plain values set on the GUI thread are read."""
        from kaunet_desk.reports.limits import write_limits

        chosen = self._report_month
        if chosen is None:
            raise ValueError(_("データベースが開いていません。"))
        database, month = chosen
        write_limits(database, month, path, today=self.today(),
                     settings=self._read_report_settings())

    def _update_report(self) -> None:
        month = self.month_picker.month()
        self.report_caption.setText(
            _("上限一覧 {month}:").format(month=format_month(month)))
        buttons = self.report_buttons
        database = self.database
        if database is None:
            self._report_month = None
            buttons.set_unavailable(_("データベースが開いていません。"))
            return
        self._report_month = (database, month)
        buttons.suggested_name = pdf_file_name(_("月間購入上限金額一覧"),
                                               f"{month.year:04d}-{month.month:02d}")
        buttons.set_unavailable(None)

    # -- Tab -------------------------------------------------------------------------
    def search_field(self) -> QLineEdit:
        return self.search

    def set_today(self, today: date) -> None:
        """For the main window's (or a test's) idea of today; moves to that month."""
        self.today = lambda: today
        self.month_picker.set_month(today)

    def reload(self) -> None:
        self._update_report()
        database = self.database
        if database is None:
            return
        self._generation += 1
        generation = self._generation
        month = self.month_picker.month()
        override = warning_override(self.settings)  # read here: the worker has no Qt
        self._busy(True, _("{month}を集計しています…").format(month=format_month(month)))

        def work() -> _Loaded:
            started = time.perf_counter()
            office = office_warning_pct(database, month)
            pct = override or office
            usage = month_usage(database, month)
            levels = usage_levels(usage, pct)
            return _Loaded(usage, levels, office, pct, time.perf_counter() - started)

        self.background.run(
            work,
            lambda loaded: self._loaded(generation, loaded),
            lambda error: self._failed(generation, error),
        )

    def save_state(self) -> None:
        self.settings.setValue(SPLITTER_STATE, self.splitter.saveState())

    def restore_state(self) -> None:
        state = self.settings.value(SPLITTER_STATE)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    # -- results ---------------------------------------------------------------------
    def _loaded(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return
        self.warning.set_office_pct(loaded.office_pct)
        self._pct_in_model = loaded.pct
        keep = self.selected_customer_id()
        self.model.set_usage(loaded.usage, loaded.levels)
        self._busy(False, "")
        self._show_counts(loaded.seconds)
        self._select_customer(keep)
        if self.warning.effective_pct() != loaded.pct:  # edited while this month was loading
            self._relevel()
        self.loaded.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._busy(False, _("集計できませんでした: {error}").format(error=error))

    def _busy(self, busy: bool, text: str) -> None:
        self.progress.setVisible(busy)
        self.status.setText(text)

    def _show_counts(self, seconds: float | None) -> None:
        counts = self.model.level_counts()
        total = len(self.model.usage())
        self.filters.set_counts(total, counts)
        summary = _("{month}: お客さま {all} 件 / 注意 {near} 件 / 上限到達 {reached} 件").format(
            month=format_month(self.model.usage().month),
            all=format_number(total),
            near=format_number(counts[UsageLevel.NEAR]),
            reached=format_number(counts[UsageLevel.REACHED]),
        )
        if seconds is not None:
            summary += _("(集計 {seconds:.2f} 秒)").format(seconds=seconds)
        self.status.setText(summary)

    def _relevel(self) -> None:
        """Same month, new warning share: only the levels are computed again."""
        pct = self.warning.effective_pct()
        usage = self.model.usage()
        if pct is None or pct == self._pct_in_model or not len(usage):
            return
        self._levels_generation += 1
        generation = self._levels_generation
        self._busy(True, _("注意の目安を {pct} % にしています…").format(pct=pct))

        def done(levels: tuple[UsageLevel, ...]) -> None:
            if generation != self._levels_generation or self.model.usage() is not usage:
                return
            keep = self.selected_customer_id()
            self._pct_in_model = pct
            self.model.set_levels(levels)
            self._busy(False, "")
            self._show_counts(None)
            self._select_customer(keep)
            self.loaded.emit()

        self.background.run(lambda: usage_levels(usage, pct), done,
                            lambda error: self._failed(self._generation, error))

    def _set_filter(self, which: LimitFilter) -> None:
        keep = self.selected_customer_id()
        self.model.set_filter(which)
        self._select_customer(keep)

    # -- search ----------------------------------------------------------------------
    def _run_search(self) -> None:
        database = self.database
        query = self.search.text()
        self._ids_query = query
        if database is None or not query.strip():
            self.model.set_customer_ids(None)
            return

        def done(ids: frozenset[int]) -> None:
            if query == self._ids_query:
                keep = self.selected_customer_id()
                self.model.set_customer_ids(ids)
                self._select_customer(keep)

        self.background.run(lambda: frozenset(customer_ids(database, query)), done)

    # -- selection and detail --------------------------------------------------------
    def selected_customer_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.customer_id(index.row())

    def _select_customer(self, customer_id: int | None) -> None:
        row = None if customer_id is None else self.model.row_of_customer(customer_id)
        if row is None:
            self.detail.clear()
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def open_detail(self) -> None:
        """Enter on a row: the detail is loaded and takes the focus."""
        self._detail_timer.stop()
        self._load_detail()
        self.detail.focus_orders()

    def _load_detail(self) -> None:
        database = self.database
        index = self.table.currentIndex()
        if database is None or not index.isValid():
            self.detail.clear()
            return
        source = self.model.source_index(index.row())
        usage = self.model.usage()
        row = usage.row(source)
        month = usage.month
        self.detail.show_customer(row, self.model.mark(source), month)
        self._detail_generation += 1
        generation = self._detail_generation

        def work() -> _Detail:
            rows = customer_rows(database, [row.customer_id])
            return _Detail(
                month_orders(database, row.customer_id, month),
                limit_changes(database, row.customer_id),
                rows[row.customer_id].monthly_limit_yen,
            )

        def done(detail: _Detail) -> None:
            if generation == self._detail_generation:
                self._current_limit = detail.current_limit_yen
                self.detail.show_records(detail.orders, detail.changes)

        def failed(error: Exception) -> None:
            if generation == self._detail_generation:
                self.detail.show_failure(_("読み込めませんでした: {error}").format(error=error))

        self.background.run(work, done, failed)

    # -- changing a limit ------------------------------------------------------------
    def open_change_dialog(self) -> None:
        customer = self.detail.customer
        if customer is None or self.database is None:
            return
        dialog = ChangeLimitDialog(customer.name, self._current_limit, self.today(), self)
        dialog.finished.connect(lambda _result: self._change_finished(customer.customer_id))
        self.change_dialog = dialog
        dialog.open()

    def _change_finished(self, customer_id: int) -> None:
        dialog, self.change_dialog = self.change_dialog, None
        database = self.database
        if dialog is None or dialog.request is None or database is None:
            return
        request: LimitChangeRequest = dialog.request
        dialog.deleteLater()
        self._busy(True, _("上限額の変更を記録しています…"))

        def done(change: LimitChangeRecord) -> None:
            self._busy(False, _("上限額を {old} から {new} に変更しました").format(
                old=format_yen(change.old_yen), new=format_yen(change.new_yen)))
            self.reload()

        def failed(error: Exception) -> None:
            self._busy(False, "")
            QMessageBox.warning(self, _("上限額を変更できません"),
                                _("変更を記録できませんでした。\n{error}").format(error=error))

        self.background.run(
            lambda: change_limit(database, customer_id, request.new_yen, request.reason,
                                 request.on),
            done, failed,
        )

