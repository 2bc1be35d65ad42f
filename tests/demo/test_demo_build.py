"""The build: deterministic per seed and today, counts, progress, refusal of a full ledger."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kaunet_desk.demo import DemoDataError, build_demo
from kaunet_desk.demo.generator import TABLES
from kaunet_desk.store.base import Base
from kaunet_desk.store.database import Database

TODAY = date(2026, 11, 22)


def _digest(db: Database) -> dict[str, str]:
    """Per table, a hash of every row in id order (timestamps included)."""
    digests: dict[str, str] = {}
    with db.engine.connect() as connection:
        for name in TABLES:
            table = Base.metadata.tables[name]
            rows = connection.execute(select(table).order_by(table.c.id)).all()
            digests[name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests


def _build(path: Path, seed: int, today: date = TODAY) -> dict[str, str]:
    db = Database.open(path)
    try:
        build_demo(db, customers=120, orders=1200, seed=seed, today=today)
        return _digest(db)
    finally:
        db.close()


def test_same_seed_and_today_give_identical_rows(tmp_path: Path) -> None:
    first = _build(tmp_path / "a.sqlite", seed=3)
    second = _build(tmp_path / "b.sqlite", seed=3)
    assert first == second


def test_another_seed_or_day_gives_other_rows(tmp_path: Path) -> None:
    base = _build(tmp_path / "a.sqlite", seed=3)
    other_seed = _build(tmp_path / "b.sqlite", seed=4)
    other_day = _build(tmp_path / "c.sqlite", seed=3, today=date(2026, 6, 1))
    for name in TABLES:
        assert base[name] != other_seed[name], name
    assert base["orders"] != other_day["orders"]


def test_summary_counts_match_the_tables(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "d.sqlite")
    seen: list[tuple[str, int, int]] = []
    summary = build_demo(
        db,
        customers=80,
        orders=700,
        seed=1,
        today=TODAY,
        progress=lambda stage, done, total: seen.append((stage, done, total)),
    )
    with db.engine.connect() as connection:
        for name, count in summary.counts.items():
            table = Base.metadata.tables[name]
            assert connection.execute(select(func.count()).select_from(table)).scalar() == count
    db.close()
    assert summary.customers == 80
    assert summary.orders == 700  # exactly what was asked for
    assert summary.seconds > 0
    assert ("customers", 80, 80) in seen
    assert ("orders", 700, 700) in seen


def test_refuses_a_ledger_that_has_customers(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "e.sqlite")
    build_demo(db, customers=10, orders=50, today=TODAY)
    with pytest.raises(DemoDataError):
        build_demo(db, customers=10, orders=50, today=TODAY)
    db.close()


def test_empty_build(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "f.sqlite")
    summary = build_demo(db, customers=0, orders=100, today=TODAY)
    db.close()
    assert all(count == 0 for count in summary.counts.values())
