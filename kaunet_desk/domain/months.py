"""Calendar-month arithmetic on first-of-month dates."""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int, *, name: str = "day") -> date:
    """The first day of the month `months` after the month of `day` (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"{name}: {months} months from {day.isoformat()} is out of range")
    return date(year, month0 + 1, 1)
