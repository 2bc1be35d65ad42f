"""The customer ledger: customers, their Kaunet IDs, contact changes and limit changes.

Rules: domain.md「Customers」(FAQ カウネットの会員情報について; 約款 第7条, 第8条, 第8条の2).
No column for any password, ever: the customer sets it on My KDDI Biz 総合 and we never see it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kaunet_desk.domain.enums import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    InvoicePaymentMethod,
)
from kaunet_desk.store.base import Base
from kaunet_desk.store.models.checks import not_negative, one_of


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        one_of("kind", CustomerKind),
        one_of("invoice_payment", InvoicePaymentMethod),
        one_of("status", CustomerStatus),
        not_negative("monthly_limit_yen"),
        # 五十音順 listing walks this index instead of sorting 100,000 rows.
        Index("ix_customers_name_kana_id", "name_kana", "id"),
        # Incremental search scans search_text in 五十音順 from the index alone, without
        # touching the table rows: ≈4× faster at 100,000 customers on SQLite
        # (tests/bench/bench_customer_search.py); PostgreSQL can do the same index-only scan.
        Index("ix_customers_kana_search", "name_kana", "id", "search_text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Stored as full-width katakana whatever was typed (normalised once, at the edge).
    name_kana: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    disability_discount: Mapped[bool] = mapped_column(Boolean, default=False)
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    fax: Mapped[str] = mapped_column(String(20), default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    # The My KDDI Biz 総合 login ID is this address (FAQ).
    email: Mapped[str] = mapped_column(String(254), default="")
    invoice_payment: Mapped[str] = mapped_column(String(20))
    combined_billing: Mapped[bool] = mapped_column(Boolean, default=True)
    monthly_limit_yen: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=CustomerStatus.ACTIVE.value)
    catalogue_stopped_on: Mapped[date | None] = mapped_column(Date)
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    # Normalised haystack (search_key of name, フリガナ, phone, FAX, email, Kaunet IDs).
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )

    accounts: Mapped[list[KaunetAccount]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="KaunetAccount.id"
    )


class KaunetAccount(Base):
    """One Kaunet ID; a customer may hold several (FAQ: カウネット契約追加申込)."""

    __tablename__ = "kaunet_accounts"
    __table_args__ = (one_of("application_status", ApplicationStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    kaunet_id: Mapped[str] = mapped_column(String(40), unique=True)
    # in_progress / other_dealer / not_accepted are the FAQ's three causes of a missing icon.
    application_status: Mapped[str] = mapped_column(String(20))
    applied_on: Mapped[date | None] = mapped_column(Date)

    customer: Mapped[Customer] = relationship(back_populates="accounts")


class ContactChange(Base):
    """A phone or address change after a move; the customer reports it to カウネットヘルプコール."""

    __tablename__ = "contact_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    field: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str] = mapped_column(String(300))
    new_value: Mapped[str] = mapped_column(String(300))


class LimitChange(Base):
    """The limit is set by screening and not changed after joining — the exceptions are logged."""

    __tablename__ = "limit_changes"
    __table_args__ = (not_negative("old_yen"), not_negative("new_yen"))

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    changed_on: Mapped[date] = mapped_column(Date)
    old_yen: Mapped[int] = mapped_column(Integer)
    new_yen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(300))
