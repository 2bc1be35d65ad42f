"""Tabular reports: a title, a few lines of context, ruled tables in sections, notes.

Laid out in two passes over plain data — first into pages, then drawn — so every page
knows its 「n / 総数」. The table header repeats on every page; a section heading is never
left alone at the bottom of a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kaunet_desk.i18n import _
from kaunet_desk.reports.fonts import register_fonts
from kaunet_desk.reports.layout import (
    BOTTOM,
    CONTENT_WIDTH,
    LEFT,
    RIGHT,
    THICK,
    TOP,
    Target,
    draw_text,
    footer,
    hline,
    new_canvas,
    wrap_text,
)
from kaunet_desk.reports.tables import (
    Column,
    draw_table,
    fit_columns,
    line_step,
    row_line_counts,
)

_TITLE_SIZE = 18.0
_TEXT_SIZE = 11.0
_LEADING = 17.0
_HEADING_HEIGHT = 28.0
_GAP = 8.0


@dataclass(frozen=True)
class Section:
    title: str
    rows: Sequence[Sequence[str]]
    empty_text: str = ""  # printed instead of an empty table


@dataclass(frozen=True)
class Listing:
    title: str
    columns: Sequence[Column]
    sections: Sequence[Section]
    info_lines: Sequence[str] = ()  # under the title on page 1
    notes: Sequence[str] = ()  # after the last table
    corner: str = ""  # top right of page 1: the creation date
    footer_note: str = ""
    size: float = 10.0
    row_height: float = 18.0
    max_lines: int = 2  # the flex column wraps onto this many lines
    subject: str = field(default="")


@dataclass
class _Page:
    ops: list[tuple[str, object]] = field(default_factory=list)


def _header_height(listing: Listing) -> float:
    return _TITLE_SIZE + 16 + _LEADING * len(listing.info_lines) + _GAP


def _layout(listing: Listing, columns: Sequence[Column]) -> list[_Page]:
    pages = [_Page()]
    y = TOP - _header_height(listing)
    floor = BOTTOM + 8

    def new_page() -> float:
        pages.append(_Page())
        return TOP - 30  # the 「（続き）」 line

    def room_for(height: float) -> None:
        nonlocal y
        if y - height < floor:
            y = new_page()

    for section in listing.sections:
        # A heading needs its table header and one row (or the empty text) beneath it.
        if section.title:
            room_for(_HEADING_HEIGHT + listing.row_height * 2)
            pages[-1].ops.append(("heading", section.title))
            y -= _HEADING_HEIGHT
        if not section.rows:
            room_for(listing.row_height)
            pages[-1].ops.append(("text", section.empty_text or _("該当なし")))
            y -= listing.row_height + _GAP
            continue
        counts = row_line_counts(columns, section.rows, listing.size, listing.max_lines)
        step = line_step(listing.size)
        heights = [listing.row_height + (n - 1) * step for n in counts]
        start = 0
        while start < len(heights):
            room_for(listing.row_height + heights[start])
            y -= listing.row_height  # the header row
            end = start
            while end < len(heights) and y - heights[end] >= floor:
                y -= heights[end]
                end += 1
            pages[-1].ops.append(("table", section.rows[start:end]))
            start = end
            if start < len(heights):
                y = new_page()
        y -= _GAP
    for note in listing.notes:
        for line in wrap_text(note, CONTENT_WIDTH, listing.size):
            room_for(_LEADING)
            pages[-1].ops.append(("note", line))
            y -= _LEADING
    return pages


def render_listing(listing: Listing, target: Target) -> int:
    """Draw the listing; returns the page count."""
    register_fonts()  # measuring the columns needs the fonts before the canvas exists
    all_rows = [row for section in listing.sections for row in section.rows]
    columns = fit_columns(listing.columns, all_rows, size=listing.size)
    pages = _layout(listing, columns)
    canvas = new_canvas(target, title=listing.title, subject=listing.subject)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        if number == 1:
            y = TOP - _TITLE_SIZE
            draw_text(canvas, LEFT, y, listing.title, size=_TITLE_SIZE,
                      width=CONTENT_WIDTH * 0.7)
            if listing.corner:
                draw_text(canvas, RIGHT, y, listing.corner, size=_TEXT_SIZE, align="right")
            hline(canvas, LEFT, RIGHT, y - 10, line=THICK)
            y -= 16
            for line in listing.info_lines:
                y -= _LEADING
                draw_text(canvas, LEFT, y + 4, line, size=_TEXT_SIZE, width=CONTENT_WIDTH)
            y = TOP - _header_height(listing)
        else:
            draw_text(canvas, LEFT, TOP - 14, _("{title}（続き）").format(title=listing.title),
                      size=_TEXT_SIZE, width=CONTENT_WIDTH)
            y = TOP - 30
        for kind, value in page.ops:
            if kind == "heading":
                draw_text(canvas, LEFT, y - _HEADING_HEIGHT + 9, str(value), size=13,
                          width=CONTENT_WIDTH)
                y -= _HEADING_HEIGHT
            elif kind == "table":
                y = draw_table(canvas, LEFT, y, columns, value,  # type: ignore[arg-type]
                               size=listing.size, row_height=listing.row_height,
                               max_lines=listing.max_lines) - _GAP
            elif kind == "text":
                draw_text(canvas, LEFT + 4, y - listing.row_height + 5, str(value),
                          size=listing.size)
                y -= listing.row_height + _GAP
            else:
                draw_text(canvas, LEFT, y - _LEADING + 5, str(value), size=listing.size)
                y -= _LEADING
        footer(canvas, number, total, listing.footer_note)
        canvas.showPage()
    canvas.save()
    return total
