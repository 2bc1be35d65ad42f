"""The lazy table model: Qt's model contract, paging, and what a row shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from kaunet_desk.store.database import Database
from kaunet_desk.store.services import customers as svc
from kaunet_desk.store.services.customer_list import customer_ids, customer_rows
from kaunet_desk.ui.customers.model import CUSTOMER_ID_ROLE, CustomerTableModel


def _model(db: Database) -> CustomerTableModel:
    model = CustomerTableModel(lambda ids: customer_rows(db, ids))
    model.set_ids(customer_ids(db))
    return model


def test_the_model_keeps_qts_contract(qtmodeltester, db: Database,
                                      people: dict[str, int]) -> None:
    qtmodeltester.check(_model(db))


def test_an_empty_model_keeps_qts_contract(qtmodeltester) -> None:
    qtmodeltester.check(CustomerTableModel())


def test_a_row_shows_the_ledger_in_gojuon_order(db: Database, people: dict[str, int]) -> None:
    svc.stop_catalogue(db, people["tanaka"], date(2026, 10, 1))
    svc.cancel_customer(db, people["yamada"], date(2026, 11, 1))
    model = _model(db)
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == ["フリガナ", "お客さま名", "区分", "電話番号", "FAX",
                       "メール (My KDDI Biz ID)", "月間購入上限", "状態"]
    assert [row[0] for row in shown] == ["サクラインサツ", "サトウブングテン",
                                         "タナカゼイリシジムショ", "ヤマダショウジ"]
    assert shown[1][1:7] == ["佐藤文具店", "個人事業主", "06-1234-5678", "",
                             "sato@bungu.example.jp", "￥300,000"]
    assert shown[2][7] == "契約中・カタログ停止 2026/10/01"
    assert shown[3][7] == "解約 2026/11/01"
    assert model.index(3, 0).data(CUSTOMER_ID_ROLE) == people["yamada"]
    # Cancelled customers are dimmed, the others use the normal text colour.
    assert model.index(3, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_rows_are_fetched_a_page_at_a_time_and_only_once() -> None:
    asked: list[list[int]] = []

    def fetch(ids: list[int]) -> dict:
        asked.append(ids)
        return {}

    model = CustomerTableModel(fetch)
    model.set_ids(range(1, 1001))
    model.index(0, 0).data()
    model.index(5, 3).data()
    model.index(450, 1).data()
    assert [(a[0], len(a)) for a in asked] == [(1, 200), (401, 200)]
    assert model.row_of(451) == 450 and model.row_of(5000) is None


def test_the_cache_stays_small() -> None:
    model = CustomerTableModel(lambda ids: {})
    model.set_ids(range(100_000))
    for row in range(0, 100_000, 200):
        model.index(row, 0).data()
    assert model.pages_fetched == 500
    model.index(0, 0).data()  # evicted long ago: fetched again
    assert model.pages_fetched == 501
