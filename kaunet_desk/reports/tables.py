"""Ruled tables for the reports: columns sized to their content, a flex column that wraps,
label | value forms, and pagination. Black rules only, no shading (FAX-safe)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kaunet_desk.reports.fonts import GOTHIC
from kaunet_desk.reports.layout import (
    CONTENT_WIDTH,
    FAX_MIN_SIZE,
    THICK,
    box,
    draw_text,
    hline,
    reuse,
    wrap_text,
)

T = TypeVar("T")

CELL_PADDING = 3.0


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 0.0  # 0: as wide as its widest cell (see fit_columns)
    align: str = "left"  # left / right / center
    flex: bool = False  # takes the width the others leave


def table_width(columns: Sequence[Column]) -> float:
    return sum(column.width for column in columns)


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    size: float,
    width: float = CONTENT_WIDTH,
    flex_min: float = 30 * mm,
) -> list[Column]:
    """Columns with their widths settled: auto ones as wide as their widest text (header
    included), the flex one gets the rest of ``width`` (at least ``flex_min``).

    Dates in 和暦 are a third wider than 西暦; sizing by content keeps both on one line.
    """
    natural: list[float] = []
    for index, column in enumerate(columns):
        if column.width or column.flex:
            natural.append(column.width)
            continue
        widest = max(
            [stringWidth(column.title, GOTHIC, size)]
            + [stringWidth(row[index], GOTHIC, size) for row in rows]
        )
        natural.append(widest + 2 * CELL_PADDING + 1)
    rest = width - sum(natural)
    return [
        Column(c.title, max(rest, flex_min) if c.flex else w, c.align, c.flex)
        for c, w in zip(columns, natural, strict=True)
    ]


def draw_table(
    canvas: Canvas,
    x: float,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    size: float = 10,
    row_height: float = 18,
    header_height: float | None = None,
    min_size: float = FAX_MIN_SIZE,
    max_lines: int = 1,
) -> float:
    """A ruled table with a header row; returns the y of its bottom edge.

    No shading: the header is told apart by a thick rule under it (FAX-safe). With
    ``max_lines`` > 1 the flex column wraps onto that many lines (see cell_lines).
    """
    header_height = header_height or row_height
    padding = CELL_PADDING
    counts = row_line_counts(columns, rows, size, max_lines)
    heights = [row_height + (n - 1) * line_step(size) for n in counts]
    bottom = top - header_height - sum(heights)
    _table_rules(canvas, x, top, columns, header_height, heights)
    # Header.
    baseline = top - header_height / 2 - size * 0.35
    left = x
    for column in columns:
        draw_text(canvas, left + padding, baseline, column.title, size=size, align="center",
                  width=column.width - 2 * padding, min_size=min_size)
        left += column.width
    # Body.
    y = top - header_height
    for row, height in zip(rows, heights, strict=True):
        left = x
        for column, cell in zip(columns, row, strict=True):
            if cell:
                lines = cell_lines(column, cell, size, max_lines) if column.flex else [cell]
                # The cell's lines centred in the row.
                step = line_step(size)
                line_baseline = y - height / 2 + (len(lines) - 1) * step / 2 - size * 0.35
                for line in lines:
                    draw_text(canvas, left + padding, line_baseline, line, size=size,
                              align=column.align, width=column.width - 2 * padding,
                              min_size=min_size)
                    line_baseline -= step
            left += column.width
        y -= height
    return bottom


def _table_rules(
    canvas: Canvas,
    x: float,
    top: float,
    columns: Sequence[Column],
    header_height: float,
    heights: Sequence[float],
) -> None:
    """The box and rules of a table (see reuse: a batch shares a few table shapes)."""
    shape = ("table", round(x, 2), round(top, 2), [round(c.width, 2) for c in columns],
             round(header_height, 2), [round(h, 2) for h in heights])

    def draw() -> None:
        width = table_width(columns)
        bottom = top - header_height - sum(heights)
        box(canvas, x, bottom, width, top - bottom)
        left = x
        for column in columns[:-1]:
            left += column.width
            canvas.line(left, top, left, bottom)
        hline(canvas, x, x + width, top - header_height, line=THICK)
        y = top - header_height
        for height in heights[:-1]:
            y -= height
            canvas.line(x, y, x + width, y)

    reuse(canvas, shape, draw)


def line_step(size: float) -> float:
    """Baseline to baseline inside a wrapped cell."""
    return size * 1.35


def cell_lines(column: Column, cell: str, size: float, max_lines: int) -> list[str]:
    """The lines a cell takes: wrapped to the column, the last one cut with 「…」 if need be."""
    if max_lines <= 1:
        return [cell]
    lines = wrap_text(cell, column.width - 2 * CELL_PADDING, size)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], "".join(lines[max_lines - 1 :])]
    return lines


def row_line_counts(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], size: float, max_lines: int
) -> list[int]:
    """How many lines each row takes (1 unless the flex column wraps)."""
    if max_lines <= 1:
        return [1] * len(rows)
    flex = [index for index, column in enumerate(columns) if column.flex]
    if not flex:
        return [1] * len(rows)
    column = columns[flex[0]]
    return [len(cell_lines(column, row[flex[0]], size, max_lines)) for row in rows]


def draw_field_rows(
    canvas: Canvas,
    x: float,
    top: float,
    rows: Sequence[tuple[str, Sequence[str]]],
    *,
    label_width: float,
    width: float,
    size: float = 11,
    line_height: float = 17,
    padding: float = 5,
) -> float:
    """A boxed label | value form, one row per field; a value may have several lines.

    Returns the y of the bottom edge. Values are fitted to the cell (never below 10 pt).
    """
    heights = [max(1, len(lines)) * line_height + padding * 2 for _label, lines in rows]
    bottom = top - sum(heights)
    box(canvas, x, bottom, width, top - bottom)
    canvas.line(x + label_width, top, x + label_width, bottom)
    y = top
    for index, ((label, lines), height) in enumerate(zip(rows, heights, strict=True)):
        label_baseline = y - height / 2 - size * 0.35
        draw_text(canvas, x + padding, label_baseline, label, size=size,
                  width=label_width - 2 * padding)
        baseline = y - padding - line_height / 2 - size * 0.35
        for line in lines:
            draw_text(canvas, x + label_width + padding, baseline, line, size=size,
                      width=width - label_width - 2 * padding)
            baseline -= line_height
        y -= height
        if index < len(rows) - 1:
            canvas.line(x, y, x + width, y)
    return bottom



def paginate(items: Sequence[T], first: int, rest: int) -> list[list[T]]:
    """Split into pages of ``first`` then ``rest`` items; always at least one page."""
    if first < 1 or rest < 1:
        raise ValueError("a page must hold at least one row")
    pages: list[list[T]] = [list(items[:first])]
    for start in range(first, len(items), rest):
        pages.append(list(items[start : start + rest]))
    return pages
