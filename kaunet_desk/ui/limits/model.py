"""The month's usage table: every customer's total against their limit (FAQ 月間購入上限金額).

The model holds the month's columns (store.services.monthly_limits.MonthUsage, a few
tuples of 100,000 ints and short strings — a few MB) and a list of row indexes: the
current filter and sort. Sorting and filtering by usage need every row's total and
limit anyway, so fetching them a page at a time would not save anything; a sorted
permutation per column is cached so a filter change is one pass over a list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kaunet_desk.formatting import format_number, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.monthly_limits import MonthUsage, UsageLevel

Index = QModelIndex | QPersistentModelIndex
USAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # UsageMark for the bar delegate
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class LimitFilter(StrEnum):
    ALL = "all"
    NEAR = "near"  # 注意: warning share reached, limit not yet
    REACHED = "reached"  # 上限到達: total ≥ limit


@dataclass(frozen=True)
class UsageMark:
    """What the bar shows: share used (‰, None for a 0 limit), level, beyond the limit."""

    permille: int | None
    level: UsageLevel
    over: bool

    def text(self) -> str:
        percent = "—" if self.permille is None else f"{self.permille / 10:.1f} %"
        mark = usage_mark_text(self.level, self.over)
        return f"{percent} {mark}" if mark else percent


def usage_mark_text(level: UsageLevel, over: bool) -> str:
    # Said in words as well as colour (the bar's colour alone is not enough).
    if over:
        return _("超過")
    if level is UsageLevel.REACHED:
        return _("上限到達")
    if level is UsageLevel.NEAR:
        return _("注意")
    return ""


class Column(IntEnum):
    NAME = 0
    KANA = 1
    TOTAL = 2
    LIMIT = 3
    REMAINING = 4
    EXCESS = 5
    USAGE = 6
    COUNTED = 7
    CANCELLED = 8


@dataclass(frozen=True)
class ColumnSpec:
    title: str  # N_(): translated when shown
    tooltip: str
    width: int
    alignment: Qt.AlignmentFlag
    text: Callable[[MonthUsage, int], str]
    sort_key: Callable[[MonthUsage, int], Any]


def _usage_key(u: MonthUsage, i: int) -> float:
    limit = u.limits_yen[i]
    if limit == 0:
        return float("inf") if u.totals_yen[i] else 1.0
    return u.totals_yen[i] / limit


def _excess_text(u: MonthUsage, i: int) -> str:
    excess = u.totals_yen[i] - u.limits_yen[i]
    return format_yen(excess) if excess > 0 else ""


COLUMNS: dict[Column, ColumnSpec] = {
    Column.NAME: ColumnSpec(
        N_("お客さま"), "", 230, _LEFT,
        lambda u, i: u.names[i], lambda u, i: u.names[i]),
    Column.KANA: ColumnSpec(
        N_("フリガナ"), "", 150, _LEFT,
        lambda u, i: u.name_kana[i], lambda u, i: u.name_kana[i]),
    Column.TOTAL: ColumnSpec(
        N_("利用額(税込)"),
        N_("KDDI 請求書払いの注文の合計(注文日の月、キャンセル分・カード払いを除く)"), 110, _RIGHT,
        lambda u, i: format_yen(u.totals_yen[i]), lambda u, i: u.totals_yen[i]),
    Column.LIMIT: ColumnSpec(
        N_("上限額"), N_("その月の末日に有効だった月間購入上限金額"), 100, _RIGHT,
        lambda u, i: format_yen(u.limits_yen[i]), lambda u, i: u.limits_yen[i]),
    Column.REMAINING: ColumnSpec(
        N_("残り"), N_("上限額 − 利用額(0 円未満にはなりません)"), 100, _RIGHT,
        lambda u, i: format_yen(max(u.limits_yen[i] - u.totals_yen[i], 0)),
        lambda u, i: max(u.limits_yen[i] - u.totals_yen[i], 0)),
    Column.EXCESS: ColumnSpec(
        N_("超過額"), N_("上限額を超えた分(上限額が月の途中で下がった場合に生じます)"), 90, _RIGHT,
        _excess_text, lambda u, i: u.totals_yen[i] - u.limits_yen[i]),
    Column.USAGE: ColumnSpec(
        N_("利用率"), N_("上限額に対する利用額の割合。注意・上限到達・超過は文字でも示します"),
        170, _LEFT, lambda u, i: "", _usage_key),
    Column.COUNTED: ColumnSpec(
        N_("注文数"), N_("上限に数えた注文の件数"), 70, _RIGHT,
        lambda u, i: format_number(u.counted_orders[i]), lambda u, i: u.counted_orders[i]),
    Column.CANCELLED: ColumnSpec(
        N_("超過キャンセル"), N_("この月に月間購入上限金額の超過でキャンセルされた注文の件数"),
        100, _RIGHT,
        lambda u, i: format_number(u.cancelled_over_limit[i]) if u.cancelled_over_limit[i] else "",
        lambda u, i: u.cancelled_over_limit[i]),
}


def _empty_usage() -> MonthUsage:
    return MonthUsage(date.min, (), (), (), (), (), (), ())


class LimitsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._usage = _empty_usage()
        self._levels: tuple[UsageLevel, ...] = ()
        self._filter = LimitFilter.ALL
        self._ids: frozenset[int] | None = None  # search result, None: no search
        self._sort: tuple[Column, Qt.SortOrder] = (Column.USAGE, Qt.SortOrder.DescendingOrder)
        self._sorted: dict[tuple[Column, Qt.SortOrder], list[int]] = {}
        self._rows: list[int] = []

    # -- feeding ---------------------------------------------------------------------
    def set_usage(self, usage: MonthUsage, levels: tuple[UsageLevel, ...]) -> None:
        if len(levels) != len(usage):
            raise ValueError("one level per customer")
        self._usage = usage
        self._levels = levels
        self._sorted.clear()
        self._refilter()

    def set_levels(self, levels: tuple[UsageLevel, ...]) -> None:
        """A new warning share: same rows, new marks, maybe a new NEAR set."""
        if len(levels) != len(self._usage):
            raise ValueError("one level per customer")
        self._levels = levels
        self._refilter()

    def set_filter(self, which: LimitFilter) -> None:
        self._filter = LimitFilter(which)
        self._refilter()

    def set_customer_ids(self, ids: frozenset[int] | None) -> None:
        self._ids = ids
        self._refilter()

    # -- reading ---------------------------------------------------------------------
    def usage(self) -> MonthUsage:
        return self._usage

    def level_counts(self) -> Counter[UsageLevel]:
        return Counter(self._levels)

    def source_index(self, row: int) -> int:
        return self._rows[row]

    def customer_id(self, row: int) -> int:
        return self._usage.customer_ids[self._rows[row]]

    def row_of_customer(self, customer_id: int) -> int | None:
        for row, i in enumerate(self._rows):
            if self._usage.customer_ids[i] == customer_id:
                return row
        return None

    def mark(self, source: int) -> UsageMark:
        u = self._usage
        limit, total = u.limits_yen[source], u.totals_yen[source]
        permille = None if limit == 0 else total * 1000 // limit
        return UsageMark(permille, self._levels[source], total > limit)

    # -- Qt --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        source = self._rows[index.row()]
        column = Column(index.column())
        spec = COLUMNS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.USAGE:
                return self.mark(source).text()
            return spec.text(self._usage, source)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.alignment)
        if role == USAGE_ROLE and column is Column.USAGE:
            return self.mark(source)
        if role == CUSTOMER_ID_ROLE:
            return self._usage.customer_ids[source]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        spec = COLUMNS[Column(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(spec.title)
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip:
            return _(spec.tooltip)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(spec.alignment)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (Column(column), order)
        self._refilter()

    def sort_state(self) -> tuple[Column, Qt.SortOrder]:
        return self._sort

    # -- filter and sort -------------------------------------------------------------
    def _permutation(self) -> list[int]:
        cached = self._sorted.get(self._sort)
        if cached is None:
            column, order = self._sort
            key = COLUMNS[column].sort_key
            u = self._usage
            keys = [key(u, i) for i in range(len(u))]
            # Stable in both directions: ties keep フリガナ order.
            cached = sorted(
                range(len(u)), key=keys.__getitem__,
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
            self._sorted[self._sort] = cached
        return cached

    def _refilter(self) -> None:
        self.beginResetModel()
        wanted = {
            LimitFilter.ALL: None,
            LimitFilter.NEAR: UsageLevel.NEAR,
            LimitFilter.REACHED: UsageLevel.REACHED,
        }[self._filter]
        levels, ids, customer_ids = self._levels, self._ids, self._usage.customer_ids
        self._rows = [
            i for i in self._permutation()
            if (wanted is None or levels[i] is wanted)
            and (ids is None or customer_ids[i] in ids)
        ]
        self.endResetModel()
