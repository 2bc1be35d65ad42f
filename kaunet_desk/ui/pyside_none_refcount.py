"""Work around a PySide6 6.12 bug that would crash a long session on Python < 3.12.

With PySide6 6.12.0 on Python 3.11, every call of a Qt method returning void drops one
reference to ``None``; when its count reaches zero the interpreter aborts with "Fatal
Python error: none_dealloc" (seen here after ≈ 25,000 calls — minutes of clerk work).
Python 3.12 made ``None`` immortal, so the bug is harmless there. PySide6_Pdf (our PDF
preview) exists only for 6.12, so downgrading is not an option.

Some methods returning bool do the same to ``True`` and ``False``.

The workaround gives these singletons a reference count no session can use up (2**40
calls). They are never freed anyway; only the count is raised.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_applied = False


def affected(python: tuple[int, int], pyside: str) -> bool:
    return python < (3, 12) and pyside.startswith("6.12.")


def apply() -> bool:
    """Raise the singletons' reference counts once per process when this PySide6 needs it."""
    global _applied
    import PySide6

    if _applied or not affected(sys.version_info[:2], PySide6.__version__):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    _applied = True
    return True
