"""Purchase history statement: a customer's orders in the window My KDDI Biz 総合 shows.

FAQ 購入履歴: 6 months including the current one (domain.history_window); a purchase
appears on the afternoon of the next business day after it ships (reflection_date); it
never appears when not shipped, counted as bought through another dealer, or paid by card
(history_visibility). The statement lists every order of the window and says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kaunet_desk.domain import history_visibility, history_window, reflection_date
from kaunet_desk.domain.enums import HistoryVisibility, OrderStatus, PaymentMethod
from kaunet_desk.domain.rates import RateTable
from kaunet_desk.formatting import DateStyle, format_date, format_yen
from kaunet_desk.i18n import N_, _
from kaunet_desk.reports.honorific import addressee
from kaunet_desk.reports.layout import (
    Target,
)
from kaunet_desk.reports.listing import Listing, Section, render_listing
from kaunet_desk.reports.settings import ReportSettings
from kaunet_desk.reports.tables import (
    Column,
)
from kaunet_desk.store.database import Database
from kaunet_desk.store.services.customers import get_customer
from kaunet_desk.store.services.rates import load_rates
from kaunet_desk.store.services.report_data import HistoryOrderRow, customer_orders_between

_PAYMENT = {
    PaymentMethod.KDDI_INVOICE.value: N_("KDDI 請求書"),
    PaymentMethod.CARD.value: N_("カード"),
}
_HIDDEN = {
    HistoryVisibility.NOT_SHIPPED: N_("非表示（未発送）"),
    HistoryVisibility.OTHER_DEALER: N_("非表示（他社販売店扱い）"),
    HistoryVisibility.CARD: N_("非表示（カード払い）"),
}
_CANCELLED = {
    OrderStatus.CANCELLED.value: N_("キャンセル済"),
    OrderStatus.CANCELLED_OVER_LIMIT.value: N_("キャンセル（上限超過）"),
}


@dataclass(frozen=True)
class HistoryStatement:
    customer_id: int
    customer_name: str
    contact_person: str
    window: tuple[date, date]
    orders: tuple[HistoryOrderRow, ...]


def gather_history(db: Database, customer_id: int, *, today: date) -> HistoryStatement:
    customer = get_customer(db, customer_id)
    first, last = history_window(today)
    return HistoryStatement(
        customer_id=customer.id,
        customer_name=customer.draft.name,
        contact_person=customer.draft.contact_person,
        window=(first, last),
        orders=tuple(customer_orders_between(db, customer_id, first, last)),
    )


def is_cancelled(order: HistoryOrderRow) -> bool:
    return order.status in _CANCELLED


def shown_on(order: HistoryOrderRow, style: DateStyle, rates: RateTable) -> str:
    """Where the order stands on My KDDI Biz 総合's history."""
    if is_cancelled(order):
        return _(_CANCELLED[order.status])
    visibility = history_visibility(
        order.shipped_on, order.other_dealer, order.payment == PaymentMethod.CARD.value
    )
    if visibility is HistoryVisibility.VISIBLE:
        assert order.shipped_on is not None
        day = reflection_date(order.shipped_on, rates=rates)
        return _("{date} 午後から").format(date=format_date(day, style=style))
    return _(_HIDDEN[visibility])


def render_history(
    statement: HistoryStatement,
    target: Target,
    settings: ReportSettings,
    *,
    today: date,
    rates: RateTable,
) -> int:
    style = settings.date_style
    columns = [
        Column(_("注文日"), align="center"),
        Column(_("注文番号")),
        Column(_("カウネット ID")),
        Column(_("発送日"), align="center"),
        Column(_("支払方法"), align="center"),
        Column(_("金額（税込）"), align="right"),
        Column(_("購入履歴への表示"), flex=True),
    ]
    rows = [
        (
            format_date(order.order_date, style=style),
            order.order_no,
            order.kaunet_id,
            format_date(order.shipped_on, style=style) if order.shipped_on else "—",
            _(_PAYMENT.get(order.payment, order.payment)),
            format_yen(order.total_yen),
            shown_on(order, style, rates),
        )
        for order in statement.orders
    ]
    kaunet_ids = sorted({order.kaunet_id for order in statement.orders})
    id_lines: list[str] = []
    if len(kaunet_ids) == 1:
        # One account: said once above the table, which leaves room for 和暦 dates.
        id_lines.append(_("カウネット ID：{id}").format(id=kaunet_ids[0]))
        columns = [*columns[:2], *columns[3:]]
        rows = [(*row[:2], *row[3:]) for row in rows]
    counted = [order for order in statement.orders if not is_cancelled(order)]
    totals = {
        method: sum(order.total_yen for order in counted if order.payment == method)
        for method in _PAYMENT
    }
    first, last = statement.window
    listing = Listing(
        title=_("購入履歴明細"),
        columns=columns,
        sections=[Section("", rows, _("この期間のご注文はありません。"))],
        info_lines=[
            addressee(statement.customer_name, person=statement.contact_person),
            *id_lines,
            _("期間：{first} 〜 {last}（今月を含む 6 か月）").format(
                first=format_date(first, style=style), last=format_date(last, style=style)),
            _(
                "合計（税込、キャンセルを除く）：KDDI 請求書払い {invoice}　カード払い {card}"
            ).format(
                invoice=format_yen(totals[PaymentMethod.KDDI_INVOICE.value]),
                card=format_yen(totals[PaymentMethod.CARD.value])),
        ],
        notes=[
            _(
                "My KDDI Biz 総合の購入履歴には、今月を含む 6 か月分が表示されます。"
                "発送された翌営業日の午後に反映されます。"
            ),
            _(
                "未発送のご注文、他社販売店からのご購入扱いのご注文、カードでお支払いの"
                "ご注文は表示されません。"
            ),
        ],
        corner=_("作成日 {date}").format(date=format_date(today, style=style)),
        footer_note=settings.sender_name,
    )
    return render_listing(listing, target)


def write_history(
    db: Database, customer_id: int, target: Target, *, today: date, settings: ReportSettings
) -> int:
    statement = gather_history(db, customer_id, today=today)
    return render_history(statement, target, settings, today=today, rates=load_rates(db))
