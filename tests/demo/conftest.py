"""One small demo build shared by the content tests (building it takes about a second)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from kaunet_desk.demo import DemoSummary, build_demo
from kaunet_desk.store.database import Database

TODAY = date(2026, 11, 22)
CUSTOMERS = 300
ORDERS = 3000


@dataclass(frozen=True)
class BuiltDemo:
    db: Database
    summary: DemoSummary
    today: date


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltDemo]:
    database = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    summary = build_demo(database, customers=CUSTOMERS, orders=ORDERS, seed=7, today=TODAY)
    yield BuiltDemo(database, summary, TODAY)
    database.close()
