"""The columns of the two importable files, with the headers a clerk recognises.

Export writes exactly these headers, so an exported file imports again unchanged
(export → import round-trips). ``informative`` columns are written for the reader in Excel
and checked or ignored on import; ``required`` ones must be mapped and filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kaunet_desk.domain.text import normalize_text


class Kind(StrEnum):
    CUSTOMERS = "customers"
    ORDERS = "orders"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    informative: bool = False  # exported for people; never stored from the file


CUSTOMER_COLUMNS: tuple[Column, ...] = (
    Column("name", "顧客名", True, ("お客さま名", "会社名", "得意先名", "名称")),
    Column("name_kana", "フリガナ", True, ("ふりがな", "カナ", "顧客名フリガナ")),
    Column("kind", "区分", True, ("法人/個人事業主", "法人区分")),
    Column("disability_discount", "障がい者等割引", False, ("障がい者割引", "障害者割引")),
    Column("postal_code", "郵便番号", False, ("〒",)),
    Column("address", "住所", False, ()),
    Column("phone", "電話番号", True, ("電話", "TEL")),
    Column("fax", "FAX番号", False, ("FAX",)),
    Column("contact_person", "担当者", False, ("ご担当者", "担当者名")),
    Column("email", "メールアドレス", True, ("メール", "Eメール", "E-mail")),
    Column("invoice_payment", "支払方法", True, ("KDDI請求書の支払方法", "請求書の支払方法")),
    Column("combined_billing", "まとめて請求", False, ("KDDIまとめて請求",)),
    Column("monthly_limit_yen", "月間購入上限金額", True, ("上限金額", "月間上限")),
    Column("kaunet_ids", "カウネットID", False, ("カウネット ID",)),
    Column("kaunet_statuses", "カウネットID状態", False, ("申込状況",)),
    Column("status", "状態", False, ("契約状態",)),
    Column("cancelled_on", "解約日", False, ()),
    Column("catalogue_stopped_on", "カタログ停止日", False, ("カタログ送付停止日",)),
)

ORDER_COLUMNS: tuple[Column, ...] = (
    Column("kaunet_id", "カウネットID", True, ("カウネット ID",)),
    Column("customer_name", "顧客名", informative=True, aliases=("お客さま名",)),
    Column("order_no", "注文番号", True, ("注文No", "注文NO")),
    Column("order_date", "注文日", True, ()),
    Column("shipped_on", "発送日", False, ()),
    Column("subtotal_10_yen", "小計(10%)", False, ("小計10%", "10%対象", "小計（10％）")),
    Column("subtotal_8_yen", "小計(8%)", False, ("小計8%", "8%対象", "小計（8％）")),
    # Written for the reader; on import it must equal the total computed from the subtotals.
    Column("total_yen", "合計(税込)", informative=True, aliases=("合計", "税込合計")),
    Column("points_used_yen", "ポイント利用", False, ("ポイント", "ポイント利用額")),
    Column("payment", "支払方法", False, ("決済方法",)),
    Column("other_dealer", "他販売店", False, ("他社販売店",)),
    Column("dealer_name", "販売店名", False, ()),
    Column("status", "状態", False, ("注文状態",)),
)


def columns_of(kind: Kind | str) -> tuple[Column, ...]:
    return CUSTOMER_COLUMNS if Kind(kind) is Kind.CUSTOMERS else ORDER_COLUMNS


def header_key(text: str) -> str:
    """Headers match whatever the width, spacing or case: 「小計（10％）」 = 「小計(10%)」."""
    return normalize_text(text).replace(" ", "").casefold()
