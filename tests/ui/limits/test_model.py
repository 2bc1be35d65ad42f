"""The monthly-limit models on hand-made rows: Qt's model checks, sorting, filtering."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from kaunet_desk.domain.enums import OrderStatus
from kaunet_desk.formatting import format_yen
from kaunet_desk.store.services.customers import LimitChangeRecord
from kaunet_desk.store.services.monthly_limits import MonthUsage, UsageLevel
from kaunet_desk.store.services.orders import OrderRecord
from kaunet_desk.ui.limits.detail_models import (
    limit_changes_model,
    month_order_lines,
    month_orders_model,
)
from kaunet_desk.ui.limits.model import USAGE_ROLE, Column, LimitFilter, LimitsModel, UsageMark

OK, NEAR, REACHED = UsageLevel.OK, UsageLevel.NEAR, UsageLevel.REACHED

USAGE = MonthUsage(
    month=date(2026, 11, 1),
    customer_ids=(11, 12, 13, 14, 15),
    names=("あ商店", "い商店", "う商店", "え商店", "お商店"),
    name_kana=("ア", "イ", "ウ", "エ", "オ"),
    limits_yen=(10_000, 10_000, 10_000, 10_000, 0),
    totals_yen=(0, 8_500, 10_000, 12_000, 0),
    counted_orders=(0, 2, 3, 4, 0),
    cancelled_over_limit=(0, 0, 1, 0, 0),
)
LEVELS = (OK, NEAR, REACHED, REACHED, REACHED)


def _model() -> LimitsModel:
    model = LimitsModel()
    model.set_usage(USAGE, LEVELS)
    return model


def _names(model: LimitsModel) -> list[str]:
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def test_limits_model_passes_qt_checks(qtmodeltester: ModelTester) -> None:
    model = _model()
    qtmodeltester.check(model)
    model.set_filter(LimitFilter.NEAR)
    qtmodeltester.check(model)
    qtmodeltester.check(LimitsModel())  # empty, before the first month arrives


def test_default_order_is_by_usage_most_used_first() -> None:
    model = _model()
    # お商店: nothing bought against a 0 limit sorts as reached (100 %), after う by フリガナ.
    assert _names(model) == ["え商店", "う商店", "お商店", "い商店", "あ商店"]
    model.sort(Column.KANA, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["あ商店", "い商店", "う商店", "え商店", "お商店"]
    model.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    # Equal totals keep フリガナ order in both directions.
    assert _names(model) == ["え商店", "う商店", "い商店", "あ商店", "お商店"]


def test_cells_show_money_marks_and_excess() -> None:
    model = _model()
    model.sort(Column.KANA, Qt.SortOrder.AscendingOrder)
    e = 3  # え商店: 12,000 against 10,000 after a lowered limit
    assert model.index(e, Column.TOTAL).data() == format_yen(12_000)
    assert model.index(e, Column.REMAINING).data() == format_yen(0)
    assert model.index(e, Column.EXCESS).data() == format_yen(2_000)
    assert model.index(e, Column.USAGE).data() == "120.0 % 超過"
    assert model.index(2, Column.USAGE).data() == "100.0 % 上限到達"
    assert model.index(1, Column.USAGE).data() == "85.0 % 注意"
    assert model.index(0, Column.USAGE).data() == "0.0 %"
    assert model.index(0, Column.EXCESS).data() == ""
    assert model.index(4, Column.USAGE).data() == "— 上限到達"
    mark = model.index(e, Column.USAGE).data(USAGE_ROLE)
    assert mark == UsageMark(1200, REACHED, True)
    assert model.index(2, Column.CANCELLED).data() == "1"
    assert model.index(0, Column.CANCELLED).data() == ""


def test_filters_and_search_ids() -> None:
    model = _model()
    model.set_filter(LimitFilter.REACHED)
    assert set(_names(model)) == {"う商店", "え商店", "お商店"}
    model.set_customer_ids(frozenset({13, 99}))
    assert _names(model) == ["う商店"]
    model.set_filter(LimitFilter.ALL)
    assert _names(model) == ["う商店"]
    model.set_customer_ids(None)
    model.set_levels((NEAR, NEAR, REACHED, REACHED, REACHED))
    model.set_filter(LimitFilter.NEAR)
    assert set(_names(model)) == {"あ商店", "い商店"}
    assert model.level_counts()[NEAR] == 2


def _order(no: str, day: int, total: int, status: str, **kw: object) -> OrderRecord:
    values: dict[str, object] = dict(
        id=day, customer_id=1, kaunet_account_id=1, order_no=no,
        order_date=date(2026, 11, day), shipped_on=None, subtotal_10_yen=0, subtotal_8_yen=0,
        total_yen=total, points_used_yen=0, payment="kddi_invoice", other_dealer=False,
        dealer_name="", status=status, decided_month_total_yen=None, decided_limit_yen=None,
    )
    values.update(kw)
    return OrderRecord(**values)  # type: ignore[arg-type]


def test_month_orders_run_a_total_over_the_counted_ones_only(
    qtmodeltester: ModelTester,
) -> None:
    counted = [_order("N1", 1, 3_000, OrderStatus.SHIPPED.value),
               _order("N3", 20, 2_000, OrderStatus.ORDERED.value)]
    refused = [_order("N2", 10, 9_000, OrderStatus.CANCELLED_OVER_LIMIT.value,
                      decided_month_total_yen=3_000, decided_limit_yen=10_000)]
    lines = month_order_lines(counted, refused)
    assert [(line.order.order_no, line.running_total_yen) for line in lines] == [
        ("N1", 3_000), ("N2", None), ("N3", 5_000)]
    model = month_orders_model()
    model.set_rows(lines)
    qtmodeltester.check(model)
    assert model.index(1, 4).data() == "上限超過でキャンセル"
    tip = model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert format_yen(3_000) in tip and format_yen(9_000) in tip and format_yen(10_000) in tip
    assert model.index(0, 4).data() == "発送済"
    assert model.index(2, 3).data() == format_yen(5_000)


def test_limit_log_model(qtmodeltester: ModelTester) -> None:
    model = limit_changes_model()
    model.set_rows([LimitChangeRecord(date(2026, 3, 1), 100_000, 300_000, "増額")])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == [
        "2026/03/01", format_yen(100_000), format_yen(300_000), "増額"]
