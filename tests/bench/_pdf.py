"""A batch of invoice previews to one PDF: render_invoices vs raw ReportLab.

Reuses tests/bench/bench_reports.py: synthetic but varied previews (1–25 purchases, fees,
rebate, points, late interest); the baseline replays the very strings our renderer drew —
same font, size, position and page count — with bare ``setFont``/``drawString``. The
strings are recorded once per run (``prepare``); the fonts are registered before any
timing in both children (≈ 40–80 ms per font, once per process).
"""

from __future__ import annotations

import pickle
import tempfile
import time
from pathlib import Path
from typing import Any


def _timed(work: Any) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return {"ms": (time.perf_counter() - wall) * 1000, "cpu_ms": (time.process_time() - cpu) * 1000}


def prepare(invoices: int, out: str) -> dict[str, Any]:
    import bench_reports

    bench_reports.fonts.register_fonts()
    previews = bench_reports.synthetic_previews(invoices)
    with tempfile.TemporaryDirectory() as folder:
        pages = bench_reports.record_text(previews, Path(folder) / "recorded.pdf")
    Path(out).write_bytes(pickle.dumps(pages))
    return {"pages": len(pages), "strings": sum(len(page) for page in pages)}


def app(invoices: int) -> dict[str, Any]:
    import bench_reports

    bench_reports.fonts.register_fonts()
    previews = bench_reports.synthetic_previews(invoices)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "ours.pdf"
        result = _timed(lambda: bench_reports.render_invoices(
            previews, out, bench_reports.SETTINGS, issued_on=bench_reports.TODAY))
        result["pdf_mb"] = out.stat().st_size / 1e6
    return result


def raw(pages: str) -> dict[str, Any]:
    import bench_reports

    bench_reports.fonts.register_fonts()
    recorded = pickle.loads(Path(pages).read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "raw.pdf"
        result = _timed(lambda: bench_reports.raw_reportlab(recorded, out))
        result["pdf_mb"] = out.stat().st_size / 1e6
    return result
