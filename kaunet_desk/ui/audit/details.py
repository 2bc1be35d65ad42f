"""The details of one audit entry: who, when, what, and old → new for every field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kaunet_desk.i18n import _
from kaunet_desk.store.services.audit_log import AuditRecord
from kaunet_desk.ui.audit.columns import customer_text, when_text
from kaunet_desk.ui.audit.labels import (
    action_label,
    change_texts,
    kind_label,
    ordered_changes,
    target_label,
)

HINT_STYLE = "color: palette(placeholder-text);"


class DetailsPane(QGroupBox):
    def __init__(self) -> None:
        super().__init__(_("詳細"))
        self.setObjectName("audit_details")
        self.heading = QLabel()
        self.heading.setObjectName("details_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("details_table")
        self.table.setHorizontalHeaderLabels([_("項目"), _("変更前"), "", _("変更後")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.placeholder = QLabel(
            _("一覧で行を選ぶと、項目ごとに変更前 → 変更後を表示します。")
        )
        self.placeholder.setObjectName("details_placeholder")
        self.placeholder.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.placeholder)
        self.show_record(None)

    def show_record(self, record: AuditRecord | None) -> None:
        self.table.setRowCount(0)
        self.heading.setVisible(record is not None)
        self.table.setVisible(record is not None)
        self.placeholder.setVisible(record is None)
        if record is None:
            self.heading.clear()
            return
        customer = customer_text(record)
        parts = [when_text(record), record.user, kind_label(record.kind),
                 action_label(record.action), target_label(record)]
        if customer:
            parts.append(customer)
        self.heading.setText(_("　").join(parts))
        dim = QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        changes = ordered_changes(record)
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label, old, new = change_texts(record, change)
            cells = (label, old or _("(なし)"), "→", new or _("(なし)"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if (column == 1 and not old) or (column == 3 and not new):
                    item.setForeground(dim)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the table shows (項目, 変更前, →, 変更後), row by row — for tests."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
