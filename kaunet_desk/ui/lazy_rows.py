"""The id-page cache behind the long tables: ids up front, rows a page at a time.

The pattern of Anki's browser table. The model holds the ids of its rows, in the order
shown (from a search run off the GUI thread), and asks ``fetch`` for the ~200 rows of a
page the first time the view paints one of them; the pages painted last stay cached. At
1,000,000 rows only the pages the clerk scrolls to are ever read.

A table's model subclasses ``LazyRowsModel`` and keeps only what is its own: its columns,
its ``data()`` (roles, formatting, colours) and the names its view calls.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kaunet_desk.i18n import _

RowT = TypeVar("RowT")
RowT_contra = TypeVar("RowT_contra", contravariant=True)

# Rows by id for one page of ids; an id without a row vanished since the ids were read
# (another clerk deleted it), and its cells say so or stay blank.
Fetch = Callable[[list[int]], Mapping[int, RowT]]
AnyIndex = QModelIndex | QPersistentModelIndex

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class HeadedColumn(Protocol):
    @property
    def header(self) -> str:
        """N_-marked; translated when shown."""
        ...


def _no_rows(_ids: list[int]) -> Mapping[int, Any]:
    return {}


class LazyRowsModel(QAbstractTableModel, Generic[RowT]):
    """A table over row ids whose rows ``fetch`` returns a page at a time, cached by page.

    Subclasses implement ``data()``; on its hot path they read ``self._ids`` and call
    ``row_at`` (a paint asks thousands of times: one call, no more).
    """

    PAGE_SIZE: ClassVar[int] = 200
    MAX_PAGES: ClassVar[int] = 8  # pages kept; the one painted longest ago is dropped first
    # Set: a failing fetch is logged with this message and its rows stay blank until the
    # next paint tries again (the database may be busy). None: the error propagates.
    FETCH_FAILED: ClassVar[str | None] = None

    def __init__(
        self,
        fetch: Fetch[RowT] | None,
        columns: Sequence[HeadedColumn],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch: Fetch[RowT] = fetch or _no_rows
        self._columns = columns
        self._ids: list[int] = []
        self._pages: OrderedDict[int, Mapping[int, RowT]] = OrderedDict()
        self.pages_fetched = 0  # for tests and the benchmark

    # -- the ids -------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self._reset(ids)

    def _reset(
        self,
        ids: Sequence[int],
        *,
        fetch: Fetch[RowT] | None = None,
        first_page: Mapping[int, RowT] | None = None,
    ) -> None:
        """Show ``ids``, with a new ``fetch`` if given; ``first_page``, the rows of
        ``ids[:PAGE_SIZE]`` already fetched off the GUI thread, spares the first query."""
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._ids = list(ids)
        self._pages.clear()
        if first_page is not None and self._ids:
            self._pages[0] = first_page
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> None:
        """The full id list after a first page was shown: rows are appended, so the
        selection and the scroll position survive; anything else is a reset."""
        shown = len(self._ids)
        if list(ids[:shown]) != self._ids:  # a row was added in between
            self._reset(ids)
            return
        if len(ids) == shown:
            return
        if shown % self.PAGE_SIZE:
            # The last cached page was short; it fills up now.
            self._pages.pop(shown // self.PAGE_SIZE, None)
        self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
        self._ids = list(ids)
        self.endInsertRows()

    def clear(self) -> None:
        self._reset([])  # not set_ids: a subclass may give it other parameters

    def set_fetch(self, fetch: Fetch[RowT]) -> None:
        self._fetch = fetch
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Forget the cached rows (one was saved) but keep the ids and the selection."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)  # ≈1 ms at 100,000 ids; rarely needed
        except ValueError:
            return None

    # -- the cache -----------------------------------------------------------------
    def row_at(self, row: int) -> RowT | None:
        """The row shown at ``row``, fetching its page on first sight; None when ``row``
        is out of range, its id vanished or its page could not be fetched."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self.PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _load_page(self, page_no: int) -> Mapping[int, RowT]:
        start = page_no * self.PAGE_SIZE
        try:
            page = self._fetch(self._ids[start : start + self.PAGE_SIZE])
        except Exception:
            if self.FETCH_FAILED is None:
                raise
            logging.getLogger(type(self).__module__).exception(self.FETCH_FAILED)
            return {}
        self.pages_fetched += 1
        self._pages[page_no] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].header)
        return self._header_data(section, role)

    def _header_data(self, section: int, role: int) -> Any:
        """A header role besides its text (alignment, tool tip): none unless overridden."""
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class RowWithTexts(Generic[RowT]):
    """A fetched row and, once painted, its cell texts: a paint asks for every cell
    several times, and formatting dates and money is not free."""

    __slots__ = ("_format", "_texts", "row")

    def __init__(self, row: RowT, format_cells: Callable[[RowT], tuple[str, ...]]) -> None:
        self.row = row
        self._format = format_cells
        self._texts: tuple[str, ...] | None = None

    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            self._texts = self._format(self.row)
        return self._texts


class TextColumn(HeadedColumn, Protocol[RowT_contra]):
    @property
    def text(self) -> Callable[[RowT_contra], str]: ...


class FormattedRowsModel(LazyRowsModel[RowWithTexts[RowT]]):
    """A ``LazyRowsModel`` whose pages keep each row with its cell texts, formatted by
    the columns' ``text`` the first time the row is painted."""

    def __init__(
        self,
        fetch: Fetch[RowT] | None,
        columns: Sequence[TextColumn[RowT]],
        parent: QObject | None = None,
    ) -> None:
        def format_cells(row: RowT) -> tuple[str, ...]:
            return tuple(column.text(row) for column in columns)

        super().__init__(_with_texts(fetch, format_cells), columns, parent)
        self._format_cells = format_cells

    def set_ids(self, ids: Sequence[int], fetch: Fetch[RowT] | None = None) -> None:
        self._reset(ids, fetch=_with_texts(fetch, self._format_cells))


def _with_texts(
    fetch: Fetch[RowT] | None, format_cells: Callable[[RowT], tuple[str, ...]]
) -> Fetch[RowWithTexts[RowT]] | None:
    if fetch is None:
        return None

    def fetch_with_texts(ids: list[int]) -> dict[int, RowWithTexts[RowT]]:
        return {key: RowWithTexts(row, format_cells) for key, row in fetch(ids).items()}

    return fetch_with_texts
