"""Reading the reports back: text, fonts, sizes and a rendered page."""

from __future__ import annotations

import subprocess
from itertools import pairwise
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def page_lines(path: Path) -> list[list[str]]:
    return [[line.strip() for line in text.splitlines() if line.strip()]
            for text in page_texts(path)]


def pairs(lines: list[str]) -> dict[str, str]:
    """label → the line that follows it (a label cell and its amount cell)."""
    return dict(pairwise(lines))


def _fonts(resources: DictionaryObject | None) -> list[DictionaryObject]:
    if resources is None:
        return []
    fonts = resources.get("/Font")
    if fonts is None:
        return []
    return [font.get_object() for font in fonts.get_object().values()]


def unembedded_fonts(path: Path) -> list[str]:
    """Names of fonts without an embedded TrueType program (FontFile2), on any page."""
    missing: list[str] = []
    for page in PdfReader(path).pages:
        for font in _fonts(page.get("/Resources")):
            descriptor = font.get("/FontDescriptor")
            descendants = font.get("/DescendantFonts")
            if descriptor is None and descendants is not None:
                descriptor = descendants.get_object()[0].get_object().get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.append(str(font.get("/BaseFont")))
    return missing


def font_names(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(path).pages:
        names.update(str(font.get("/BaseFont")) for font in _fonts(page.get("/Resources")))
    return names


def pdffonts_embedded(path: Path) -> list[tuple[str, str]]:
    """(name, emb column) for each font poppler's pdffonts lists."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name, type (may be two words), encoding, emb, sub, uni, object, ID
        rows.append((parts[0], parts[-5]))
    return rows


def smallest_text(path: Path, page_index: int) -> float:
    """The smallest effective font size (pt) of any text drawn on the page."""
    sizes: list[float] = []

    def visit(text: str, cm: list, tm: list, _font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    PdfReader(path).pages[page_index].extract_text(visitor_text=visit)
    return min(sizes)


def render_first_page(path: Path, out_dir: Path) -> Path:
    """Page 1 as PNG at 80 dpi, as the brief asks to look at it."""
    prefix = out_dir / path.stem
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path),
                    str(prefix)], check=True)
    (png,) = out_dir.glob(f"{path.stem}-*1.png")
    return png
