"""列の対応: for each field, which column of the file feeds it (chosen once, remembered)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kaunet_desk.i18n import _
from kaunet_desk.transfer.columns import Column
from kaunet_desk.transfer.mapping import ColumnMapping, guess_mapping

_KEY = "transfer/mapping/{kind}"


def remembered(settings: QSettings, kind: str) -> dict[str, str]:
    """field key → header text, as last chosen for this kind of file."""
    text = settings.value(_KEY.format(kind=kind), "", type=str)
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def remember(settings: QSettings, kind: str, mapping: ColumnMapping, header: list[str]) -> None:
    settings.setValue(_KEY.format(kind=kind),
                      json.dumps(mapping.headers(header), ensure_ascii=False))


class MappingEditor(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("mapping")
        self.setHorizontalHeaderLabels([_("項目"), _("ファイルの列")])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self._columns: tuple[Column, ...] = ()
        self._combos: list[QComboBox] = []

    def load(self, columns: tuple[Column, ...], header: list[str],
             remembered_choice: dict[str, str]) -> None:
        guess = guess_mapping(header, columns, remembered_choice)
        self._columns = tuple(c for c in columns if not c.informative)
        self._combos = []
        self.setRowCount(len(self._columns))
        for row, column in enumerate(self._columns):
            label = column.header + (" *" if column.required else "")
            item = QTableWidgetItem(label)
            if column.required:
                item.setToolTip(_("必須の項目です"))
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(_("(使わない)"), -1)
            for position, text in enumerate(header):
                combo.addItem(text or _("({number} 列目)").format(number=position + 1), position)
            chosen = guess.index(column.key)
            combo.setCurrentIndex(0 if chosen is None else chosen + 1)
            combo.currentIndexChanged.connect(self.changed)
            self.setCellWidget(row, 1, combo)
            self._combos.append(combo)
        # Informative columns (合計(税込) of orders) are checked when present, never chosen.
        self._informative = {c.key: i for c in columns if c.informative
                             and (i := guess.index(c.key)) is not None}
        self.changed.emit()

    def mapping(self) -> ColumnMapping:
        indices = dict(self._informative) if hasattr(self, "_informative") else {}
        used = set(indices.values())
        for column, combo in zip(self._columns, self._combos, strict=True):
            position = combo.currentData()
            if position is not None and position >= 0 and position not in used:
                indices[column.key] = position
                used.add(position)
        return ColumnMapping(indices)

    def missing_required(self) -> list[Column]:
        return self.mapping().missing_required(self._columns)
