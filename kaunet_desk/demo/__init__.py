"""Deterministic demo data: a believable customer ledger with two years of orders.

`build_demo(db, customers=…, orders=…, seed=…, today=…)` fills an empty database; the same
seed and today give the same rows. See generator.py for how it stays fast.
"""

from kaunet_desk.demo.generator import DemoDataError, DemoSummary, build_demo

__all__ = ["DemoDataError", "DemoSummary", "build_demo"]
