"""KDDI invoices of the last months for a sample of customers, their payments, and the
combined-billing facts the rebate depends on (約款 第9条〜第14条).

An invoice's amount is what KDDI bills that month, before the rebate and any fees (the
app computes those): the Kaunet purchases shipped two months earlier, taxed once per rate
(適格請求書), less the points used, plus — under KDDI まとめて請求 — the other KDDI charges.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from datetime import date, timedelta

from kaunet_desk.demo.customers import Buyer
from kaunet_desk.demo.orders import BilledByMonth, month_index, month_start
from kaunet_desk.domain import InvoicePaymentMethod, invoice_tax

Row = dict[str, object]
Emit = Callable[[str, Row], None]

INVOICE_MONTHS = 6  # the current billing month and the five before it
INVOICE_SAMPLE_SHARE = 0.3

_ON_TIME = 0.85
_LATE = 0.10  # the rest stays unpaid: overdue


class BillingMaker:
    def __init__(self, rng: random.Random, today: date, emit: Emit) -> None:
        self.rng = rng
        self.today = today
        self.emit = emit
        self.last_month = month_index(today)
        self.first_month = self.last_month - INVOICE_MONTHS + 1
        self.invoice_id = 0
        self.payment_id = 0
        self.facts_id = 0

    def wants(self, buyer: Buyer) -> BilledByMonth | None:
        """An empty per-month tally when `buyer` is in the invoice sample, else None."""
        if self.rng.random() >= INVOICE_SAMPLE_SHARE:
            return None
        return {m: [0, 0, 0] for m in range(self.first_month, self.last_month + 1)}

    def make(self, buyer: Buyer, billed: BilledByMonth) -> None:
        rng = self.rng
        for month, (s10, s8, points) in sorted(billed.items()):
            first = month_start(month)
            kaunet = 0
            if s10 or s8:
                # 適格請求書: tax rounded down once per rate per invoice, not per order.
                taxes = invoice_tax({10: s10, 8: s8}, on=first)
                # FAQ: points show as 「ポイント de ショッピングご利用分一式 -〇〇〇円」.
                kaunet = s10 + s8 + sum(taxes.values()) - points
            other = 0
            facts: Row | None = None
            # 約款 第9条の2 facts exist only under combined billing, while the contract runs.
            if buyer.combined_billing and first.toordinal() <= buyer.last_ord:
                mobile = rng.random() < 0.85
                line_fee = rng.random() < 0.45
                facts = {
                    "customer_id": buyer.id,
                    "billing_month": first,
                    "mobile_charges": mobile,
                    "matome_line_fee": line_fee,
                    "ikkatsu_discount": rng.random() < 0.15,
                }
                other = (rng.randint(2, 40) * 1_100 if mobile else 0) + (
                    rng.choice((1_100, 2_200, 5_500)) if line_fee else 0
                )
            amount = kaunet + other
            if amount <= 0:
                continue
            due = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            self.invoice_id += 1
            slips, counters, paid_on = self._payment(buyer, due)
            self.emit(
                "invoices",
                {
                    "id": self.invoice_id,
                    "customer_id": buyer.id,
                    "billing_month": first,
                    "due_on": due,
                    "amount_yen": amount,
                    "slips_issued": slips,
                    "counter_requests": counters,
                },
            )
            if facts is not None:
                self.facts_id += 1
                self.emit("combined_billing_facts", {"id": self.facts_id, **facts})
            if paid_on is not None:
                self.payment_id += 1
                self.emit(
                    "payments",
                    {
                        "id": self.payment_id,
                        "invoice_id": self.invoice_id,
                        "paid_on": paid_on,
                        "amount_yen": amount,
                    },
                )

    def _payment(self, buyer: Buyer, due: date) -> tuple[int, int, date | None]:
        """(slips issued, counter requests, paid on) for one invoice, as of today."""
        rng = self.rng
        today = self.today
        debit = buyer.invoice_payment != InvoicePaymentMethod.POSTAL_CONVENI.value
        r = rng.random()
        if r < _ON_TIME:
            # 口座引き落とし / 口座振替 are taken on the due date; slips are paid before it.
            paid = due if debit else due - timedelta(days=rng.randint(0, min(20, due.day - 1)))
            return 0, 0, paid if paid <= today else None
        if due >= today:
            return 0, 0, None  # not due yet: nothing is late so far
        # 約款 第13条: an overdue invoice gets a payment slip (払込取扱票); 第14条: some ask
        # to pay at a counter with a paper invoice (書面請求書).
        slips = 1 if rng.random() < 0.7 else 2
        counters = 1 if rng.random() < 0.2 else 0
        if r < _ON_TIME + _LATE:
            paid = due + timedelta(days=rng.randint(1, 45))
            if paid <= today:
                return slips, counters, paid
        return slips, counters, None
