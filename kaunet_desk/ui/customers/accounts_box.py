"""The customer's Kaunet IDs, each with its application status and, for a missing icon,
which of the FAQ's three causes applies (FAQ: アイコンが表示されません)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.customers.account_dialogs import AddAccountDialog, StatusDialog
from kaunet_desk.ui.customers.field_row import HINT_LABEL_STYLE
from kaunet_desk.ui.customers.labels import application_cause, application_label
from kaunet_desk.ui.customers.prompts import show_error
from kaunet_desk.ui.customers.table_height import fit_to_rows


class AccountsBox(QGroupBox):
    changed = Signal()

    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__(_("カウネット ID"))
        self._today = today
        self._database: Database | None = None
        self._customer_id: int | None = None
        self._accounts: tuple[svc.KaunetAccountRecord, ...] = ()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("accounts")
        self.table.setHorizontalHeaderLabels([_("カウネット ID"), _("申込状況"), _("申込日")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_args: self._show_cause())
        self.table.cellDoubleClicked.connect(lambda *_args: self.change_status())
        self.cause = QLabel()
        self.cause.setObjectName("cause")
        self.cause.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("accounts_note")
        self.note.setStyleSheet(HINT_LABEL_STYLE)
        self.note.setWordWrap(True)
        self.add_button = QPushButton(_("ID を追加…"))
        self.add_button.setObjectName("add_account")
        self.add_button.clicked.connect(self.add_account)
        self.status_button = QPushButton(_("申込状況を変更…"))
        self.status_button.setObjectName("change_status")
        self.status_button.clicked.connect(self.change_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.cause)
        layout.addLayout(buttons)

    def set_customer(self, database: Database | None, customer_id: int | None,
                     accounts: tuple[svc.KaunetAccountRecord, ...]) -> None:
        self._database = database
        self._customer_id = customer_id
        self._accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            cells = (account.kaunet_id, application_label(account.application_status),
                     format_date(account.applied_on))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        saved = customer_id is not None
        self.add_button.setEnabled(saved)
        self.add_button.setToolTip("" if saved else _("お客さまを保存すると追加できます"))
        self.status_button.setVisible(bool(accounts))
        if not saved:
            self.note.setText(_("お客さまを保存すると ID を追加できます"))
        elif not accounts:
            self.note.setText(_("カウネット ID はまだありません"))
        else:
            self.note.setText("")
        self.table.setVisible(bool(accounts))
        fit_to_rows(self.table, max_rows=5)
        if accounts:
            self.table.setCurrentCell(0, 0)
        self._show_cause()

    def current(self) -> svc.KaunetAccountRecord | None:
        row = self.table.currentRow()
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def _show_cause(self) -> None:
        account = self.current()
        text = application_cause(account.application_status) if account else ""
        self.cause.setText(text)
        self.cause.setVisible(bool(text))

    def add_account(self) -> None:
        database, customer_id = self._database, self._customer_id
        if database is None or customer_id is None:
            return
        dialog = AddAccountDialog(self, self._today(),
                                  lambda value: svc.kaunet_id_taken(database, value))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kaunet_id, status, applied_on = dialog.values()
        try:
            svc.add_kaunet_account(database, customer_id, kaunet_id, status, applied_on)
        except Exception as error:  # e.g. the same ID saved by another clerk meanwhile
            show_error(self, _("カウネット ID を追加できません"), str(error))
            return
        self.changed.emit()

    def change_status(self) -> None:
        account = self.current()
        if self._database is None or account is None:
            return
        dialog = StatusDialog(self, account.kaunet_id, account.application_status)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        svc.set_application_status(self._database, account.id, dialog.value())
        self.changed.emit()


