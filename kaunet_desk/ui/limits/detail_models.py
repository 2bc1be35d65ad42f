"""The two small tables of one customer's detail: the limit-change log and the month's orders.

A handful of rows each (the log is the exceptions to a limit that does not change, the
orders one customer's month), so they are held whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kaunet_desk.domain.enums import OrderStatus
from kaunet_desk.formatting import format_date, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.customers import LimitChangeRecord
from kaunet_desk.store.services.orders import OrderRecord

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Field(Generic[Row]):
    title: str  # N_(): translated when shown
    text: Callable[[Row], str]
    alignment: int = _LEFT
    tooltip: Callable[[Row], str] | None = None


class RecordsModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows of plain records, one column per Field."""

    def __init__(self, fields: Sequence[Field[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fields = tuple(fields)
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, spec = self._rows[index.row()], self._fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return spec.alignment
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(row) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._fields):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._fields[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._fields[section].alignment
        return None


def limit_changes_model(parent: Any = None) -> RecordsModel[LimitChangeRecord]:
    return RecordsModel(
        [
            Field(N_("変更日"), lambda r: format_date(r.changed_on)),
            Field(N_("変更前"), lambda r: format_yen(r.old_yen), _RIGHT),
            Field(N_("変更後"), lambda r: format_yen(r.new_yen), _RIGHT),
            Field(N_("理由"), lambda r: r.reason, tooltip=lambda r: r.reason),
        ],
        parent,
    )


@dataclass(frozen=True)
class MonthOrderLine:
    """An order of the month, with the counted total up to it (None when not counted)."""

    order: OrderRecord
    running_total_yen: int | None


def month_order_lines(
    counted: Sequence[OrderRecord], cancelled: Sequence[OrderRecord]
) -> list[MonthOrderLine]:
    """Both kinds in date order; the running total climbs only on orders that count."""
    lines: list[MonthOrderLine] = []
    running = 0
    for order in sorted([*counted, *cancelled], key=lambda o: (o.order_date, o.id)):
        if order.status == OrderStatus.CANCELLED_OVER_LIMIT.value:
            lines.append(MonthOrderLine(order, None))
        else:
            running += order.total_yen
            lines.append(MonthOrderLine(order, running))
    return lines


def _status_text(line: MonthOrderLine) -> str:
    if line.running_total_yen is None:
        return _("上限超過でキャンセル")
    if line.order.status == OrderStatus.SHIPPED.value:
        return _("発送済")
    return _("受注")


def _cancel_reason(line: MonthOrderLine) -> str:
    order = line.order
    if line.running_total_yen is not None or order.decided_month_total_yen is None:
        return ""
    # FAQ 月間購入上限金額: the numbers that decided the cancellation, for the phone call.
    return _("注文時の月間利用額 {total} + この注文 {order} が上限額 {limit} を超えたため").format(
        total=format_yen(order.decided_month_total_yen),
        order=format_yen(order.total_yen),
        limit=format_yen(order.decided_limit_yen or 0),
    )


def month_orders_model(parent: Any = None) -> RecordsModel[MonthOrderLine]:
    return RecordsModel(
        [
            Field(N_("注文日"), lambda r: format_date(r.order.order_date)),
            Field(N_("注文番号"), lambda r: r.order.order_no),
            Field(N_("金額(税込)"), lambda r: format_yen(r.order.total_yen), _RIGHT),
            Field(N_("累計"), lambda r: "" if r.running_total_yen is None
                  else format_yen(r.running_total_yen), _RIGHT),
            Field(N_("状態"), _status_text, tooltip=_cancel_reason),
        ],
        parent,
    )
