"""The month's table: one row per customer, sorted by usage, the usage column as a bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kaunet_desk.ui.limits.model import COLUMNS, Column, LimitsModel
from kaunet_desk.ui.limits.usage_delegate import UsageBarDelegate


def limits_table(model: LimitsModel) -> QTableView:
    table = QTableView()
    table.setObjectName("limits_table")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setItemDelegateForColumn(Column.USAGE, UsageBarDelegate(table))
    header = table.horizontalHeader()
    for column, spec in COLUMNS.items():
        header.resizeSection(column, spec.width)
    # Stretch, not ResizeToContents: measuring 100,000 names would stall the view.
    header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
    # The indicator before sorting is enabled: enabling sorts by it once (usage, most first).
    header.setSortIndicator(Column.USAGE, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    return table
