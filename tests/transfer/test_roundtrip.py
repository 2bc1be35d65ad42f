"""Export → import gives back the same ledger; XLSX holds the same cells as the CSV."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kaunet_desk.demo import build_demo
from kaunet_desk.store.database import Database
from kaunet_desk.store.models import Customer, KaunetAccount, Order
from kaunet_desk.transfer.export import export
from kaunet_desk.transfer.importer import import_file
from kaunet_desk.transfer.writers import ExportError, cell_text, write_table

LEDGER_FIELDS = ("name", "name_kana", "kind", "disability_discount", "postal_code", "address",
                 "phone", "fax", "contact_person", "email", "invoice_payment",
                 "combined_billing", "monthly_limit_yen", "status", "cancelled_on",
                 "catalogue_stopped_on", "search_text")
ORDER_FIELDS = ("order_no", "order_date", "shipped_on", "subtotal_10_yen", "subtotal_8_yen",
                "total_yen", "points_used_yen", "payment", "other_dealer", "dealer_name",
                "status")


def customer_ledger(db: Database) -> list[tuple]:
    with db.unit_of_work() as session:
        customers = session.scalars(select(Customer).order_by(Customer.id)).all()
        return [(tuple(getattr(c, f) for f in LEDGER_FIELDS),
                 tuple((a.kaunet_id, a.application_status) for a in c.accounts))
                for c in customers]


def order_ledger(db: Database) -> list[tuple]:
    with db.unit_of_work() as session:
        rows = session.execute(
            select(KaunetAccount.kaunet_id, *(getattr(Order, f) for f in ORDER_FIELDS))
            .join(KaunetAccount, KaunetAccount.id == Order.kaunet_account_id).order_by(Order.id))
        return [tuple(r) for r in rows]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    build_demo(db, customers=150, orders=1500, seed=11, today=date(2026, 3, 1))
    return db


def test_customers_and_orders_round_trip_through_cp932_csv(demo: Database, tmp_path: Path) -> None:
    customers_csv, orders_csv = tmp_path / "customers.csv", tmp_path / "orders.csv"
    assert export(demo, "customers", customers_csv) == 150
    assert export(demo, "orders", orders_csv) == 1500
    customers_csv.read_bytes().decode("cp932")  # really cp932
    empty = Database.open(tmp_path / "empty.sqlite")
    first = import_file(empty, "customers", customers_csv)
    assert first.ok and first.imported == 150, first.errors[:3]
    second = import_file(empty, "orders", orders_csv)
    assert second.ok and second.imported == 1500, second.errors[:3]
    assert customer_ledger(empty) == customer_ledger(demo)
    assert order_ledger(empty) == order_ledger(demo)
    empty.close()


def test_xlsx_holds_the_same_cells_as_the_csv(demo: Database, tmp_path: Path) -> None:
    export(demo, "customers", tmp_path / "c.csv")
    export(demo, "customers", tmp_path / "c.xlsx")
    with (tmp_path / "c.csv").open(encoding="cp932", newline="") as handle:
        from_csv = list(csv.reader(handle))
    sheet = load_workbook(tmp_path / "c.xlsx", read_only=True).active
    width = len(from_csv[0])  # read-only openpyxl drops trailing empty cells
    from_xlsx = [[cell_text(v.date() if hasattr(v, "date") else v) for v in row]
                 + [""] * (width - len(row)) for row in sheet.iter_rows(values_only=True)]
    assert from_xlsx == from_csv


def test_export_never_silently_changes_a_character(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    with pytest.raises(ExportError, match="3 行目の「名前」にある「𠮷」"):
        write_table(out, ["名前"], [["髙橋"], ["𠮷野家"]])
    assert not out.exists() and list(tmp_path.iterdir()) == []
    write_table(out, ["名前"], [["髙橋"], ["𠮷野家"]], encoding="utf-8-sig")
    assert out.read_text(encoding="utf-8-sig").splitlines()[2] == "𠮷野家"


def test_xlsx_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    write_table(out, ["名前", "日付", "金額"], [["=1+1", date(2026, 2, 28), 1200]])
    sheet = load_workbook(out).active
    cell = sheet["A2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert sheet["B2"].number_format == "yyyy/mm/dd" and sheet["C2"].value == 1200
