"""The dated rate table: revised fees and rates are entered with their dates, not coded."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaunet_desk.store.base import Base


class RateRow(Base):
    __tablename__ = "rates"
    __table_args__ = (UniqueConstraint("key", "effective_from", name="uq_rates_key_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60))
    effective_from: Mapped[date] = mapped_column(Date)
    # Text, parsed back by domain.parse_rate_value: keeps 14.5 exact on every backend.
    value: Mapped[str] = mapped_column(String(200))
