"""The 販売店変更 FAX tab: dealer-change FAX forms from sending to the logo check.

Rules: domain.md「Dealer change by FAX」(FAQ 販売店について). Overdue forms (deadline passed
without a return in time) are bold, carry a warning icon and 「期限超過」, and are counted in
the tab title — 「販売店変更 FAX (3)」. The tab sets that title itself on the QTabWidget it
sits in (found by walking up ``parentWidget()``) and also emits ``title_changed`` for any
other holder.

``today`` can be fixed through the constructor or ``Tab.set_today`` (tests, screenshots,
the main window's ``today``); otherwise every reload asks ``Tab.today()`` for the real date,
so a window left open overnight shows the new overdue forms after F5.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTemporaryDir,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kaunet_desk.domain import DealerChangeState
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import dealer_change as svc
from kaunet_desk.store.services.dealer_change import DealerChangeRow, RequestFilter
from kaunet_desk.ui.background import Background
from kaunet_desk.ui.dealer_change import operations, reasons
from kaunet_desk.ui.dealer_change.columns import COLUMNS, Day
from kaunet_desk.ui.dealer_change.fax_sheet import FaxSheet, write_fax_sheet
from kaunet_desk.ui.dealer_change.filter_bar import FilterBar
from kaunet_desk.ui.dealer_change.model import PAGE, DealerChangeModel
from kaunet_desk.ui.dealer_change.settings import DUE_WITHIN_DAYS
from kaunet_desk.ui.dealer_change.texts import RULE_SUMMARY
from kaunet_desk.ui.printing import ReportButtons
from kaunet_desk.ui.tab import Tab, pdf_file_name, report_row

# Widest text a column usually holds, to size columns without reading every row.
_SAMPLES = {
    "customer": "株式会社みどり文具センター",
    "kaunet_id": "K0000000000",
    "days_left": "-300 日",
    "state": N_("変更完了"),
    "alert": N_("期限超過"),
    "months": "2026年12月 または 2027年1月",
    "effective": "2026年12月",
    "mail": "✓ 2026/12/31",
    "logo": "✓ 2026/12/31",
}
_DATE_SAMPLE = "2026/12/31"

RowReason = Callable[[DealerChangeRow | None, date], str | None]
RowOperation = Callable[["DealerChangeTab", DealerChangeRow], None]

Loaded = tuple[list[int], int, dict[int, DealerChangeRow]]


def _plain(text: str) -> str:
    """An action's text without its mnemonic: 「返送を記録(&R)」 → 「返送を記録」."""
    return re.sub(r"\(&.\)$", "", text).replace("&", "")


class DealerChangeTab(Tab):
    key = "dealer_change"
    report_buttons: ReportButtons  # the overdue list; Ctrl+P prints it
    title_changed = Signal(str)
    SEARCH_DEBOUNCE_MS = 250

    def __init__(
        self, background: Background, settings: QSettings, today: date | None = None
    ) -> None:
        super().__init__(background, settings)
        if today is not None:
            self.set_today(today)
        self.overdue_count = 0
        self.loading = False
        self.dialog: QDialog | None = None
        self._generation = 0
        self._select_after: int | None = None
        self._drawing = False  # a new FAX form is being drawn
        self._fax_folder = QTemporaryDir()
        self._fax_serial = 0
        self.model = DealerChangeModel(self._fetch_rows, self)
        self._build()
        self.filters.days.setValue(DUE_WITHIN_DAYS.read(settings))
        self._update_overdue_report()
        self._update_actions()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.filters = FilterBar()
        self.table = QTableView()
        self.table.setObjectName("requests")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._size_columns()
        self._build_actions()
        self.why = QLabel()
        self.why.setObjectName("why_disabled")
        self.why.setWordWrap(True)
        # Room for two lines, so the table does not jump as the selection changes.
        self.why.setMinimumHeight(self.why.fontMetrics().lineSpacing() * 2 + 4)
        self.why.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        rule = QLabel(_(RULE_SUMMARY))
        rule.setObjectName("rule")
        rule.setWordWrap(True)
        rule.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # help, not data
        # A tool bar: in a narrow window the last buttons move behind its » menu.
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("actions")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setStyleSheet("QToolBar { spacing: 6px; border: none; }")
        self.buttons: dict[str, QToolButton] = {}
        for name, action in self.actions_by_name.items():
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            button.setObjectName(f"button_{name}")
            button.setAutoRaise(False)  # look like buttons, not flat tool bar items
            self.buttons[name] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.why)
        self._build_reports(layout)
        layout.addWidget(rule)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.reload)
        self.filters.search.textChanged.connect(self._search_timer.start)
        self.filters.changed.connect(self._filters_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.setTabOrder(self.filters.search, self.table)

    def _build_reports(self, layout: QVBoxLayout) -> None:
        """Two reports: the overdue list (the tab's N days) and the selected request's form."""
        self._read_report_settings = self.report_settings_reader()
        self._overdue_subject: tuple[Database, int] | None = None
        self._form_subject: tuple[Database, FaxSheet] | None = None
        self.overdue_caption = QLabel()
        self.overdue_caption.setObjectName("overdue_caption")
        self.report_buttons = ReportButtons(
            self, self._make_overdue_pdf, title=_("担当販売店変更 FAX 未返信一覧"),
            suggested_name=pdf_file_name(_("販売店変更FAX未返信一覧")),
            background=self.background,
        )
        self.report_buttons.setObjectName("overdue_report")
        self.form_caption = QLabel(_("選んだ依頼の FAX 用紙:"))
        self.form_caption.setObjectName("form_caption")
        self.form_buttons = ReportButtons(
            self, self._make_form_pdf, title=_("担当販売店変更 FAX"),
            suggested_name=pdf_file_name(_("販売店変更FAX")), background=self.background,
        )
        self.form_buttons.setObjectName("form_report")
        width = max(self.overdue_caption.fontMetrics().horizontalAdvance(text) for text in (
            _("未返信一覧(期限切れ・60 日以内):"), self.form_caption.text())) + 8
        for caption, buttons in ((self.overdue_caption, self.report_buttons),
                                 (self.form_caption, self.form_buttons)):
            caption.setMinimumWidth(width)  # the two rows of buttons line up
            layout.addLayout(report_row(caption, buttons))

    def _make_overdue_pdf(self, path: Path) -> None:
        """Runs off the GUI thread: only plain values set on the GUI thread are read."""
        from kaunet_desk.reports.fax_overdue import write_fax_overdue

        subject = self._overdue_subject
        if subject is None:
            raise ValueError(_("データベースが開いていません。"))
        database, days = subject
        write_fax_overdue(database, path, today=self.today(),
                          settings=self._read_report_settings(), within_days=days)

    def _make_form_pdf(self, path: Path) -> None:
        """Runs off the GUI thread: only plain values set on the GUI thread are read."""
        subject = self._form_subject
        if subject is None:
            raise ValueError(reasons.no_selection())
        database, sheet = subject
        write_fax_sheet(database, sheet, path, self._read_report_settings())

    def _update_overdue_report(self) -> None:
        days = self.filters.days.value()
        self.overdue_caption.setText(
            _("未返信一覧(期限切れ・{days} 日以内):").format(days=days))
        database = self.database
        if database is None:
            self._overdue_subject = None
            self.report_buttons.set_unavailable(_("データベースが開いていません。"))
            return
        self._overdue_subject = (database, days)
        self.report_buttons.suggested_name = pdf_file_name(
            _("販売店変更FAX未返信一覧"), self.today().isoformat())
        self.report_buttons.set_unavailable(None)

    def _update_form_report(self, row: DealerChangeRow | None, why: str | None) -> None:
        database = self.database
        if database is None or row is None or why is not None:
            self._form_subject = None
            self.form_buttons.set_unavailable(why or reasons.no_selection())
            return
        sheet = FaxSheet.of_request(row)
        self._form_subject = (database, sheet)
        self.form_buttons.suggested_name = sheet.file_name()
        self.form_buttons.set_unavailable(None)

    # -- new forms --------------------------------------------------------------------
    def next_fax_path(self) -> Path:
        """A new file each time: a preview may still hold the previous one open (Windows)."""
        self._fax_serial += 1
        return Path(self._fax_folder.path()) / f"fax-{self._fax_serial}.pdf"

    def set_drawing(self, drawing: bool) -> None:
        """While a new form is drawn, 新規 FAX 送付 waits (and says so)."""
        self._drawing = drawing
        self._update_actions()

    def _size_columns(self) -> None:
        bold = QFont(self.table.font())
        bold.setBold(True)  # overdue rows are bold: size for them
        metrics = QFontMetrics(bold)
        header = self.table.horizontalHeader().fontMetrics()
        for index, column in enumerate(COLUMNS):
            sample = _(_SAMPLES.get(column.key, _DATE_SAMPLE))
            width = max(metrics.horizontalAdvance(sample) + 12,
                        header.horizontalAdvance(_(column.header)) + 16)
            if column.key == "alert":
                width += 24  # the icon
            self.table.setColumnWidth(index, width)

    def _action(self, name: str, text: str, shortcut: str | None, slot: Callable[[], None],
                tip: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the focus is in this tab: other tabs may use the same keys.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})"
        action.setData(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _row_action(self, name: str, text: str, shortcut: str | None, operation: RowOperation,
                    reason: RowReason, tip: str) -> None:
        self._reasons[name] = reason

        def run() -> None:
            row = self.selected_request()
            if row is not None and reason(row, self.today()) is None:
                operation(self, row)

        self._action(name, text, shortcut, run, tip)

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        self._reasons: dict[str, RowReason] = {}
        self._action("new", _("新規 FAX 送付(&N)"), "Ctrl+N", lambda: operations.new_request(self),
                     _("担当販売店変更 FAX を送ったことを記録します"))
        self._row_action("returned", _("返送を記録(&R)"), "Ctrl+R", operations.mark_returned,
                         reasons.mark_returned, _("お客さまから FAX が返送された日を記録します"))
        self._row_action("effective", _("変更完了を記録(&E)"), "Ctrl+E", operations.mark_effective,
                         reasons.mark_effective, _("販売店の変更が完了した月を記録します"))
        self._row_action("mail", _("通知メール確認(&M)"), "Ctrl+M", operations.record_notification,
                         reasons.follow_up, _("お客さまが変更のお知らせメールを確認した日"))
        self._row_action("logo", _("ロゴ確認(&L)"), "Ctrl+L", operations.record_logo,
                         reasons.follow_up,
                         _("カウネットのトップページ左上の「KDDI まとめてオフィス」"
                           "ロゴを確認した日"))
        self._row_action("resend", _("FAX を再送(&F)"), "Ctrl+Shift+N", operations.resend,
                         reasons.resend, _("期限切れのお客さまに新しい FAX 用紙を送ります"))
        self._row_action("expire", _("期限切れにする(&X)"), None, operations.expire,
                         reasons.expire, _("返送待ちを終了します（確認あり）"))
        self._row_action("withdraw", _("記録を取り消す(&U)…"), None, operations.withdraw,
                         reasons.withdraw,
                         _("誤って記録した直前の返送・変更完了・期限切れを取り消します（確認あり）"))
        self._row_action("print_form", _("FAX 用紙を印刷(&P)…"), None,
                         lambda tab, _row: tab.form_buttons.print_button.click(),
                         reasons.print_form,
                         _("送った FAX 用紙(同じ送付日と返送期限)をもう一度印刷します"))

    # -- Tab --------------------------------------------------------------------------
    def title(self) -> str:
        base = _("販売店変更 FAX")
        return f"{base} ({self.overdue_count})" if self.overdue_count else base

    def search_field(self) -> QLineEdit:
        return self.filters.search

    def save_state(self) -> None:
        self.settings.setValue("dealer_change/filter", self.filters.kind().value)
        self.settings.setValue("dealer_change/header",
                               self.table.horizontalHeader().saveState())

    def restore_state(self) -> None:
        try:
            kind = RequestFilter(str(self.settings.value("dealer_change/filter", "all")))
        except ValueError:
            kind = RequestFilter.ALL
        self.filters.set_kind(kind)
        header = self.settings.value("dealer_change/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    # -- loading ----------------------------------------------------------------------
    def _fetch_rows(self, ids: list[int]) -> dict[int, DealerChangeRow]:
        return svc.request_rows(self.database, ids) if self.database is not None else {}

    def _filters_changed(self) -> None:
        DUE_WITHIN_DAYS.write(self.settings, self.filters.days.value())
        self._update_overdue_report()
        self.reload()

    def attach(self, database: Database) -> None:
        self.database = database
        self._update_overdue_report()
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the list again off the GUI thread; ``select`` a request once it is shown."""
        database = self.database
        if database is None:
            return
        if select is not None:
            self._select_after = select
        self._generation += 1
        generation = self._generation
        day = Day(self.today(), self.filters.days.value())
        kind, query = self.filters.kind(), self.filters.search.text()

        def work() -> Loaded:
            ids = svc.request_ids(database, kind, today=day.today,
                                  due_within_days=day.due_within_days, query=query)
            overdue = svc.count_overdue(database, today=day.today)
            return ids, overdue, svc.request_rows(database, ids[:PAGE])

        self.loading = True
        self.filters.set_busy(True)
        self.background.run(work, lambda result: self._loaded(generation, day, result),
                            lambda error: self._failed(generation, error))

    def _loaded(self, generation: int, day: Day, result: Loaded) -> None:
        if not isValid(self) or generation != self._generation:
            return  # closed meanwhile, or a newer reload is under way
        ids, overdue, rows = result
        keep = self._select_after or self.selected_id()
        self._select_after = None
        self.model.reset(ids, day, rows)
        self.filters.set_busy(False)
        self.filters.set_count(len(ids))
        self._set_overdue(overdue)
        position = self.model.row_of(keep) if keep is not None else None
        if position is not None:
            index = self.model.index(position, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        self.loading = False
        self._update_actions()

    def _failed(self, generation: int, error: Exception) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.loading = False
        self.filters.set_busy(False)
        self.filters.count.setText(_("読み込めませんでした: {error}").format(error=error))

    def _set_overdue(self, count: int) -> None:
        self.overdue_count = count
        title = self.title()
        widget: QWidget | None = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()  # QTabWidget → QStackedWidget → this tab
        if isinstance(widget, QTabWidget):
            index = widget.indexOf(self)
            widget.setTabText(index, title)
            widget.setTabToolTip(index, _("期限切れ {count} 件").format(count=count)
                                 if count else "")
        self.title_changed.emit(title)

    # -- selection and actions --------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request_id(rows[0].row()) if rows else None

    def selected_request(self) -> DealerChangeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.request(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> bool:
        position = self.model.row_of(request_id)
        if position is None:
            return False
        self.table.selectRow(position)
        return True

    def _update_actions(self, *_args: object) -> None:
        row = self.selected_request()
        today = self.today()
        new = self.actions_by_name["new"]
        if self.database is None:
            new_reason: str | None = _("データベースが開いていません。")
        elif self._drawing:
            new_reason = _("FAX 用紙を作成しています…")
        else:
            new_reason = None
        new.setEnabled(new_reason is None)
        new.setToolTip(new_reason or str(new.data()))
        grouped: dict[str, list[str]] = {}
        if new_reason:
            grouped[new_reason] = [_plain(new.text())]
        for name, reason in self._reasons.items():
            action = self.actions_by_name[name]
            why = reason(row, today) if self.database is not None else new_reason
            if name == "print_form":
                self._update_form_report(row, why)
            action.setEnabled(why is None)
            action.setToolTip(why or str(action.data()))
            if why:
                grouped.setdefault(why, []).append(_plain(action.text()))
        if row is None and self.database is not None:
            self.why.setText(reasons.no_selection())
        else:
            self.why.setText(_("　／　").join(
                _("{actions}: {why}").format(actions=_("・").join(names), why=why)
                for why, names in grouped.items()
            ))

    def _activated(self, index: QModelIndex) -> None:
        """Enter or double-click: the next step of the selected form."""
        row = self.model.request(index.row())
        if row is None:
            return
        state = row.state(self.today())
        if state is DealerChangeState.WAITING:
            name = "returned"
        elif state is DealerChangeState.RETURNED:
            name = "effective"
        elif state is DealerChangeState.EXPIRED:
            name = "resend"  # FAQ: missed the deadline → only a new form can change the dealer
        else:
            name = "mail" if row.notification_seen_on is None else "logo"
        self.actions_by_name[name].trigger()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("context_menu")
        for name in ("returned", "effective", "mail", "logo", None, "resend", "new",
                     "print_form", None, "expire", "withdraw"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        menu.setToolTipsVisible(True)  # a disabled entry says why on hover
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = self.context_menu()
        menu.popup(self.table.viewport().mapToGlobal(position))
        menu.aboutToHide.connect(menu.deleteLater)

    def show_dialog(self, dialog: QDialog) -> None:
        """Window-modal and non-blocking, kept in ``self.dialog`` while it is open."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self.table.setFocus()  # back to the list, ready for the next key
