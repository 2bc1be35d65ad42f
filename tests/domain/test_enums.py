"""The stored values of the enums are short lowercase ASCII and stay stable."""

from __future__ import annotations

import re
from enum import StrEnum

import pytest

from kaunet_desk.domain import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    DealerChangeState,
    HistoryVisibility,
    InvoicePaymentMethod,
    OrderStatus,
    PaymentMethod,
)

EXPECTED: dict[type[StrEnum], set[str]] = {
    CustomerKind: {"corporate", "sole_proprietor"},
    InvoicePaymentMethod: {"postal_conveni", "bank_debit", "account_transfer"},
    PaymentMethod: {"kddi_invoice", "card"},
    OrderStatus: {"ordered", "shipped", "cancelled", "cancelled_over_limit"},
    ApplicationStatus: {"active", "in_progress", "other_dealer", "not_accepted"},
    CustomerStatus: {"active", "cancelled"},
    DealerChangeState: {"waiting", "returned", "expired", "effective"},
    HistoryVisibility: {"visible", "not_shipped", "other_dealer", "card"},
}


@pytest.mark.parametrize("enum", EXPECTED, ids=lambda enum: enum.__name__)
def test_values(enum: type[StrEnum]) -> None:
    assert issubclass(enum, StrEnum)
    assert {member.value for member in enum} == EXPECTED[enum]
    for member in enum:
        assert re.fullmatch(r"[a-z_]{1,20}", member.value)
        assert member.name == member.value.upper()
