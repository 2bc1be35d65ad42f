"""The pure rules of Kaunet Desk (shared/domain.md): no Qt, no database.

Called by the store's services and the reports; calls nothing else of ours. Functions
that take `rates=` use DEFAULT_RATES when it is omitted; those that take `on=` look
rates up on today's date when it is omitted.
"""

from kaunet_desk.domain.billing import billing_month
from kaunet_desk.domain.calendar import is_business_day
from kaunet_desk.domain.dealer_change import dealer_change_months, dealer_change_state
from kaunet_desk.domain.enums import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    DealerChangeState,
    HistoryVisibility,
    InvoicePaymentMethod,
    OrderStatus,
    PaymentMethod,
)
from kaunet_desk.domain.fees import combined_billing_rebate, counter_fee, slip_fee, surcharge
from kaunet_desk.domain.history import history_visibility, history_window, reflection_date
from kaunet_desk.domain.interest import late_interest
from kaunet_desk.domain.limits import limit_decision
from kaunet_desk.domain.rates import DEFAULT_RATES, RateEntry, RateTable, parse_rate_value
from kaunet_desk.domain.tax import invoice_tax, order_total_yen
from kaunet_desk.domain.text import digits_only, normalize_text, search_key, to_katakana

__all__ = [
    "DEFAULT_RATES",
    "ApplicationStatus",
    "CustomerKind",
    "CustomerStatus",
    "DealerChangeState",
    "HistoryVisibility",
    "InvoicePaymentMethod",
    "OrderStatus",
    "PaymentMethod",
    "RateEntry",
    "RateTable",
    "billing_month",
    "combined_billing_rebate",
    "counter_fee",
    "dealer_change_months",
    "dealer_change_state",
    "digits_only",
    "history_visibility",
    "history_window",
    "invoice_tax",
    "is_business_day",
    "late_interest",
    "limit_decision",
    "normalize_text",
    "order_total_yen",
    "parse_rate_value",
    "reflection_date",
    "search_key",
    "slip_fee",
    "surcharge",
    "to_katakana",
]
