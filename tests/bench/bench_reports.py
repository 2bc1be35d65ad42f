"""Benchmark of the reports' drawing speed (not a test; rerunnable, prints the ratio).

    /work/venv/bin/python tests/bench/bench_reports.py [--invoices 1000] [--rounds 3]

1. A batch of N invoice previews (synthetic, varied: 1–25 purchases, fees, rebate, points,
   late interest) drawn by kaunet_desk.reports.invoice.render_invoices into one PDF, side by
   side with raw ReportLab drawing *the same strings at the same places in the same font on
   the same number of pages* — the strings are recorded from one run of our renderer, then
   replayed with bare ``setFont`` + ``drawString`` calls. Target: ratio ≤ 1.5.
2. One 担当販売店変更 FAX (cover + form) with the fonts already registered. Target: < 200 ms.

Medians over rounds; the fonts are registered before any timing (≈ 40–80 ms per font once
per process, shown separately).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from kaunet_desk.domain.invoice_preview import (  # noqa: E402
    ChargeLine,
    InterestLine,
    InvoicePreview,
    PurchaseLine,
    assemble_invoice,
)
from kaunet_desk.reports import fonts, layout  # noqa: E402
from kaunet_desk.reports.fax_form import FaxFormData, render_fax_form  # noqa: E402
from kaunet_desk.reports.invoice import render_invoices  # noqa: E402
from kaunet_desk.reports.settings import ReportSettings  # noqa: E402

BILLING = date(2026, 11, 1)
TODAY = date(2026, 11, 22)
SETTINGS = ReportSettings()
NAMES = ("株式会社みなと文具センター", "佐藤デザイン事務所", "有限会社あおば工務店",
         "たなか歯科クリニック", "合同会社ミライ設計", "株式会社北斗ロジスティクス")

Op = tuple[str, str, float, float, float, str]  # kind, font, size, x, y, text


def synthetic_previews(count: int, seed: int = 1) -> list[InvoicePreview]:
    rng = random.Random(seed)
    previews = []
    for n in range(count):
        purchases = []
        for k in range(rng.randint(1, 25)):
            day = date(2026, 9, rng.randint(1, 30))
            purchases.append(PurchaseLine(
                f"K{n:05d}-{k:02d}", day - timedelta(days=1), day,
                rng.randint(300, 40_000), rng.choice((0, 0, 0, rng.randint(100, 6_000))),
                rng.choice((0, 0, 0, 100, 500))))
        charges = []
        if rng.random() < 0.2:
            charges.append(ChargeLine("slip_fee", rng.randint(1, 3), 100))
        if rng.random() < 0.3:
            charges.append(ChargeLine("rebate", 1, -200))
        interest = []
        if rng.random() < 0.1:
            interest.append(InterestLine(date(2026, 9, 1), date(2026, 9, 30),
                                         date(2026, 10, 20), 30_000, 238, False))
        previews.append(assemble_invoice(
            customer_id=n + 1, customer_name=rng.choice(NAMES), billing_month=BILLING,
            period=(date(2026, 9, 1), date(2026, 9, 30)), purchases=purchases,
            charges=charges, interest=interest, standard_pct=10, reduced_pct=8, on=BILLING))
    return previews


class _RecordingCanvas(Canvas):
    """A Canvas that also notes every string drawn, per page."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.pages: list[list[Op]] = [[]]

    def _note(self, kind: str, x: float, y: float, text: str) -> None:
        self.pages[-1].append((kind, self._fontname, self._fontsize, x, y, text))

    def drawString(self, x, y, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._note("l", x, y, text)
        return super().drawString(x, y, text, *args, **kwargs)

    def drawRightString(self, x, y, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._note("r", x, y, text)
        return super().drawRightString(x, y, text, *args, **kwargs)

    def drawCentredString(self, x, y, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._note("c", x, y, text)
        return super().drawCentredString(x, y, text, *args, **kwargs)

    def showPage(self) -> None:
        super().showPage()
        self.pages.append([])


def record_text(previews: list[InvoicePreview], out: Path) -> list[list[Op]]:
    recorded: list[_RecordingCanvas] = []
    original = layout.Canvas

    def factory(*args: object, **kwargs: object) -> Canvas:
        canvas = _RecordingCanvas(*args, **kwargs)
        recorded.append(canvas)
        return canvas

    layout.Canvas = factory  # type: ignore[assignment, misc]
    try:
        render_invoices(previews, out, SETTINGS, issued_on=TODAY)
    finally:
        layout.Canvas = original  # type: ignore[misc]
    pages = recorded[0].pages
    return pages[:-1] if not pages[-1] else pages


def raw_reportlab(pages: list[list[Op]], out: Path) -> None:
    """The same strings, fonts and positions with nothing of ours in between."""
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1,
                    initialFontName=fonts.GOTHIC)
    for page in pages:
        current = ("", 0.0)
        for kind, font, size, x, y, text in page:
            if (font, size) != current:
                canvas.setFont(font, size)
                current = (font, size)
            if kind == "l":
                canvas.drawString(x, y, text)
            elif kind == "r":
                canvas.drawRightString(x, y, text)
            else:
                canvas.drawCentredString(x, y, text)
        canvas.showPage()
    canvas.save()


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def cpu_timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds: CPU time hides other processes on a shared 2-core machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    registering = timed(fonts.register_fonts)
    print(f"font registration (both IPAex, once per process): {registering * 1000:.0f} ms")

    previews = synthetic_previews(args.invoices)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pages = record_text(previews, work / "recorded.pdf")
        strings = sum(len(page) for page in pages)
        print(f"{args.invoices:,} invoices → {len(pages):,} pages, {strings:,} strings")
        ours: list[tuple[float, float]] = []
        raw: list[tuple[float, float]] = []
        for _round in range(args.rounds):
            # Side by side, in turns, so a busy spell of the machine hits both.
            ours.append(cpu_timed(lambda: render_invoices(previews, work / "ours.pdf",
                                                          SETTINGS, issued_on=TODAY)))
            raw.append(cpu_timed(lambda: raw_reportlab(pages, work / "raw.pdf")))
        for label, index in (("wall", 0), ("CPU", 1)):
            ours_s = statistics.median(t[index] for t in ours)
            raw_s = statistics.median(t[index] for t in raw)
            print(f"invoice batch ({label}): ours {ours_s:.2f} s, raw ReportLab {raw_s:.2f} s, "
                  f"ratio {ours_s / raw_s:.2f}")
        ratio = statistics.median(o[1] / r[1] for o, r in zip(ours, raw, strict=True))
        print(f"ratio (median of per-round CPU ratios): {ratio:.2f} (target ≤ 1.5); PDF "
              f"{(work / 'ours.pdf').stat().st_size / 1e6:.1f} MB vs "
              f"{(work / 'raw.pdf').stat().st_size / 1e6:.1f} MB")

        data = FaxFormData(
            customer_id=1, company="株式会社みなと文具センター",
            company_kana="ミナトブングセンター",
            contact_person="山田 太郎", phone="03-1234-5678", fax="03-1234-5679",
            postal_code="105-0011", address="東京都港区芝公園4丁目2-8 みなとビル3階",
            kaunet_ids=("KN-0001234", "KN-0001235"), sent_on=TODAY,
            deadline=TODAY + timedelta(days=14))
        fax = [timed(lambda: render_fax_form(data, work / "fax.pdf", SETTINGS))
               for _ in range(max(args.rounds, 10))]
        print(f"one FAX form (2 pages), fonts registered: median "
              f"{statistics.median(fax) * 1000:.1f} ms, max {max(fax) * 1000:.1f} ms "
              f"(target < 200 ms)")
    return 0 if ratio <= 1.5 and statistics.median(fax) < 0.2 else 1


if __name__ == "__main__":
    sys.exit(main())
