"""Two years of Kaunet orders per customer, with the monthly limit applied as Kaunet does.

This is the hot loop of the demo (a million orders for the big build): dates, months and
shipping days are precomputed per calendar day, and each order costs a handful of
`random()` calls and one dict.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kaunet_desk.demo.customers import Account, Buyer
from kaunet_desk.domain import (
    OrderStatus,
    PaymentMethod,
    is_business_day,
    limit_decision,
    order_total_yen,
)
from kaunet_desk.domain.enums import LimitDecision

Row = dict[str, object]
Emit = Callable[[str, Row], None]
# month index (year·12 + month − 1) → [subtotal 10 %, subtotal 8 %, points] billed that month
BilledByMonth = dict[int, list[int]]

WINDOW_DAYS = 730  # orders cover the two years before today
_SHIPPING_SLACK_DAYS = 10  # shipped_on may fall after today: those are still "ordered"

# Days from order to shipment: mostly the next day or the one after.
_SHIP_DELAYS = (1,) * 9 + (2,) * 6 + (3,) * 3 + (4,) + (5,)
_USER_CANCEL_SHARE = 0.015
_POINTS_SHARE = 0.05
_FOOD_ONLY_SHARE = 0.04  # water, coffee: only 8 % items
_FOOD_TOO_SHARE = 0.23  # office supplies plus some drinks or snacks
_FURNITURE_SHARE = 0.004  # a desk or a cabinet: one big order
_REORDER_BY_CARD_SHARE = 0.5
_CARD_AFTER_CANCEL_SHARE = 0.8

_KDDI = PaymentMethod.KDDI_INVOICE.value
_CARD = PaymentMethod.CARD.value
_SHIPPED = OrderStatus.SHIPPED.value
_ORDERED = OrderStatus.ORDERED.value
_CANCELLED = OrderStatus.CANCELLED.value
_OVER_LIMIT = OrderStatus.CANCELLED_OVER_LIMIT.value


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class OrderCalendar:
    """Per day of the window (index 0 = today − WINDOW_DAYS): its date, month and weight."""

    start_ord: int
    today_ord: int
    dates: list[date]  # runs _SHIPPING_SLACK_DAYS past today
    months: list[int]
    cum_weights: list[float]  # up to today only

    @classmethod
    def for_today(cls, today: date) -> OrderCalendar:
        start = today - timedelta(days=WINDOW_DAYS)
        dates = [start + timedelta(days=i) for i in range(WINDOW_DAYS + 1 + _SHIPPING_SLACK_DAYS)]
        cum: list[float] = []
        total = 0.0
        for day in dates[: WINDOW_DAYS + 1]:
            # Offices order on business days (domain.md calendar); a few shops on weekends.
            total += 1.0 if _business_day(day) else 0.08
            cum.append(total)
        return cls(
            start.toordinal(), today.toordinal(), dates, [month_index(d) for d in dates], cum
        )

    def index(self, ordinal: int) -> int:
        return ordinal - self.start_ord


def _business_day(day: date) -> bool:
    try:
        return is_business_day(day)
    except ValueError:  # before the rate table's first entry: weekdays will do
        return day.weekday() < 5


def order_no(order_id: int, salt: int) -> str:
    """10 digits, unique (a bijection mod 10¹⁰), so unique per account as the schema wants."""
    return f"{(order_id * 7_777_777_777 + salt) % 10_000_000_000:010d}"


@dataclass
class OrderTally:
    over_limit: int = 0
    card: int = 0
    other_dealer: int = 0


class OrderMaker:
    def __init__(self, rng: random.Random, calendar: OrderCalendar, emit: Emit) -> None:
        self.rng = rng
        self.cal = calendar
        self.emit = emit
        self.next_id = 0
        self.salt = rng.randrange(10_000_000_000)
        self.tally = OrderTally()

    def first_ord(self, buyer: Buyer) -> int:
        """Orders start once the customer joined and one of its IDs was usable."""
        return max(buyer.first_ord, min(a.applied_ord for a in buyer.accounts))

    def make(self, buyer: Buyer, count: int, billed: BilledByMonth | None) -> None:
        """`count` orders of `buyer`, in date order; `billed` collects what KDDI invoices."""
        if count <= 0:
            return
        rng = self.rng
        random_ = rng.random
        cal = self.cal
        dates, months, cum = cal.dates, cal.months, cal.cum_weights
        lo = cal.index(self.first_ord(buyer))
        hi = cal.index(buyer.last_ord)
        base = cum[lo - 1] if lo > 0 else 0.0
        width = cum[hi] - base
        days = sorted(
            min(bisect_right(cum, base + random_() * width, lo, hi), hi) for _ in range(count)
        )

        span_months = max((hi - lo + 1) / 30.4, 1.0)
        if buyer.heavy:
            # A heavy buyer wants 1.05–1.4 × its limit a month: it hits the limit (FAQ).
            average = buyer.limit_yen * rng.uniform(1.05, 1.4) * span_months / count
        else:
            average = rng.lognormvariate(math.log(9000), 0.5)
        card_rate = 0.0 if random_() < 0.65 else rng.uniform(0.05, 0.4)
        accounts = sorted(buyer.accounts, key=lambda a: (a.applied_ord, a.id))
        limit_now = buyer.limit_yen
        change_ord, limit_old = buyer.limit_before or (0, 0)
        today_ord = cal.today_ord
        start_ord = cal.start_ord
        cid = buyer.id
        emit = self.emit
        tally = self.tally

        month = -1
        month_total = 0  # KDDI-invoice orders of this month, cancelled ones left out
        card_month = -1  # after a cancellation the customer pays by card till month end
        reorder: tuple[int, int, int] | None = None  # (day, subtotal 10 %, subtotal 8 %)
        for day in days:
            if reorder is not None:
                day, s10, s8 = reorder
                by_card = True
                reorder = None
            else:
                s10, s8 = self._subtotals(average)
                by_card = random_() < card_rate or months[day] == card_month
            d_ord = start_ord + day
            if months[day] != month:
                month = months[day]
                month_total = 0
            account = self._account(accounts, d_ord)
            total = order_total_yen(s10, s8)
            # FAQ 月間購入上限金額: the limit in force that day (changes are logged exceptions).
            limit = limit_old if d_ord < change_ord else limit_now
            shipped_on: date | None = None
            points = 0
            decided_total: int | None = None
            decided_limit: int | None = None
            if (
                limit_decision(month_total, total, limit, by_card)
                == LimitDecision.CANCEL_OVER_LIMIT
            ):
                status = _OVER_LIMIT
                decided_total, decided_limit = month_total, limit
                tally.over_limit += 1
                # FAQ: card payment is the way to buy beyond the limit — most customers
                # re-order by card at once, and keep paying by card for the rest of the month.
                if random_() < _REORDER_BY_CARD_SHARE:
                    reorder = (day, s10, s8)
                if random_() < _CARD_AFTER_CANCEL_SHARE:
                    card_month = month
            elif random_() < _USER_CANCEL_SHARE:
                status = _CANCELLED  # not counted toward the limit (domain.md, our choice)
            else:
                if not by_card:
                    month_total += total
                if random_() < _POINTS_SHARE:
                    points = min(total, 100 * rng.randint(1, 30))
                ship = day + _SHIP_DELAYS[int(random_() * len(_SHIP_DELAYS))]
                if (start_ord + ship) % 7 == 0:  # the warehouse does not ship on Sundays
                    ship += 1
                if start_ord + ship <= today_ord:
                    status = _SHIPPED
                    shipped_on = dates[ship]
                else:
                    status = _ORDERED
            other_dealer = d_ord < account.other_dealer_until
            if by_card:
                tally.card += 1
            if other_dealer:
                tally.other_dealer += 1
            elif billed is not None and shipped_on is not None and not by_card:
                # FAQ カウネットの請求: billed on the invoice two months after shipping.
                slot = billed.get(months[ship] + 2)
                if slot is not None:
                    slot[0] += s10
                    slot[1] += s8
                    slot[2] += points
            self.next_id += 1
            emit(
                "orders",
                {
                    "id": self.next_id,
                    "customer_id": cid,
                    "kaunet_account_id": account.id,
                    "order_no": order_no(self.next_id, self.salt),
                    "order_date": dates[day],
                    "shipped_on": shipped_on,
                    "subtotal_10_yen": s10,
                    "subtotal_8_yen": s8,
                    "total_yen": total,
                    "points_used_yen": points,
                    "payment": _CARD if by_card else _KDDI,
                    "other_dealer": other_dealer,
                    "dealer_name": account.other_dealer_name if other_dealer else "",
                    "status": status,
                    "decided_month_total_yen": decided_total,
                    "decided_limit_yen": decided_limit,
                },
            )

    def _subtotals(self, average: float) -> tuple[int, int]:
        """Tax-excluded subtotals (10 %, 8 %): stationery at 10 %, food and drink at 8 %."""
        rng = self.rng
        r = rng.random()
        food = (
            int(rng.lognormvariate(7.8, 0.7)) + 100 if r < _FOOD_ONLY_SHARE + _FOOD_TOO_SHARE else 0
        )
        if r < _FOOD_ONLY_SHARE:
            return 0, food
        goods = int(average * rng.lognormvariate(0.0, 0.6)) + 100
        if rng.random() < _FURNITURE_SHARE:
            goods *= 15
        return goods, food

    def _account(self, accounts: list[Account], d_ord: int) -> Account:
        """Mostly the first ID; additional IDs only once they were applied for."""
        if len(accounts) == 1 or self.rng.random() < 0.65:
            return accounts[0]
        usable = [a for a in accounts if a.applied_ord <= d_ord]
        return self.rng.choice(usable)
