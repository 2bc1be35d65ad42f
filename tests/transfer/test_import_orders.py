"""Importing orders: totals from the domain, statuses kept, every problem, duplicates,
all-or-nothing, cancel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kaunet_desk.domain import order_total_yen
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import AuditEntry, Order
from kaunet_desk.transfer.columns import ORDER_COLUMNS
from kaunet_desk.transfer.importer import ImportCancelled, import_file
from kaunet_desk.transfer.mapping import guess_mapping
from kaunet_desk.transfer.order_rows import OrderChecker
from kaunet_desk.transfer.reader import SourceRecord
from tests.transfer.files import ORDER_HEADER, add_customer, count, order_row, write_csv


@pytest.fixture
def ledger(db: Database) -> Database:
    add_customer(db, ["K000000001", "K000000002"])
    return db


def test_orders_keep_the_status_given_and_totals_come_from_the_domain(
    ledger: Database, tmp_path: Path
) -> None:
    rows = [
        order_row(order_no="1", **{"小計(10%)": "1,000", "小計(8%)": "555"}),
        # Limit rules are not applied on import: the status of the file is kept.
        order_row(order_no="2", **{"状態": "上限超過キャンセル", "発送日": "",
                                   "小計(10%)": "9999999"}),
        order_row(order_no="3", **{"状態": "", "発送日": ""}),  # derived: 受注
        order_row("k000000002", "4", **{"支払方法": "カード", "他販売店": "はい",
                                        "販売店名": "ｶｳﾈｯﾄ商会", "ポイント利用": "100"}),
        order_row(order_no="A-5", **{"注文日": "2026年2月1日", "発送日": "２０２６/２/３"}),
    ]
    path = write_csv(tmp_path / "o.csv", ORDER_HEADER, rows)
    result = import_file(ledger, "orders", path)
    assert result.ok and result.imported == 5, result.errors
    with ledger.unit_of_work() as session:
        orders = {o.order_no: o for o in session.scalars(select(Order))}
    assert orders["1"].total_yen == order_total_yen(1000, 555) == 1000 + 100 + 555 + 44
    assert orders["2"].status == "cancelled_over_limit" and orders["2"].decided_limit_yen is None
    assert orders["3"].status == "ordered" and orders["3"].shipped_on is None
    fourth = orders["4"]
    assert (fourth.payment, fourth.other_dealer, fourth.dealer_name, fourth.points_used_yen) == (
        "card", True, "カウネット商会", 100)
    assert str(orders["A-5"].order_date) == "2026-02-01"
    assert str(orders["A-5"].shipped_on) == "2026-02-03"


def test_every_problem_is_reported_and_nothing_written(ledger: Database, tmp_path: Path) -> None:
    rows = [
        order_row(order_no="1"),  # 2 valid
        order_row("K404", "2"),  # 3
        order_row(order_no="3", **{"注文日": "2026-02-30"}),  # 4
        order_row(order_no="4", **{"小計(10%)": "-100"}),  # 5
        order_row(order_no="5", **{"小計(8%)": "千円"}),  # 6
        order_row(order_no="6")[:-1],  # 7: a column short
        [*order_row(order_no="7"), "余分"],  # 8: a column too many
        order_row(order_no="1"),  # 9: row 2 again
        order_row(order_no="x" * 41),  # 10: longer than String(40)
        order_row(order_no="9", **{"発送日": "2026/02/01"}),  # 11: shipped before ordered
        order_row(order_no="10", **{"状態": "発送済", "発送日": ""}),  # 12
        order_row(order_no="11", **{"ポイント利用": "999999"}),  # 13
        order_row(order_no="12", **{"支払方法": "現金"}),  # 14
        order_row(order_no="", **{"注文日": ""}),  # 15: two problems in one row
    ]
    path = write_csv(tmp_path / "o.csv", ORDER_HEADER, rows)
    result = import_file(ledger, "orders", path)
    found = {(e.row_no, e.column, e.reason) for e in result.errors}
    assert found == {
        (3, "カウネットID", "unknown_kaunet_id"), (4, "注文日", "invalid_date"),
        (5, "小計(10%)", "negative"), (6, "小計(8%)", "not_a_number"),
        (7, "", "column_count"), (8, "", "column_count"), (9, "注文番号", "duplicate_in_file"),
        (10, "注文番号", "too_long"), (11, "発送日", "shipped_before_order"),
        (12, "発送日", "shipped_without_date"), (13, "ポイント利用", "points_over_total"),
        (14, "支払方法", "unknown_choice"), (15, "注文番号", "required"),
        (15, "注文日", "required"),
    }
    assert [e.row_no for e in result.errors] == sorted(e.row_no for e in result.errors)
    assert result.rejected_rows == 13 and result.error_count == 14
    assert result.imported == 0 and count(ledger, "orders") == 0


def test_orders_already_in_the_ledger_are_reported_not_doubled(
    ledger: Database, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "a.csv", ORDER_HEADER, [order_row(order_no="1")])
    assert import_file(ledger, "orders", first).imported == 1
    second = write_csv(tmp_path / "b.csv", ORDER_HEADER,
                       [order_row(order_no="2"), order_row(order_no="1"), order_row(order_no="3")])
    refused = import_file(ledger, "orders", second)
    assert [(e.row_no, e.reason) for e in refused.errors] == [(3, "duplicate_order")]
    assert count(ledger, "orders") == 1  # all-or-nothing: 2 and 3 not written either
    partial = import_file(ledger, "orders", second, valid_only=True)
    assert (partial.imported, partial.rejected_rows) == (2, 1)
    with ledger.unit_of_work() as session:
        assert sorted(session.scalars(select(Order.order_no))) == ["1", "2", "3"]
        audits = session.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "import"))
        assert [json.loads(c)["imported"][1] for c in audits] == [1, 2]


def test_dry_run_finds_ledger_duplicates_and_writes_nothing(
    ledger: Database, tmp_path: Path
) -> None:
    import_file(ledger, "orders", write_csv(tmp_path / "a.csv", ORDER_HEADER, [order_row()]))
    path = write_csv(tmp_path / "b.csv", ORDER_HEADER,
                     [order_row(order_no="new"), order_row(order_no="1001")])
    result = import_file(ledger, "orders", path, dry_run=True)
    assert [e.reason for e in result.errors] == ["duplicate_order"]
    assert result.rows_valid == 1 and count(ledger, "orders") == 1


def test_cancel_rolls_back_everything(ledger: Database, tmp_path: Path) -> None:
    rows = [order_row(order_no=str(n)) for n in range(45_000)]
    path = write_csv(tmp_path / "o.csv", ORDER_HEADER, rows)
    seen: list[int] = []

    def cancelled() -> bool:
        return bool(seen) and seen[-1] >= 41_000  # after two chunks were written

    with pytest.raises(ImportCancelled):
        import_file(ledger, "orders", path, progress=lambda rows, *_: seen.append(rows),
                    cancelled=cancelled)
    assert max(seen) >= 41_000
    assert count(ledger, "orders") == 0 and count(ledger, "audit_log") == 1


def test_fast_path_and_thorough_path_agree(ledger: Database) -> None:
    header = [c.header for c in ORDER_COLUMNS]
    with ledger.engine.connect() as connection:
        accounts = {k: (a, c) for k, a, c in connection.exec_driver_sql(
            "SELECT kaunet_id, id, customer_id FROM kaunet_accounts")}
    rows = [
        ["K000000001", "名", "1", "2026/02/10", "2026/02/12", "1000", "500", "1640", "0",
         "KDDI請求書", "いいえ", "", "発送済"],
        ["K000000002", "名", "2", "2026-02-10", "", "0", "0", "", "", "", "", "ABC", ""],
        ["K000000002", "名", "3", "2026/02/10", "", "7", "", "7", "7", "カード", "はい", "",
         "キャンセル"],
    ]
    for number, cells in enumerate(rows, start=2):
        fast = OrderChecker(header, guess_mapping(header, ORDER_COLUMNS), accounts)
        thorough = OrderChecker(header, guess_mapping(header, ORDER_COLUMNS), accounts)
        via_fast = fast._canonical(list(cells))
        assert via_fast is not None
        errors: list = []
        assert thorough.check_thoroughly(SourceRecord(number, list(cells)), errors) == via_fast
        assert errors == []
