"""KDDI invoices, payments and the facts the combined-billing rebate needs (約款 第9〜14条)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaunet_desk.store.base import Base
from kaunet_desk.store.models.checks import not_negative


class CombinedBillingFacts(Base):
    """約款 第9条の2: what a combined invoice of one month carries."""

    __tablename__ = "combined_billing_facts"
    __table_args__ = (UniqueConstraint("customer_id", "billing_month", name="uq_cbf_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    billing_month: Mapped[date] = mapped_column(Date)
    mobile_charges: Mapped[bool] = mapped_column(Boolean, default=False)
    matome_line_fee: Mapped[bool] = mapped_column(Boolean, default=False)
    ikkatsu_discount: Mapped[bool] = mapped_column(Boolean, default=False)


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("customer_id", "billing_month", name="uq_invoices_month"),
        not_negative("amount_yen"),
        not_negative("slips_issued"),
        not_negative("counter_requests"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    billing_month: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    amount_yen: Mapped[int] = mapped_column(Integer)
    # 約款 第13条 / 第14条: each issued slip or counter request carries a fee.
    slips_issued: Mapped[int] = mapped_column(Integer, default=0)
    counter_requests: Mapped[int] = mapped_column(Integer, default=0)


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (not_negative("amount_yen"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(
        ForeignKey("invoices.id", ondelete="CASCADE"), index=True
    )
    paid_on: Mapped[date] = mapped_column(Date)
    amount_yen: Mapped[int] = mapped_column(Integer)
