"""The Japanese fonts of every report: IPAex Gothic and IPAex Mincho, embedded TrueType.

Why these: ReportLab embeds (subsets) a TrueType font, so the PDF shows the same glyphs in
QtPdf, poppler and on a FAX machine's driver. The built-in CID font HeiseiKakuGo is not
embedded (QtPdf showed ¥ as a backslash) and ReportLab cannot read CFF-based OpenType
such as Noto Sans CJK (shared/tech-notes.md「PDFs」). The IPA Font License v1.0 allows
shipping the files with their license text (resources/fonts/).

Registering parses the whole TTF (≈ 40–80 ms each), so it happens once per process, on the
first report, under a lock because reports are also drawn on background threads.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"

_FILES = {GOTHIC: "ipaexg.ttf", MINCHO: "ipaexm.ttf"}
# resources/fonts/ beside the package: a source checkout (also `pip install -e`) and the
# frozen app (PyInstaller's _internal/, when the spec lists resources/fonts as data).
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
# A wheel install, when pyproject's data-files put the fonts under <prefix>/share/.
INSTALLED_DIR = Path(sys.prefix) / "share" / "kaunet-desk" / "fonts"
# Debian's fonts-ipaexfont-gothic / -mincho: the last resort on Linux.
_SYSTEM_DIRS = {
    GOTHIC: Path("/usr/share/fonts/opentype/ipaexfont-gothic"),
    MINCHO: Path("/usr/share/fonts/opentype/ipaexfont-mincho"),
}

_lock = threading.Lock()
_registered: set[str] = set()


class FontMissing(FileNotFoundError):
    """Neither the bundled nor the system IPAex file is there: the install is broken."""


def font_path(name: str) -> Path:
    """Where the TTF of ``name`` is: the bundled copy first, then the system's."""
    file_name = _FILES[name]
    folders = (BUNDLED_DIR, INSTALLED_DIR, _SYSTEM_DIRS[name])
    for folder in folders:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    raise FontMissing(
        f"{file_name} not found in {', '.join(map(str, folders))}; "
        "reinstall Kaunet Desk (or apt-get install fonts-ipaexfont)"
    )


def register_fonts() -> None:
    """Register both IPAex fonts with ReportLab, once per process."""
    if len(_registered) == len(_FILES):
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        for name in _FILES:
            if name not in _registered:
                pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
                _registered.add(name)


def fonts_registered() -> bool:
    return len(_registered) == len(_FILES)
