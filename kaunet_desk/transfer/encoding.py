"""Which encoding a CSV file is in: cp932 (Japanese Excel's 「CSV」) or UTF-8, BOM or not.

tech-notes.md「Japanese data」: Excel writes cp932, not strict Shift_JIS (髙, Ⅲ, ㎝ exist only
in cp932), or UTF-8 with a BOM. A file that is valid UTF-8 is taken as UTF-8 — cp932 text
of any length is almost never valid UTF-8 — and anything else as cp932. The clerk can
always override the guess.
"""

from __future__ import annotations

import codecs
from pathlib import Path

CP932 = "cp932"
UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
ENCODINGS = (CP932, UTF8_BOM, UTF8)

# Enough to decide: stop once this much non-ASCII text decoded as UTF-8 without an error.
_ENOUGH_NON_ASCII = 64 * 1024
# Never read more than this to guess (a mostly-ASCII 1 GB file is still answered quickly).
_MAX_SNIFF = 16 * 1024 * 1024
_CHUNK = 256 * 1024


def detect_encoding(path: str | Path) -> str:
    """cp932, utf-8-sig (a BOM) or utf-8. A file of pure ASCII is cp932 (identical there)."""
    with open(path, "rb") as handle:
        head = handle.read(len(codecs.BOM_UTF8))
        if head == codecs.BOM_UTF8:
            return UTF8_BOM
        decoder = codecs.getincrementaldecoder(UTF8)()
        non_ascii = 0
        read = 0
        chunk = head
        while True:
            try:
                # Incremental: a character split across two chunks is kept pending.
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return CP932
            if not chunk.isascii():
                non_ascii += len(chunk) - len(chunk.decode("latin-1").encode("ascii", "ignore"))
                if non_ascii >= _ENOUGH_NON_ASCII:
                    return UTF8
            read += len(chunk)
            if read >= _MAX_SNIFF:
                break
            chunk = handle.read(_CHUNK)
            if not chunk:
                break
    return UTF8 if non_ascii else CP932


def normalise_encoding(name: str) -> str:
    """The canonical name of a supported encoding; ValueError for anything else.

    "shift_jis" / "sjis" are read as cp932, its superset, because that is what Excel means.
    """
    key = name.strip().lower().replace("_", "-")
    aliases = {
        "cp932": CP932, "ms932": CP932, "windows-31j": CP932, "shift-jis": CP932,
        "sjis": CP932, "utf-8": UTF8, "utf8": UTF8, "utf-8-sig": UTF8_BOM,
        "utf-8-bom": UTF8_BOM, "utf8-sig": UTF8_BOM,
    }
    if key not in aliases:
        raise ValueError(name)
    return aliases[key]
