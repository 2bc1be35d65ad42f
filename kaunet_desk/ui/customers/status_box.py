"""The customer's recorded states: contract (解約) and periodic catalogue (送付停止), with dates.

FAQ: the catalogue is stopped through 「カウネットヘルプコール」 and Kaunet cancelled through
「KDDI まとめてオフィスサポートデスク」; we record that it was done. A cancellation is
asked twice (the dialog, then a confirmation). Either record, made by mistake, can be
withdrawn after a confirmation; that changes our ledger only, and the audit log keeps both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from kaunet_desk.domain.enums import CustomerStatus
from kaunet_desk.formatting import format_date
from kaunet_desk.i18n import _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.ui.customers import prompts
from kaunet_desk.ui.customers.field_row import HINT_LABEL_STYLE
from kaunet_desk.ui.customers.state_dialogs import cancellation_dialog, catalogue_stop_dialog


class StatusBox(QGroupBox):
    changed = Signal()

    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__(_("契約状態"))
        self._today = today
        self._database: Database | None = None
        self._record: svc.CustomerRecord | None = None
        self.contract = QLabel()
        self.contract.setObjectName("contract_state")
        self.catalogue = QLabel()
        self.catalogue.setObjectName("catalogue_state")
        self.stop_button = QPushButton(_("カタログ送付停止を記録…"))
        self.stop_button.setObjectName("stop_catalogue")
        self.stop_button.clicked.connect(self.stop_catalogue)
        self.cancel_button = QPushButton(_("解約を記録…"))
        self.cancel_button.setObjectName("cancel_customer")
        self.cancel_button.clicked.connect(self.cancel_customer)
        self.withdraw_stop_button = QPushButton(_("送付停止の記録を取り消す…"))
        self.withdraw_stop_button.setObjectName("withdraw_catalogue_stop")
        self.withdraw_stop_button.clicked.connect(self.withdraw_catalogue_stop)
        self.withdraw_cancel_button = QPushButton(_("解約の記録を取り消す…"))
        self.withdraw_cancel_button.setObjectName("withdraw_cancellation")
        self.withdraw_cancel_button.clicked.connect(self.withdraw_cancellation)
        self.note = QLabel()
        self.note.setStyleSheet(HINT_LABEL_STYLE)
        buttons = QHBoxLayout()
        for button in (self.stop_button, self.cancel_button, self.withdraw_stop_button,
                       self.withdraw_cancel_button):
            buttons.addWidget(button)
        buttons.addWidget(self.note, 1)
        layout = QFormLayout(self)
        layout.addRow(_("契約"), self.contract)
        layout.addRow(_("カタログ"), self.catalogue)
        layout.addRow(buttons)

    def set_customer(self, database: Database | None, record: svc.CustomerRecord | None) -> None:
        self._database = database
        self._record = record
        cancelled = record is not None and record.status == CustomerStatus.CANCELLED.value
        stopped = record is not None and record.catalogue_stopped_on is not None
        if record is None:
            self.contract.setText(_("新規(未保存)"))
        elif cancelled:
            self.contract.setText(_("解約 {date}(KDDI まとめてオフィスサポートデスクで手続き)")
                                  .format(date=format_date(record.cancelled_on)))
        else:
            self.contract.setText(_("契約中"))
        if stopped and record is not None:
            self.catalogue.setText(_("送付停止 {date}(カウネットヘルプコールで受付)")
                                   .format(date=format_date(record.catalogue_stopped_on)))
        else:
            self.catalogue.setText(_("定期送付中"))
        # Buttons for states already recorded are hidden, not disabled: the label says it.
        self.stop_button.setVisible(record is not None and not stopped and not cancelled)
        self.cancel_button.setVisible(record is not None and not cancelled)
        self.withdraw_stop_button.setVisible(stopped)
        self.withdraw_cancel_button.setVisible(cancelled)
        self.note.setText(_("お客さまを保存すると記録できます") if record is None else "")

    def stop_catalogue(self) -> None:
        record, database = self._record, self._database
        if record is None or database is None:
            return
        dialog = catalogue_stop_dialog(self, record.draft.name, self._today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        svc.stop_catalogue(database, record.id, dialog.day())
        self.changed.emit()

    def cancel_customer(self) -> None:
        record, database = self._record, self._database
        if record is None or database is None:
            return
        dialog = cancellation_dialog(self, record.draft.name, self._today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not prompts.confirm_cancellation(self, record.draft.name, dialog.day()):
            return
        svc.cancel_customer(database, record.id, dialog.day())
        self.changed.emit()

    def withdraw_catalogue_stop(self) -> None:
        self._withdraw(lambda r: r.catalogue_stopped_on, prompts.confirm_withdraw_catalogue_stop,
                       svc.withdraw_catalogue_stop)

    def withdraw_cancellation(self) -> None:
        self._withdraw(lambda r: r.cancelled_on, prompts.confirm_withdraw_cancellation,
                       svc.withdraw_cancellation)

    def _withdraw(
        self,
        recorded_on: Callable[[svc.CustomerRecord], date | None],
        confirm: Callable[[QWidget, str, date], bool],
        withdraw: Callable[[Database, int], object],
    ) -> None:
        record, database = self._record, self._database
        if record is None or database is None:
            return
        on = recorded_on(record)
        if on is None or not confirm(self, record.draft.name, on):
            return
        withdraw(database, record.id)
        self.changed.emit()
