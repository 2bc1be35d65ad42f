"""The four exports of ``kaunet-desk export``: customers, orders, limits, fax.

customers and orders write exactly the import columns (columns.py), so an exported file
imports again unchanged. limits is the month's KDDI-invoice total against each customer's
limit (FAQ 月間購入上限金額, the 上限 tab's numbers); fax is the list of dealer-change FAX
requests with their state (FAQ 販売店について). Amounts are plain integers and dates
2026/02/28: data for Excel, not formatted text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kaunet_desk.domain.dealer_change import DealerChangeState
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.monthly_limits import (
    UsageLevel,
    month_usage,
    office_warning_pct,
    usage_levels,
)
from kaunet_desk.transfer import queries
from kaunet_desk.transfer import vocabulary as words
from kaunet_desk.transfer.columns import CUSTOMER_COLUMNS, ORDER_COLUMNS
from kaunet_desk.transfer.encoding import CP932
from kaunet_desk.transfer.writers import Progress, write_table

WHATS = ("customers", "orders", "limits", "fax")

LIMIT_HEADERS = (
    "月", "顧客名", "フリガナ", "月間購入上限金額", "当月合計(税込)", "残り", "超過",
    "対象注文数", "上限超過キャンセル数", "状況",
)
_LEVEL_WORDS = {UsageLevel.OK: "", UsageLevel.NEAR: "注意", UsageLevel.REACHED: "上限到達"}
FAX_HEADERS = (
    "顧客名", "カウネットID", "FAX送付日", "返送期限", "返送日", "状態", "変更月",
    "メール確認日", "ロゴ確認日",
)
_STATE_WORDS = {
    DealerChangeState.WAITING: "待ち", DealerChangeState.RETURNED: "返送済",
    DealerChangeState.EXPIRED: "期限切れ", DealerChangeState.EFFECTIVE: "変更完了",
}
SHEET_NAMES = {
    "customers": N_("お客さま"), "orders": N_("注文"), "limits": N_("月間購入上限"),
    "fax": N_("販売店変更FAX"),
}


def customer_table(db: Database) -> Iterator[list[object]]:
    for values, accounts in queries.customers(db):
        cells = dict(values)
        cells["kind"] = words.KIND.word.get(str(values["kind"]), values["kind"])
        cells["invoice_payment"] = words.INVOICE_PAYMENT.word.get(
            str(values["invoice_payment"]), values["invoice_payment"])
        cells["status"] = words.CUSTOMER_STATUS.word.get(str(values["status"]), values["status"])
        cells["disability_discount"] = bool(values["disability_discount"])
        cells["combined_billing"] = bool(values["combined_billing"])
        cells["kaunet_ids"] = words.ID_JOINER.join(kaunet_id for kaunet_id, _ in accounts)
        cells["kaunet_statuses"] = words.ID_JOINER.join(
            words.APPLICATION_STATUS.word.get(status, status) for _, status in accounts)
        yield [cells[column.key] for column in CUSTOMER_COLUMNS]


def order_table(db: Database) -> Iterator[list[object]]:
    payment, status = words.PAYMENT.word, words.ORDER_STATUS.word
    for row in queries.orders(db):
        values = list(row)
        values[9] = payment.get(values[9], values[9])
        values[10] = bool(values[10])
        values[12] = status.get(values[12], values[12])
        yield values


def limit_table(db: Database, month: date) -> Iterator[list[object]]:
    usage = month_usage(db, month)
    levels = usage_levels(usage, office_warning_pct(db, usage.month))
    for index in range(len(usage)):
        row = usage.row(index)
        yield [
            f"{usage.month.year}/{usage.month.month:02d}", row.name, row.name_kana,
            row.limit_yen, row.total_yen, row.remaining_yen, row.excess_yen,
            row.counted_orders, row.cancelled_over_limit, _LEVEL_WORDS[levels[index]],
        ]


def fax_table(db: Database, today: date) -> Iterator[list[object]]:
    for row in queries.dealer_change_rows(db):
        yield [
            row.customer_name, row.kaunet_id, row.fax_sent_on, row.deadline, row.returned_on,
            _STATE_WORDS[row.state(today)],
            None if row.effective_month is None
            else f"{row.effective_month.year}/{row.effective_month.month:02d}",
            row.notification_seen_on, row.logo_confirmed_on,
        ]


def export(
    db: Database,
    what: str,
    out: str | Path,
    *,
    encoding: str = CP932,
    month: date | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write one export to ``out`` (.xlsx by extension); returns the number of rows."""
    today = today or date.today()
    if what == "customers":
        headers, rows = [c.header for c in CUSTOMER_COLUMNS], customer_table(db)
    elif what == "orders":
        headers, rows = [c.header for c in ORDER_COLUMNS], order_table(db)
    elif what == "limits":
        headers, rows = list(LIMIT_HEADERS), limit_table(db, month or today)
    elif what == "fax":
        headers, rows = list(FAX_HEADERS), fax_table(db, today)
    else:
        raise ValueError(f"unknown export {what!r}")
    return write_table(out, headers, rows, encoding=encoding, sheet=_(SHEET_NAMES[what]),
                       progress=progress, cancelled=cancelled)
