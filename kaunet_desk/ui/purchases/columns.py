"""The columns of the purchase-history table: header, text and tooltip per column.

The descriptor pattern of Anki's browser table: the model switches on the role and asks
the column for the text, so adding a column is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kaunet_desk.formatting import format_date, format_month, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.store.services.purchase_history import HistoryRow
from kaunet_desk.ui.purchases.labels import (
    dealer_label,
    payment_label,
    status_label,
    visibility_label,
)


def reflection_text(row: HistoryRow) -> str:
    # FAQ 購入履歴: 翌営業日の「午後」に反映 — the time of day matters on the phone.
    if row.reflection_on is None:
        return ""
    return _("{date} 午後").format(date=format_date(row.reflection_on))


def tax_breakdown(row: HistoryRow) -> str:
    return _("10% 対象 {tax_10} / 8% 対象 {tax_8}(税率ごとに切り捨て)").format(
        tax_10=format_yen(row.tax_10_yen), tax_8=format_yen(row.tax_8_yen)
    )


def over_limit_text(row: HistoryRow) -> str:
    """The numbers that cancelled an order over the monthly limit (FAQ 月間購入上限金額)."""
    excess = row.excess_yen
    if excess is None or row.decided_month_total_yen is None or row.decided_limit_yen is None:
        return ""
    return _(
        "月間購入上限金額を超過したため、この注文はキャンセルされました。\n"
        "{month}のそれまでの合計 {before} + この注文 {order} = {after}\n"
        "月間購入上限金額 {limit}、超過額 {excess}"
    ).format(
        month=format_month(row.order_date),
        before=format_yen(row.decided_month_total_yen),
        order=format_yen(row.total_yen),
        after=format_yen(row.decided_month_total_yen + row.total_yen),
        limit=format_yen(row.decided_limit_yen),
        excess=format_yen(excess),
    )


def _dealer_tooltip(row: HistoryRow) -> str:
    return _("他社販売店からの購入扱い") if row.other_dealer else ""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked with N_, translated when shown
    text: Callable[[HistoryRow], str]
    money: bool = False
    tooltip: Callable[[HistoryRow], str] | None = None
    width: int = 100


# The phone questions first — is it shipped, when does it show on My KDDI Biz 総合, why not,
# which invoice bills it — then the amounts; at 1,280 px only the last ones scroll.
COLUMNS: tuple[Column, ...] = (
    Column("order_no", N_("注文番号"), lambda r: r.order_no, width=92),
    Column("customer", N_("お客さま"), lambda r: r.customer_name, width=140),
    Column("order_date", N_("注文日"), lambda r: format_date(r.order_date), width=78),
    Column("shipped_on", N_("発送日"), lambda r: format_date(r.shipped_on), width=78),
    Column("status", N_("状態"), lambda r: status_label(r.status), tooltip=over_limit_text,
           width=122),
    Column("reflection", N_("My KDDI Biz\n反映日"), reflection_text, width=110),
    Column("visibility", N_("My KDDI Biz\n表示"), lambda r: visibility_label(r.visibility),
           width=88),
    Column("billing_month", N_("KDDI\n請求月"), lambda r: format_month(r.billing_month),
           width=84),
    Column("payment", N_("支払方法"), lambda r: payment_label(r.payment), width=104),
    Column("dealer", N_("販売店"), lambda r: dealer_label(r.other_dealer, r.dealer_name),
           tooltip=_dealer_tooltip, width=72),
    Column("subtotal_10", N_("小計 10%\n(税抜)"), lambda r: format_yen(r.subtotal_10_yen),
           money=True, width=78),
    Column("subtotal_8", N_("小計 8%\n(税抜)"), lambda r: format_yen(r.subtotal_8_yen),
           money=True, width=72),
    Column("tax", N_("消費税"), lambda r: format_yen(r.tax_yen), money=True,
           tooltip=tax_breakdown, width=66),
    Column("total", N_("合計\n(税込)"), lambda r: format_yen(r.total_yen), money=True,
           width=80),
    Column("points", N_("ポイント\n利用"), lambda r: format_yen(r.points_used_yen), money=True,
           width=62),
    # A customer with several Kaunet IDs asks about one of them (FAQ 契約追加申込).
    Column("kaunet_id", N_("カウネット ID"), lambda r: r.kaunet_id, width=96),
)

COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def column_index(key: str) -> int:
    return COLUMN_KEYS.index(key)
