"""The id-page cache every long table shares: what is fetched, when, and what is kept."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from kaunet_desk.ui.lazy_rows import AnyIndex, FormattedRowsModel, LazyRowsModel


@dataclass(frozen=True)
class _Column:
    header: str


_COLUMNS = (_Column("番号"), _Column("十倍"))


class Pages:
    """A fetch that records each page it is asked for; ``missing`` ids have vanished."""

    def __init__(self, missing: Iterable[int] = ()) -> None:
        self.asked: list[list[int]] = []
        self.missing = frozenset(missing)

    def __call__(self, ids: list[int]) -> dict[int, int]:
        self.asked.append(list(ids))
        return {i: i * 10 for i in ids if i not in self.missing}

    def firsts(self) -> list[int]:
        return [page[0] for page in self.asked]


class NumbersModel(LazyRowsModel[int]):
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self.row_at(index.row())
        if value is None:
            return None
        return str(self._ids[index.row()]) if index.column() == 0 else str(value)

    def show(self, ids: Sequence[int], first_page: dict[int, int]) -> None:
        self._reset(ids, first_page=first_page)


class TwoPagesModel(NumbersModel):
    MAX_PAGES = 2


class LoggingModel(NumbersModel):
    FETCH_FAILED = "fetching a page of numbers failed"


def test_only_the_painted_pages_are_fetched_and_a_page_is_fetched_once(qtbot: QtBot) -> None:
    pages = Pages()
    model = NumbersModel(pages, _COLUMNS)
    model.set_ids(range(1, 100_001))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitUntil(lambda: bool(pages.asked))
    assert pages.asked == [list(range(1, 201))]
    assert model.index(0, 1).data() == "10"

    view.viewport().repaint()  # painting the same rows again asks nothing
    assert model.pages_fetched == 1

    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(pages.asked) == 2)
    assert pages.firsts() == [1, 99_801]  # none of the 498 pages scrolled past
    assert model.index(99_999, 1).data() == "1000000"

    view.scrollToTop()
    view.viewport().repaint()
    assert model.pages_fetched == 2  # the first page was still cached
    assert model.headerData(1, Qt.Orientation.Horizontal) == "十倍"


def test_the_model_keeps_qts_contract(qtmodeltester: Any) -> None:
    model = NumbersModel(Pages(missing={7}), _COLUMNS)
    model.set_ids(range(1, 451))  # three pages, the last one short
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_the_page_painted_longest_ago_is_dropped_first() -> None:
    pages = Pages()
    model = TwoPagesModel(pages, _COLUMNS)
    model.set_ids(range(1000))
    for row in (0, 200, 0, 400):  # page 0 was painted after page 1
        model.row_at(row)
    assert pages.firsts() == [0, 200, 400]
    model.row_at(5)
    assert model.pages_fetched == 3
    model.row_at(205)
    assert pages.firsts() == [0, 200, 400, 200]


def test_a_vanished_id_has_no_row_and_its_page_is_not_fetched_again() -> None:
    pages = Pages(missing={7})
    model = NumbersModel(pages, _COLUMNS)
    model.set_ids([5, 6, 7])
    assert model.row_at(2) is None
    assert model.row_at(1) == 60
    assert model.row_at(3) is None and model.row_at(-1) is None
    assert model.pages_fetched == 1
    assert model.row_of(7) == 2 and model.row_of(8) is None
    assert model.id_at(2) == 7 and model.ids() == [5, 6, 7]


def test_a_failing_fetch_propagates_unless_the_model_logs_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[list[int]] = []

    def flaky(ids: list[int]) -> dict[int, int]:
        calls.append(ids)
        if len(calls) % 2:  # every other call, starting with the first
            raise RuntimeError("database is locked")
        return {i: i for i in ids}

    plain = NumbersModel(flaky, _COLUMNS)
    plain.set_ids([1, 2])
    with pytest.raises(RuntimeError):
        plain.row_at(0)

    calls.clear()
    logging_model = LoggingModel(flaky, _COLUMNS)
    logging_model.set_ids([1, 2])
    with caplog.at_level(logging.ERROR):
        assert logging_model.row_at(0) is None
    [record] = caplog.records
    assert record.name == LoggingModel.__module__
    assert record.getMessage() == "fetching a page of numbers failed"
    assert logging_model.pages_fetched == 0
    assert logging_model.row_at(0) == 1  # not cached as empty: tried again
    assert logging_model.pages_fetched == 1


def test_a_first_page_fetched_elsewhere_spares_the_first_query() -> None:
    pages = Pages()
    model = NumbersModel(pages, _COLUMNS)
    model.show(range(1, 301), {i: -i for i in range(1, 201)})
    assert model.row_at(0) == -1 and model.row_at(199) == -200
    assert pages.asked == []
    assert model.row_at(200) == 2010
    assert pages.firsts() == [201]


def test_more_ids_are_appended_without_a_reset_and_a_short_page_fills_up(qtbot: QtBot) -> None:
    pages = Pages()
    model = NumbersModel(pages, _COLUMNS)
    model.set_ids(range(1, 251))
    model.row_at(0)
    model.row_at(249)
    assert [len(page) for page in pages.asked] == [200, 50]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted):
        model.extend_ids(range(1, 501))
    assert model.rowCount() == 500
    model.row_at(0)
    model.row_at(250)
    assert [len(page) for page in pages.asked] == [200, 50, 200]  # page 1 again, now full

    with qtbot.waitSignal(model.modelReset):  # a row came in between: not a prefix
        model.extend_ids([0, *range(1, 501)])
    assert model.rowCount() == 501 and model.row_at(0) == 0


def test_refreshing_forgets_the_rows_but_keeps_the_ids(qtbot: QtBot) -> None:
    pages = Pages()
    model = NumbersModel(pages, _COLUMNS)
    model.set_ids(range(1, 11))
    model.row_at(0)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_fetch(lambda ids: {i: -i for i in ids})
    first, last, *_roles = changed.args
    assert (first.row(), first.column(), last.row(), last.column()) == (0, 0, 9, 1)
    assert model.rowCount() == 10 and model.row_at(0) == -1


@dataclass(frozen=True)
class _TextColumn:
    header: str
    text: Callable[[int], str]


def test_cell_texts_are_formatted_once_per_fetched_row() -> None:
    formatted: list[int] = []

    def plain(value: int) -> str:
        formatted.append(value)
        return str(value)

    columns = (_TextColumn("番号", plain), _TextColumn("桁区切り", lambda value: f"{value:,}"))
    model = FormattedRowsModel(Pages(), columns)
    model.set_ids([100, 200])
    entry = model.row_at(1)
    assert entry is not None and entry.row == 2000
    assert formatted == []  # fetched, not painted yet
    assert entry.texts() == ("2000", "2,000")
    assert model.row_at(1) is entry and entry.texts() == ("2000", "2,000")
    assert formatted == [2000]

    model.set_ids([3], lambda ids: {i: -i for i in ids})  # a new fetch keeps the texts
    row = model.row_at(0)
    assert row is not None and row.texts() == ("-3", "-3")
