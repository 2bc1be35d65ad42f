"""Small in-form tables as tall as their rows (up to a limit), so no empty band shows."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget


def fit_to_rows(table: QTableWidget, max_rows: int) -> None:
    table.resizeRowsToContents()
    rows = min(table.rowCount(), max_rows)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows))
    if table.rowCount() > max_rows:
        height += table.horizontalScrollBar().sizeHint().height() // 2
    table.setFixedHeight(height)
