"""The lazy model: ids up front, records a page at a time, a small cache."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kaunet_desk.store.services.audit_log import AuditKind, AuditRecord, FieldChange
from kaunet_desk.ui.audit.columns import column_index
from kaunet_desk.ui.audit.model import ENTRY_ID_ROLE, RECORD_ROLE, AuditLogModel

START = datetime(2026, 11, 20, 18, 0)


def _record(entry_id: int) -> AuditRecord:
    return AuditRecord(
        id=entry_id, at=START - timedelta(minutes=entry_id), user="tanaka", action="update",
        entity="customer", entity_id=entry_id, customer_id=entry_id,
        customer_name=f"株式会社テスト{entry_id}",
        changes=(FieldChange("phone", "03-1111-1111", "03-2222-2222"),),
        kind=AuditKind.CUSTOMER,
    )


class FakeLog:
    def __init__(self) -> None:
        self.asked: list[list[int]] = []

    def fetch(self, ids: list[int]) -> dict[int, AuditRecord]:
        self.asked.append(list(ids))
        return {i: _record(i) for i in ids if i != 7}  # 7 vanished since the ids were read


def test_pages_are_fetched_when_painted(qtbot: QtBot) -> None:
    log = FakeLog()
    model = AuditLogModel(log.fetch)
    model.set_ids(range(1, 100_001))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    qtbot.waitUntil(lambda: bool(log.asked))
    assert model.rowCount() == 100_000
    assert all(len(ids) <= model.PAGE_SIZE for ids in log.asked)
    assert {ids[0] for ids in log.asked} == {1}  # only the first page was painted
    view.scrollToBottom()
    qtbot.waitUntil(lambda: log.asked[-1][-1] == 100_000)
    assert model.pages_fetched <= 3


def test_model_contract(qtmodeltester: object) -> None:
    model = AuditLogModel(FakeLog().fetch)
    model.set_ids(range(1, 451))  # three pages, one of them short
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.clear()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_cells_and_roles() -> None:
    model = AuditLogModel(FakeLog().fetch)
    model.set_ids([3, 7])
    at = model.index(0, column_index("at"))
    assert at.data() == "2026/11/20 17:57:00"
    assert model.index(0, column_index("customer")).data() == "株式会社テスト3"
    assert model.index(0, column_index("changes")).data() == "電話番号: 03-1111-1111 → 03-2222-2222"
    assert at.data(ENTRY_ID_ROLE) == 3
    assert at.data(RECORD_ROLE) == _record(3)
    assert model.index(1, 0).data() == "(読み込めません)"
    assert model.index(1, 0).data(ENTRY_ID_ROLE) == 7
    assert model.headerData(0, Qt.Orientation.Horizontal) == "日時"


def test_a_failing_fetch_leaves_blank_cells_and_retries() -> None:
    calls = []

    def flaky(ids: list[int]) -> dict[int, AuditRecord]:
        calls.append(ids)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return {i: _record(i) for i in ids}

    model = AuditLogModel(flaky)
    model.set_ids([1, 2])
    assert model.index(0, 0).data() == "(読み込めません)"
    assert model.index(0, 0).data() == "2026/11/20 17:59:00"
    assert len(calls) == 2
