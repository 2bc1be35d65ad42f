"""The lazy history model: ids only, rows a page at a time, a bounded cache."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kaunet_desk.domain.enums import HistoryVisibility
from kaunet_desk.store.services.purchase_history import HistoryRow
from kaunet_desk.ui.purchases.columns import COLUMNS, column_index
from kaunet_desk.ui.purchases.model import ROW_ROLE, PurchaseHistoryModel
from kaunet_desk.ui.purchases.view import PurchasesTab


def fake_row(order_id: int) -> HistoryRow:
    shipped = order_id % 3 != 0
    return HistoryRow(
        id=order_id, customer_id=1, customer_name="株式会社テスト", kaunet_id="K1",
        order_no=f"N{order_id}", order_date=date(2026, 10, 1), shipped_on=None,
        subtotal_10_yen=1000, subtotal_8_yen=0, tax_10_yen=100, tax_8_yen=0, total_yen=1100,
        points_used_yen=0, payment="kddi_invoice", other_dealer=False, dealer_name="",
        status="shipped" if shipped else "ordered",
        visibility=HistoryVisibility.VISIBLE if shipped else HistoryVisibility.NOT_SHIPPED,
        reflection_on=date(2026, 10, 5) if shipped else None,
        billing_month=date(2026, 12, 1) if shipped else None,
        decided_month_total_yen=None, decided_limit_yen=None,
    )


class CountingFetch:
    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def __call__(self, ids: list[int]) -> dict[int, HistoryRow]:
        self.calls.append(list(ids))
        return {i: fake_row(i) for i in ids}


def test_model_passes_the_model_tester_on_the_real_tab(qtmodeltester, tab: PurchasesTab) -> None:
    assert tab.model.rowCount() == 7
    qtmodeltester.check(tab.model)


def test_model_passes_the_model_tester_with_many_rows(qtmodeltester) -> None:
    model = PurchaseHistoryModel(CountingFetch())
    model.set_ids(range(1, 451))
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time_and_the_cache_is_bounded() -> None:
    fetch = CountingFetch()
    model = PurchaseHistoryModel(fetch)
    ids = list(range(10_000, 0, -1))
    model.set_ids(ids)
    assert fetch.calls == []  # nothing until a row is asked for

    column = column_index("order_no")
    assert model.index(0, column).data() == "N10000"
    assert model.index(199, column).data() == "N9801"
    assert fetch.calls == [ids[:200]]
    assert model.index(200, column).data() == "N9800"
    assert len(fetch.calls) == 2 and fetch.calls[1] == ids[200:400]

    for row in range(0, 10_000, 200):  # every page once
        model.index(row, column).data()
    assert len(model._pages) <= PurchaseHistoryModel.MAX_PAGES
    asked = len(fetch.calls)
    model.index(9_999, column).data()  # the last page is still cached
    assert len(fetch.calls) == asked


def test_data_by_role() -> None:
    model = PurchaseHistoryModel(CountingFetch())
    model.set_ids([3, 2])  # 3 is not shipped, 2 is
    visibility = column_index("visibility")
    assert model.index(0, visibility).data() == "未発送"
    assert model.index(1, visibility).data() == "表示"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "未発送" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(ROW_ROLE).id == 2
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 2
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))]
    assert headers[0] == "注文番号" and "My KDDI Biz\n表示" in headers


def test_the_rest_of_the_ids_is_appended_without_a_reset(qtbot: QtBot) -> None:
    model = PurchaseHistoryModel(CountingFetch())
    ids = list(range(1000, 0, -1))
    model.set_ids(ids[:200])
    model.index(0, 0).data()
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        model.extend_ids(ids)
    assert model.rowCount() == 1000
    assert model.index(999, 0).data() == "N1"

    # A new order arrived between the two queries: the prefix differs, so a reset.
    with qtbot.waitSignal(model.modelReset):
        model.extend_ids([1001, *ids])
    assert model.index(0, 0).data() == "N1001"


def test_a_failing_fetch_leaves_blank_cells_not_a_crash(caplog) -> None:
    def broken(ids: list[int]) -> dict[int, HistoryRow]:
        raise RuntimeError("database is locked")

    model = PurchaseHistoryModel(broken)
    model.set_ids([1, 2])
    assert model.index(0, 0).data() is None
    assert "failed" in caplog.text
