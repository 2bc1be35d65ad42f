"""Drawing helpers shared by the reports: A4 canvas, fitted and wrapped text, rules, footer.

Every report is drawn straight on a ReportLab canvas (no Platypus): the pages are laid out
before drawing, so each knows its 「n / 総数」 without a second pass, and a batch of 1,000
invoices costs little more than the text itself.

House rules for paper that may be FAXed: black on white, no grey fills, hairlines no thinner
than 0.5 pt, and text no smaller than 10 pt (FAX_MIN_SIZE).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from kaunet_desk.i18n import N_, _
from kaunet_desk.reports.fonts import GOTHIC, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
LEFT = MARGIN
RIGHT = PAGE_WIDTH - MARGIN
TOP = PAGE_HEIGHT - MARGIN
BOTTOM = MARGIN
CONTENT_WIDTH = RIGHT - LEFT
FOOTER_Y = BOTTOM - 4 * mm

FAX_MIN_SIZE = 10.0
LINE = 0.6  # pt: survives a FAX machine's 200 dpi
THICK = 1.5

Target = str | Path | BinaryIO

_WEEKDAYS = (N_("月"), N_("火"), N_("水"), N_("木"), N_("金"), N_("土"), N_("日"))
# Characters a line must not start with (行頭禁則): they hang on the previous line instead.
_NO_LINE_START = set("、。，．,.)）」』】〕〉》・ー…‥？！?!ゃゅょっャュョッぁぃぅぇぉァィゥェォ々")
# Characters a line must not end with (行末禁則): they move to the next line.
_NO_LINE_END = set("（「『【〔〈《([{“‘")
# Runs kept whole when wrapping: Latin words, numbers, IDs, e-mail addresses.
_TOKEN = re.compile(r"[A-Za-z0-9@._\-/:+#%&=~]+|\s+|.", re.DOTALL)
_LATIN = re.compile(r"[A-Za-z0-9@._\-/:+#%&=~]")

def new_canvas(target: Target, *, title: str, subject: str = "") -> Canvas:
    """An A4 canvas with the document properties set and the IPAex fonts registered."""
    register_fonts()
    out = str(target) if isinstance(target, Path) else target
    # initialFontName: otherwise every page declares an unembedded Helvetica.
    canvas = Canvas(out, pagesize=A4, pageCompression=1, initialFontName=GOTHIC)
    canvas.setTitle(title)
    canvas.setSubject(subject or title)
    canvas.setAuthor("Kaunet Desk")
    canvas.setCreator("Kaunet Desk")
    canvas.setLineWidth(LINE)
    return canvas


def use_font(canvas: Canvas, font: str, size: float) -> None:
    """setFont only on a change: ReportLab writes every call into the page."""
    if canvas._fontname != font or canvas._fontsize != size:
        canvas.setFont(font, size)


def weekday(day: date) -> str:
    """「木」 for a Thursday."""
    return _(_WEEKDAYS[day.weekday()])


_widest_glyph: dict[str, float] = {}


def widest_glyph_em(font: str) -> float:
    """The widest advance of ``font`` in em (IPAex Gothic 1.0, Mincho 1.044)."""
    if font not in _widest_glyph:
        widths = getFont(font).face.charWidths  # type: ignore[attr-defined]
        _widest_glyph[font] = max(widths.values()) / 1000
    return _widest_glyph[font]


def fitted(
    text: str, width: float, size: float, *, min_size: float, font: str = GOTHIC
) -> tuple[str, float]:
    """(text, size) that fits ``width``: shrunk down to ``min_size``, then cut with 「…」."""
    # Most cells are far narrower than their column: a bound from the character count
    # settles them without measuring (a batch of invoices draws 100,000 strings).
    if len(text) * size * widest_glyph_em(font) <= width:
        return text, size
    full = stringWidth(text, font, size)
    if full <= width:
        return text, size
    shrunk = size * width / full
    if shrunk >= min_size:
        return text, shrunk
    ellipsis = "…"
    room = width - stringWidth(ellipsis, font, min_size)
    cut = text
    while cut and stringWidth(cut, font, min_size) > room:
        cut = cut[:-1]
    return cut + ellipsis, min_size


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    font: str = GOTHIC,
    align: str = "left",
    width: float | None = None,
    min_size: float = FAX_MIN_SIZE,
) -> None:
    """One line of text; with ``width`` it is fitted into it (x is then the cell's left)."""
    if width is not None:
        text, size = fitted(text, width, size, min_size=min(min_size, size), font=font)
        if align == "right":
            x += width
        elif align == "center":
            x += width / 2
    use_font(canvas, font, size)
    if align == "right":
        canvas.drawRightString(x, y, text)
    elif align == "center":
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def wrap_text(text: str, width: float, size: float, font: str = GOTHIC) -> list[str]:
    """Lines no wider than ``width``.

    Japanese breaks between any two characters, Latin runs (words, numbers, IDs) stay whole
    unless wider than a line, and the 禁則 rules hold: a character that may not start a line
    (、。」・ …) takes the character before it along (追い出し), and one that may not end a
    line (「（ …) moves down to the next.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        line_width = 0.0
        for token in _TOKEN.findall(paragraph):
            if not line and token.isspace():
                continue
            token_width = stringWidth(token, font, size)
            if line_width + token_width <= width:
                line += token
                line_width += token_width
                continue
            if line:
                carried = ""
                if token[0] in _NO_LINE_START and len(line) > 1:
                    # 追い出し takes the last character along — a whole Latin word, not its
                    # last letter ("still count / s)." in English reports).
                    keep = len(line) - 1
                    while keep > 1 and _LATIN.match(line[keep - 1]) and _LATIN.match(line[keep]):
                        keep -= 1
                    line, carried = line[:keep], line[keep:]
                while len(line) > 1 and line[-1] in _NO_LINE_END:
                    line, carried = line[:-1], line[-1] + carried
                lines.append(line.rstrip())
                if token.isspace():
                    token = ""
                line = carried
                line_width = stringWidth(line, font, size)
                token_width = stringWidth(token, font, size)
            if line_width + token_width <= width:
                line += token
                line_width += token_width
                continue
            # A run wider than the line (a long URL): split it by characters.
            for char in token:
                char_width = stringWidth(char, font, size)
                if line and line_width + char_width > width:
                    lines.append(line)
                    line, line_width = "", 0.0
                line += char
                line_width += char_width
        lines.append(line.rstrip())
    return lines


def draw_paragraph(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    width: float,
    size: float,
    leading: float | None = None,
    font: str = GOTHIC,
) -> float:
    """Wrapped text whose first baseline is ``y``; returns the baseline after the last line."""
    leading = leading or size * 1.5
    use_font(canvas, font, size)
    for line in wrap_text(text, width, size, font):
        canvas.drawString(x, y, line)
        y -= leading
    return y


def paragraph_height(
    text: str, *, width: float, size: float, leading: float | None = None, font: str = GOTHIC
) -> float:
    return len(wrap_text(text, width, size, font)) * (leading or size * 1.5)


def box(
    canvas: Canvas, x: float, y: float, width: float, height: float, line: float = LINE
) -> None:
    """A rectangle outline; (x, y) is the bottom-left corner."""
    canvas.setLineWidth(line)
    canvas.rect(x, y, width, height, stroke=1, fill=0)
    canvas.setLineWidth(LINE)


def hline(canvas: Canvas, x1: float, x2: float, y: float, line: float = LINE) -> None:
    canvas.setLineWidth(line)
    canvas.line(x1, y, x2, y)
    canvas.setLineWidth(LINE)


def page_number(page: int, total: int) -> str:
    """「1 / 3」."""
    return _("{page} / {total}").format(page=page, total=total)


def footer(
    canvas: Canvas, page: int, total: int, note: str = "", right_note: str = "",
    size: float = 10,
) -> None:
    """The page number in the middle of the bottom margin, optional notes left and right."""
    use_font(canvas, GOTHIC, size)
    canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, page_number(page, total))
    side = CONTENT_WIDTH / 2 - 30
    if note:
        draw_text(canvas, LEFT, FOOTER_Y, note, size=size, width=side)
    if right_note:
        draw_text(canvas, RIGHT - side, FOOTER_Y, right_note, size=size, width=side,
                  align="right")


def reuse(canvas: Canvas, shape: object, draw: Callable[[], None]) -> None:
    """Rules and boxes that recur (same ``shape``) drawn once per PDF as a form, then reused.

    ReportLab formats every coordinate in Python: in a 1,000-invoice batch the grids would
    cost as much as the text. ``shape`` must determine everything ``draw`` draws.
    """
    name = "f" + hashlib.blake2s(repr(shape).encode(), digest_size=8).hexdigest()
    if not canvas.hasForm(name):
        canvas.beginForm(name)
        draw()
        canvas.endForm()
    canvas.doForm(name)
