"""From the children's results to figures: medians over rounds, ratios, PASS/MISS.

Every figure is ours vs a baseline measured in the same run, alternating with it round by
round, so a busy spell of the shared machine hits both. Timings are the median over
rounds; peak memory is the largest over rounds. Targets (the lead's, not to be loosened):

  first paint ≤ 1.5× a bare PySide6 window; search p95 ≤ 2× its raw SQL and ≤ 50 ms;
  import ≥ ⅓ of the speed of raw executemany (time ≤ 3×); PDF batch ≤ 1.5× raw ReportLab;
  peak memory ≤ 400 MB. Figures without a target are printed as "info".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from _harness import ChildRun, median, percentile

FIRST_PAINT_MAX_RATIO = 1.5
SEARCH_P95_MAX_RATIO = 2.0
SEARCH_P95_MAX_MS = 50.0
IMPORT_MAX_RATIO = 3.0  # import time ≤ 3× raw executemany ⇔ ≥ ⅓ of its speed
PDF_MAX_RATIO = 1.5
MEMORY_MAX_MB = 400.0

SEARCH_CLASSES = (
    ("1char", "1-character Japanese query"),
    ("2char", "2-character Japanese query"),
    ("3plus", "3+-character Japanese query"),
    ("phone", "phone number"),
)

# Every group: its heading, what its baseline is, and which child's memory is "ours".
GROUPS = {
    "startup": "Cold start, launch → offscreen window (baseline: a bare PySide6 QMainWindow "
               "1280×800 shown and closed)",
    "search": "Customer search, customer_list.customer_ids (baseline: its SQL through sqlite3)",
    "purchases": "購入履歴 tab, all customers, default 6-month window (baseline: the service's "
                 "queries through sqlite3)",
    "limits": "月間購入上限, month_usage of every customer (baseline: its 3 SQL statements "
              "through sqlite3)",
    "import": "CSV import of every order, transfer.importer.import_file (baseline: raw "
              "sqlite3.executemany of the parsed rows)",
    "pdf": "Invoice previews to one PDF, reports.invoice.render_invoices (baseline: raw "
           "ReportLab, same strings and font)",
    "memory": "Peak memory (ru_maxrss of each child's whole life; baseline: its baseline's)",
}


@dataclass
class Figure:
    key: str
    group: str
    label: str
    unit: str  # "ms", "s" or "MB"
    ours: float | None
    baseline: float | None
    target: str = ""
    result: str = "info"  # PASS, MISS, info, MISSING
    ours_samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        return data


Runs = dict[str, list[ChildRun]]  # task name → one run per round


def _verdict(passed: bool) -> str:
    return "PASS" if passed else "MISS"


def _pair(key: str, group: str, label: str, unit: str, ours: Sequence[float],
          base: Sequence[float]) -> Figure:
    return Figure(key, group, label, unit,
                  median(ours) if ours else None, median(base) if base else None,
                  ours_samples=[round(v, 3) for v in ours],
                  baseline_samples=[round(v, 3) for v in base])


def _values(runs: list[ChildRun], pick: Callable[[dict[str, Any]], float]) -> list[float]:
    return [pick(run.data) for run in runs]


def startup_figures(runs: Runs) -> list[Figure]:
    bare = _values(runs.get("startup.bare", []), lambda d: d["first_paint"])
    app = runs.get("startup.app", [])
    first = _pair("startup.first_paint", "startup", "cold start → first paint", "ms",
                  _values(app, lambda d: d["first_paint"]), bare)
    if first.ratio is not None:
        first.target = f"≤ {FIRST_PAINT_MAX_RATIO}×"
        first.result = _verdict(first.ratio <= FIRST_PAINT_MAX_RATIO)
    figures = [
        first,
        _pair("startup.rows_shown", "startup", "cold start → customers tab rows painted", "ms",
              _values(app, lambda d: d["rows_shown"]), bare),
        _pair("startup.all_loaded", "startup", "cold start → every tab loaded (idle)", "ms",
              _values(app, lambda d: d["all_loaded"]), bare),
        _pair("startup.first_of_day_rows_shown", "startup",
              "first start of the day (daily backup runs) → rows", "ms",
              _values(runs.get("startup.app_first_of_day", []), lambda d: d["rows_shown"]),
              bare),
    ]
    figures[1].note = "the later starts of a day: today's backup exists"
    return figures


def search_figures(runs: Runs) -> list[Figure]:
    app, raw = runs.get("search.app", []), runs.get("search.raw", [])
    figures: list[Figure] = []
    for name, label in SEARCH_CLASSES:
        for q in (0.5, 0.95):
            tag = f"p{round(q * 100)}"
            ours = _values(app, lambda d, q=q, n=name: percentile(d[n]["times_ms"], q))
            base = _values(raw, lambda d, q=q, n=name: percentile(d[n]["times_ms"], q))
            figure = _pair(f"search.{name}.{tag}", "search", f"search {tag}, {label}", "ms",
                           ours, base)
            if app and raw:
                cpu_ours = median(_values(app, lambda d, q=q, n=name:
                                          percentile(d[n]["cpu_ms"], q)))
                cpu_raw = median(_values(raw, lambda d, q=q, n=name:
                                         percentile(d[n]["cpu_ms"], q)))
                figure.note = (f"≈{app[0].data[name]['mean_hits']:,} hits per query; "
                               f"CPU time {cpu_ours:.1f} vs {cpu_raw:.1f} ms")
            if q == 0.95 and figure.ratio is not None and figure.ours is not None:
                figure.target = f"≤ {SEARCH_P95_MAX_RATIO:g}× and ≤ {SEARCH_P95_MAX_MS:g} ms"
                figure.result = _verdict(figure.ratio <= SEARCH_P95_MAX_RATIO
                                         and figure.ours <= SEARCH_P95_MAX_MS)
            figures.append(figure)
    all_rows = _pair("search.all.p50", "search", "whole list (empty query) p50", "ms",
                     _values(app, lambda d: percentile(d["all"]["times_ms"], 0.5)),
                     _values(raw, lambda d: percentile(d["all"]["times_ms"], 0.5)))
    figures.append(all_rows)
    return figures


def purchases_figures(runs: Runs) -> list[Figure]:
    app, raw = runs.get("purchases.app", []), runs.get("purchases.raw", [])
    rows = f"{app[0].data['rows']:,} orders in the window" if app else ""
    figures = [
        _pair("purchases.first_rows", "purchases", "attach → first rows painted", "ms",
              _values(app, lambda d: d["first_rows_ms"]),
              _values(raw, lambda d: d["first_rows_ms"])),
        _pair("purchases.all_ids", "purchases", "then → every id of the window loaded", "ms",
              _values(app, lambda d: d["all_ids_ms"]), _values(raw, lambda d: d["all_ids_ms"])),
        _pair("purchases.scroll_end", "purchases", "scroll to the end → last rows painted",
              "ms", _values(app, lambda d: d["scroll_end_ms"]),
              _values(raw, lambda d: d["scroll_end_ms"])),
    ]
    figures[0].note = rows
    return figures


def limits_figures(runs: Runs) -> list[Figure]:
    app, raw = runs.get("limits.app", []), runs.get("limits.raw", [])
    figure = _pair("limits.month_totals", "limits", "every customer's total of a month", "ms",
                   _values(app, lambda d: d["ms"]), _values(raw, lambda d: d["ms"]))
    if raw:
        grouped = median(_values(raw, lambda d: d["grouped_only_ms"]))
        figure.note = f"the grouped query alone: {grouped:.0f} ms"
    return [figure]


def import_figures(runs: Runs, missing: str | None) -> list[Figure]:
    app, raw = runs.get("import.app", []), runs.get("import.raw", [])
    figure = _pair("import.orders", "import", "import every order from CSV", "s",
                   _values(app, lambda d: d["seconds"]), _values(raw, lambda d: d["seconds"]))
    figure.target = f"≥ ⅓ raw speed (≤ {IMPORT_MAX_RATIO:g}×)"
    if missing:
        figure.result, figure.note = "MISSING", missing
    elif figure.ratio is not None:
        figure.result = _verdict(figure.ratio <= IMPORT_MAX_RATIO)
        rows = app[0].data["rows"]
        figure.note = (f"{rows:,} rows; {rows / figure.ours:,.0f} vs "  # type: ignore[operator]
                       f"{rows / figure.baseline:,.0f} rows/s")  # type: ignore[operator]
    return [figure]


def pdf_figures(runs: Runs, invoices: int) -> list[Figure]:
    app, raw = runs.get("pdf.app", []), runs.get("pdf.raw", [])
    figure = _pair("pdf.invoices", "pdf", f"{invoices:,} invoice previews → one PDF", "s",
                   _values(app, lambda d: d["ms"] / 1000), _values(raw, lambda d: d["ms"] / 1000))
    if figure.ratio is not None:
        figure.target = f"≤ {PDF_MAX_RATIO}×"
        figure.result = _verdict(figure.ratio <= PDF_MAX_RATIO)
        cpu = median(_values(app, lambda d: d["cpu_ms"])) / median(
            _values(raw, lambda d: d["cpu_ms"]))
        figure.note = f"CPU-time ratio {cpu:.2f}×"
    return [figure]


# (figure key, ours task, baseline task, label)
MEMORY = (
    ("memory.startup", "startup.app", "startup.bare", "app start, every tab loaded"),
    ("memory.search", "search.app", "search.raw", "customer search"),
    ("memory.purchases", "purchases.app", "purchases.raw", "購入履歴 tab, scrolled to the end"),
    ("memory.limits", "limits.app", "limits.raw", "month totals of every customer"),
    ("memory.import", "import.app", "import.raw", "CSV import of every order"),
    ("memory.pdf", "pdf.app", "pdf.raw", "invoice batch to PDF"),
)


def memory_figures(runs: Runs) -> list[Figure]:
    figures = []
    for key, ours_task, base_task, label in MEMORY:
        ours = [run.peak_mb for run in runs.get(ours_task, [])]
        base = [run.peak_mb for run in runs.get(base_task, [])]
        figure = Figure(key, "memory", label, "MB", max(ours) if ours else None,
                        max(base) if base else None, ours_samples=ours, baseline_samples=base)
        if figure.ours is not None:
            figure.target = f"≤ {MEMORY_MAX_MB:g} MB"
            figure.result = _verdict(figure.ours <= MEMORY_MAX_MB)
        figures.append(figure)
    return figures


def all_figures(runs: Runs, *, invoices: int, import_missing: str | None) -> list[Figure]:
    return [
        *startup_figures(runs), *search_figures(runs), *purchases_figures(runs),
        *limits_figures(runs), *import_figures(runs, import_missing),
        *pdf_figures(runs, invoices), *memory_figures(runs),
    ]


def consistency(runs: Runs) -> list[str]:
    """Where ours and the baseline did not compute the same thing (then the ratio lies)."""
    problems: list[str] = []
    pairs = zip(runs.get("search.app", []), runs.get("search.raw", []), strict=False)
    for app, raw in pairs:
        for name in (n for n, _ in SEARCH_CLASSES):
            if app.data[name]["digest"] != raw.data[name]["digest"]:
                problems.append(f"search {name}: the service and the raw SQL found other ids")
    for app, raw in zip(runs.get("purchases.app", []), runs.get("purchases.raw", []),
                        strict=False):
        for key in ("rows", "window", "head_digest"):
            if app.data[key] != raw.data[key]:
                problems.append(f"purchases {key}: tab {app.data[key]} vs raw {raw.data[key]}")
    for app, raw in zip(runs.get("limits.app", []), runs.get("limits.raw", []), strict=False):
        if app.data["totals_digest"] != raw.data["totals_digest"]:
            problems.append("limits: month_usage totals differ from the grouped SQL")
    for app, raw in zip(runs.get("import.app", []), runs.get("import.raw", []), strict=False):
        if app.data["rows"] != raw.data["rows"]:
            problems.append(f"import: {app.data['rows']:,} rows imported vs "
                            f"{raw.data['rows']:,} inserted raw")
    return sorted(set(problems))
