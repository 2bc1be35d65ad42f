"""Writing test CSV files byte for byte, and reading the ledger back for comparison."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import CustomerDraft, create_customer

CUSTOMER_HEADER = [
    "顧客名", "フリガナ", "区分", "郵便番号", "住所", "電話番号", "FAX番号", "担当者",
    "メールアドレス", "支払方法", "まとめて請求", "月間購入上限金額", "カウネットID",
]
ORDER_HEADER = [
    "カウネットID", "注文番号", "注文日", "発送日", "小計(10%)", "小計(8%)", "ポイント利用",
    "支払方法", "他販売店", "販売店名", "状態",
]


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]],
              encoding: str = "cp932") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def customer_row(name: str = "株式会社テスト", kana: str = "テスト", phone: str = "03-1234-5678",
                 kaunet_ids: str = "K000000001", **changes: str) -> list[str]:
    values = {
        "顧客名": name, "フリガナ": kana, "区分": "法人", "郵便番号": "100-0001",
        "住所": "東京都千代田区千代田1-1", "電話番号": phone, "FAX番号": "",
        "担当者": "山田 太郎", "メールアドレス": "info@example.co.jp", "支払方法": "口座振替",
        "まとめて請求": "はい", "月間購入上限金額": "300000", "カウネットID": kaunet_ids,
    } | changes
    return [values[h] for h in CUSTOMER_HEADER]


def order_row(kaunet_id: str = "K000000001", order_no: str = "1001", **changes: str) -> list[str]:
    values = {
        "カウネットID": kaunet_id, "注文番号": order_no, "注文日": "2026/02/10",
        "発送日": "2026/02/12", "小計(10%)": "1000", "小計(8%)": "500", "ポイント利用": "0",
        "支払方法": "KDDI請求書", "他販売店": "いいえ", "販売店名": "", "状態": "発送済",
    } | changes
    return [values[h] for h in ORDER_HEADER]


def add_customer(db: Database, kaunet_ids: Sequence[str] = ("K000000001",),
                 name: str = "株式会社既存", phone: str = "06-1234-5678") -> int:
    draft = CustomerDraft(name=name, name_kana="キゾン", kind="corporate",
                          invoice_payment="bank_debit", monthly_limit_yen=100_000,
                          phone=phone, email="kizon@example.jp")
    return create_customer(db, draft, list(kaunet_ids)).id


def table_digest(path: Path) -> str:
    """sha256 over every row of every table, in a fixed order: equal ⇔ same contents."""
    digest = hashlib.sha256()
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
