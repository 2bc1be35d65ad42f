"""The change log of one customer: contact changes (reported to カウネットヘルプコール) and
monthly-limit changes (FAQ 月間購入上限金額: exceptions, with their reason). Newest first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kaunet_desk.formatting import format_date, format_yen
from kaunet_desk.i18n import _
from kaunet_desk.store.services.customers import ContactChangeRecord, LimitChangeRecord
from kaunet_desk.ui.customers.field_row import HINT_LABEL_STYLE
from kaunet_desk.ui.customers.labels import field_label
from kaunet_desk.ui.customers.table_height import fit_to_rows


class ChangeLog(QGroupBox):
    def __init__(self) -> None:
        super().__init__(_("変更履歴"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("change_log")
        self.table.setHorizontalHeaderLabels([_("日付"), _("項目"), _("変更前"), _("変更後")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(_("変更の記録はありません"))
        self.empty.setStyleSheet(HINT_LABEL_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    def set_entries(self, contacts: tuple[ContactChangeRecord, ...],
                    limits: tuple[LimitChangeRecord, ...]) -> None:
        rows: list[tuple[date, str, str, str]] = [
            (c.changed_on, field_label(c.field), c.old_value, c.new_value) for c in contacts
        ]
        rows += [
            (c.changed_on, field_label("monthly_limit_yen"), format_yen(c.old_yen),
             _("{amount}(理由: {reason})").format(amount=format_yen(c.new_yen), reason=c.reason))
            for c in limits
        ]
        rows.sort(key=lambda r: r[0], reverse=True)  # stable: same-day entries keep their order
        self.table.setRowCount(len(rows))
        for row, (day, label, old, new) in enumerate(rows):
            for column, text in enumerate((format_date(day), label, old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # addresses and reasons may be elided in the cell
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(rows))
        fit_to_rows(self.table, max_rows=6)
        self.empty.setVisible(not rows)

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (for tests and the screenshot check)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
