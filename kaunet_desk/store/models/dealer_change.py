"""Dealer-change FAX requests (FAQ 販売店について)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from kaunet_desk.store.base import Base


class DealerChangeRequest(Base):
    __tablename__ = "dealer_change_requests"
    __table_args__ = (
        CheckConstraint("deadline >= fax_sent_on", name="deadline_after_sent"),
        Index("ix_dealer_change_requests_deadline", "deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    kaunet_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("kaunet_accounts.id", ondelete="SET NULL")
    )
    fax_sent_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    returned_on: Mapped[date | None] = mapped_column(Date)
    # First day of the month the change took effect; set means state "effective".
    effective_month: Mapped[date | None] = mapped_column(Date)
    notification_seen_on: Mapped[date | None] = mapped_column(Date)
    logo_confirmed_on: Mapped[date | None] = mapped_column(Date)
    # The clerk closed the request as expired (stopped waiting, or dealt with a missed
    # deadline): it stays 期限切れ but no longer counts as an overdue request to chase.
    closed_on: Mapped[date | None] = mapped_column(Date)
