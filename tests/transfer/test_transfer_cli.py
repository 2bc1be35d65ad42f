"""``import`` / ``export`` on the command line: exit codes, sentences on stderr, files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kaunet_desk.store.database import Database
from kaunet_desk.transfer.cli import main
from tests.transfer.files import (
    CUSTOMER_HEADER,
    ORDER_HEADER,
    add_customer,
    count,
    customer_row,
    order_row,
    write_csv,
)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    db = Database.open(path)
    add_customer(db, ["K000000001"])
    db.close()
    return path


def orders_in(path: Path) -> int:
    db = Database.open(path)
    try:
        return count(db, "orders")
    finally:
        db.close()


def test_import_exit_codes_and_errors_on_stderr(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    good = write_csv(tmp_path / "good.csv", ORDER_HEADER, [order_row(order_no="1")])
    assert main(["import", "orders", str(good), "--db", str(ledger)]) == 0
    assert "1 行を取り込みました" in capsys.readouterr().out
    bad = write_csv(tmp_path / "bad.csv", ORDER_HEADER,
                    [order_row(order_no="2"), order_row(order_no="3", **{"注文日": "2026-02-30"})])
    assert main(["import", "orders", str(bad), "--db", str(ledger)]) == 1
    err = capsys.readouterr().err
    assert "3 行目「注文日」 '2026-02-30': 日付として正しくありません" in err
    assert "Traceback" not in err and orders_in(ledger) == 1
    assert main(["import", "orders", str(bad), "--db", str(ledger), "--valid-only"]) == 1
    assert orders_in(ledger) == 2
    assert main(["import", "orders", str(good), "--db", str(ledger), "--dry-run"]) == 1
    assert "すでに登録されています" in capsys.readouterr().err


def test_unusable_input_is_a_sentence_with_exit_2(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["import", "orders", str(tmp_path / "none.csv"), "--db", str(ledger)]) == 2
    assert "ファイルがありません" in capsys.readouterr().err
    no_id = write_csv(tmp_path / "x.csv", ["注文番号", "注文日"], [["1", "2026/1/1"]])
    assert main(["import", "orders", str(no_id), "--db", str(ledger)]) == 2
    assert "「カウネットID」" in capsys.readouterr().err
    utf8 = write_csv(tmp_path / "u.csv", ORDER_HEADER, [order_row(**{"販売店名": "髙"})], "utf-8")
    # UTF-8 read as cp932 (the override is wrong): the header itself is unreadable.
    assert main(["import", "orders", str(utf8), "--db", str(ledger), "--encoding", "sjis"]) == 2
    assert "文字コードを確認してください" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["import", "orders", str(utf8), "--encoding", "latin-1"])
    assert main(["export", "orders", "--db", str(tmp_path / "nope.sqlite"),
                 "--out", str(tmp_path / "o.csv")]) == 2


def test_export_every_kind_in_both_formats(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from kaunet_desk.demo import build_demo

    path = tmp_path / "demo.sqlite"
    db = Database.open(path)
    build_demo(db, customers=40, orders=400, seed=5, today=date(2026, 3, 10))
    db.close()
    for what in ("customers", "orders", "limits", "fax"):
        for out, encoding in ((f"{what}.csv", "cp932"), (f"{what}-u.csv", "utf-8-sig"),
                              (f"{what}.xlsx", "cp932")):
            args = ["export", what, "--db", str(path), "--out", str(tmp_path / out),
                    "--encoding", encoding, "--month", "2026-02", "--today", "2026-03-10"]
            assert main(args) == 0, capsys.readouterr().err
            assert (tmp_path / out).stat().st_size > 0
    assert (tmp_path / "orders-u.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    limits = (tmp_path / "limits.csv").read_bytes().decode("cp932").splitlines()
    assert limits[0].startswith("月,顧客名") and len(limits) == 41
    assert all(line.startswith("2026/02,") for line in limits[1:])


def test_customers_then_orders_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    ledger = tmp_path / "new.sqlite"
    customers = write_csv(tmp_path / "c.csv", CUSTOMER_HEADER, [customer_row()])
    assert main(["import", "customers", str(customers), "--db", str(ledger)]) == 0
    orders = write_csv(tmp_path / "o.csv", ORDER_HEADER, [order_row()])
    assert main(["import", "orders", str(orders), "--db", str(ledger)]) == 0
    assert orders_in(ledger) == 1
