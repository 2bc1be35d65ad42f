"""Hypothesis settings and strategies shared by the domain tests."""

from __future__ import annotations

from datetime import date

from hypothesis import settings
from hypothesis import strategies as st

# No example database: each test run leaves nothing in the working tree. jpholiday's
# first call is slow, so no deadline either.
PROPERTY = settings(database=None, deadline=None, max_examples=200)

# DEFAULT_RATES start on 2000-01-01; the end leaves room for a year of searching.
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31))
yen = st.integers(min_value=0, max_value=10**12)
negative_yen = st.integers(max_value=-1)
