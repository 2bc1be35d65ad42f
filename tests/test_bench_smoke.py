"""The branch-scale benchmark still runs: ``tests/bench/run.py --quick`` end to end.

At 300 customers / 3,000 orders its figures mean nothing; what is checked is that every
measurement ran (in its own process, next to its baseline) and landed in the JSON.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent / "bench" / "run.py"

# Written out here rather than imported: the test must notice a figure that disappears.
TIMED = [
    "startup.first_paint", "startup.rows_shown", "startup.all_loaded",
    "startup.first_of_day_rows_shown",
    *(f"search.{kind}.{q}" for kind in ("1char", "2char", "3plus", "phone")
      for q in ("p50", "p95")),
    "search.all.p50",
    "purchases.first_rows", "purchases.all_ids", "purchases.scroll_end",
    "limits.month_totals", "import.orders", "pdf.invoices",
]
MEMORY = [f"memory.{group}" for group in
          ("startup", "search", "purchases", "limits", "import", "pdf")]
TARGETED = {
    "startup.first_paint", "search.1char.p95", "search.2char.p95", "search.3plus.p95",
    "search.phone.p95", "import.orders", "pdf.invoices", *MEMORY,
}


@pytest.mark.slow
def test_quick_benchmark_runs_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    markdown = tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--cache", str(tmp_path / "cache"),
         "--json", str(out), "--markdown", str(markdown)],
        capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    report = json.loads(out.read_text(encoding="utf-8"))
    meta = report["meta"]
    assert (meta["customers"], meta["orders"], meta["quick"]) == (300, 3000, True)
    assert meta["machine"]["cores"] >= 1 and meta["machine"]["python"]
    assert report["failures"] == {} and report["consistency_problems"] == []
    figures = report["figures"]
    assert set(figures) == set(TIMED) | set(MEMORY)
    for key in TIMED + MEMORY:
        figure = figures[key]
        for side in ("ours", "baseline"):
            assert isinstance(figure[side], float) and math.isfinite(figure[side]), (key, side)
            assert figure[side] > 0, (key, side)
        assert figure["ratio"] == pytest.approx(figure["ours"] / figure["baseline"], rel=1e-2)
        expected = {"PASS", "MISS"} if key in TARGETED else {"info"}
        assert figure["result"] in expected, (key, figure["result"])
    # Memory is a real peak RSS: a Qt application with the ledger open needs tens of MB.
    assert figures["memory.startup"]["ours"] > 30
    # The table on stdout names every row's verdict, and the Markdown has the machine.
    assert "cold start → first paint" in done.stdout
    assert "targets met" in done.stdout
    text = markdown.read_text(encoding="utf-8")
    assert "## Machine" in text and meta["machine"]["cpu"] in text
