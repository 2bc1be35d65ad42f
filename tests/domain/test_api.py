"""`from kaunet_desk.domain import ...` offers exactly the agreed names and signatures."""

from __future__ import annotations

import inspect

import kaunet_desk.domain as domain

EXPECTED_NAMES = {
    "is_business_day",
    "reflection_date",
    "billing_month",
    "history_window",
    "late_interest",
    "surcharge",
    "slip_fee",
    "counter_fee",
    "combined_billing_rebate",
    "limit_decision",
    "dealer_change_months",
    "dealer_change_state",
    "invoice_tax",
    "RateTable",
    "RateEntry",
    "DEFAULT_RATES",
    "order_total_yen",
    "parse_rate_value",
    "normalize_text",
    "to_katakana",
    "search_key",
    "digits_only",
    "CustomerKind",
    "InvoicePaymentMethod",
    "PaymentMethod",
    "OrderStatus",
    "ApplicationStatus",
    "CustomerStatus",
    "DealerChangeState",
    "HistoryVisibility",
    "history_visibility",
}

# name → (positional parameters, keyword-only parameters)
SIGNATURES: dict[str, tuple[list[str], list[str]]] = {
    "is_business_day": (["day"], ["rates"]),
    "reflection_date": (["shipped"], ["rates"]),
    "billing_month": (["shipped"], []),
    "history_window": (["today"], []),
    "late_interest": (["overdue_yen", "due", "paid"], ["rates"]),
    "surcharge": (["evaded_yen"], ["on", "rates"]),
    "slip_fee": (["corporate", "disability_discount"], ["on", "rates"]),
    "counter_fee": (["corporate", "disability_discount"], ["on", "rates"]),
    "combined_billing_rebate": (
        ["mobile_charges", "matome_line_fee", "ikkatsu_discount"],
        ["on", "rates"],
    ),
    "limit_decision": (["month_total_yen", "order_yen", "limit_yen", "by_card"], []),
    "dealer_change_months": (["returned"], []),
    "dealer_change_state": (["deadline", "returned", "today"], []),
    "invoice_tax": (["subtotals"], ["on", "rates"]),
    "order_total_yen": (["subtotal_10", "subtotal_8"], []),
    "parse_rate_value": (["key", "text"], []),
    "normalize_text": (["s"], []),
    "to_katakana": (["s"], []),
    "search_key": (["s"], []),
    "digits_only": (["s"], []),
    "history_visibility": (["shipped", "other_dealer", "by_card"], []),
}


def test_all_is_exactly_the_agreed_names() -> None:
    assert set(domain.__all__) == EXPECTED_NAMES
    for name in EXPECTED_NAMES:
        assert hasattr(domain, name), name


def test_signatures() -> None:
    for name, (positional, keyword_only) in SIGNATURES.items():
        parameters = inspect.signature(getattr(domain, name)).parameters.values()
        assert [
            p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        ] == positional, name
        assert [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY] == (
            keyword_only
        ), name
        for p in parameters:
            if p.kind is inspect.Parameter.KEYWORD_ONLY:
                assert p.default is None, f"{name}({p.name}=) must default to None"
