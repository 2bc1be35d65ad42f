"""The columns of the customers table: header, how a row shows, alignment, width."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from kaunet_desk.formatting import format_yen
from kaunet_desk.i18n import N_
from kaunet_desk.store.services.customer_list import CustomerRow
from kaunet_desk.ui.customers.labels import kind_label, status_text

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # N_-marked; translated when shown
    value: Callable[[CustomerRow], str]
    align: Qt.AlignmentFlag = LEFT
    width: int = 120


COLUMNS: tuple[Column, ...] = (
    Column("name_kana", N_("フリガナ"), lambda r: r.name_kana, width=170),
    Column("name", N_("お客さま名"), lambda r: r.name, width=220),
    Column("kind", N_("区分"), lambda r: kind_label(r.kind), width=90),
    Column("phone", N_("電話番号"), lambda r: r.phone, width=120),
    Column("fax", N_("FAX"), lambda r: r.fax, width=120),
    # The My KDDI Biz 総合 login ID is this address (FAQ).
    Column("email", N_("メール (My KDDI Biz ID)"), lambda r: r.email, width=240),
    Column("monthly_limit_yen", N_("月間購入上限"), lambda r: format_yen(r.monthly_limit_yen),
           RIGHT, width=110),
    Column("status", N_("状態"),
           lambda r: status_text(r.status, r.catalogue_stopped_on, r.cancelled_on), width=210),
)
