"""Kaunet orders (FAQ 購入履歴, 月間購入上限金額, カウネットの請求)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kaunet_desk.domain.enums import OrderStatus, PaymentMethod
from kaunet_desk.store.base import Base
from kaunet_desk.store.models.checks import not_negative, one_of


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("kaunet_account_id", "order_no", name="uq_orders_account_order_no"),
        one_of("payment", PaymentMethod),
        one_of("status", OrderStatus),
        not_negative("subtotal_10_yen"),
        not_negative("subtotal_8_yen"),
        not_negative("total_yen"),
        not_negative("points_used_yen"),
        # A customer's month total and their history both read this index only.
        Index("ix_orders_customer_date", "customer_id", "order_date"),
        Index("ix_orders_order_date", "order_date"),
        Index("ix_orders_shipped_on", "shipped_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    kaunet_account_id: Mapped[int] = mapped_column(
        ForeignKey("kaunet_accounts.id", ondelete="CASCADE")
    )
    order_no: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[date] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    # Tax-excluded subtotals per rate; the invoice taxes each rate once (適格請求書).
    subtotal_10_yen: Mapped[int] = mapped_column(Integer)
    subtotal_8_yen: Mapped[int] = mapped_column(Integer)
    # Tax-included order total, what the monthly limit counts (domain.md, our choice).
    total_yen: Mapped[int] = mapped_column(Integer)
    points_used_yen: Mapped[int] = mapped_column(Integer, default=0)
    payment: Mapped[str] = mapped_column(String(20))
    # True when the purchase is counted as bought through another dealer (FAQ 購入履歴).
    other_dealer: Mapped[bool] = mapped_column(Boolean, default=False)
    dealer_name: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(24))
    # The numbers that decided a cancelled_over_limit order (FAQ 月間購入上限金額).
    decided_month_total_yen: Mapped[int | None] = mapped_column(Integer)
    decided_limit_yen: Mapped[int | None] = mapped_column(Integer)
