"""The figures as a table on stdout, as JSON, and as BENCHMARKS.md."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from _figures import GROUPS, Figure


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def _number(amount: float, unit: str) -> str:
    if unit == "MB":
        return f"{amount:,.0f}"
    if unit == "s" or amount < 10:
        return f"{amount:.2f}"
    if amount < 100:
        return f"{amount:.1f}"
    return f"{amount:,.0f}"


def value(amount: float | None, unit: str) -> str:
    return "—" if amount is None else f"{_number(amount, unit)} {unit}"


def spread(figure: Figure) -> str:
    samples = figure.ours_samples
    if len(samples) < 2:
        return ""
    return f"{_number(min(samples), figure.unit)}–{value(max(samples), figure.unit)}"


def _ratio(figure: Figure) -> str:
    return "—" if figure.ratio is None else f"{figure.ratio:.2f}×"


COLUMNS = ("Figure", "Ours", "Baseline", "Ratio", "Target", "Result", "Ours min–max")


def _cells(figure: Figure) -> list[str]:
    return [figure.label, value(figure.ours, figure.unit), value(figure.baseline, figure.unit),
            _ratio(figure), figure.target or "—", figure.result, spread(figure)]


def table(figures: Sequence[Figure]) -> str:
    rows = [_cells(f) for f in figures]
    widths = [max(_width(c) for c in column) for column in zip(COLUMNS, *rows, strict=True)]
    right = {1, 2, 3}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(_pad(c, w, i in right) for i, (c, w) in enumerate(
            zip(cells, widths, strict=True))).rstrip()

    out = [line(COLUMNS), line(["-" * w for w in widths])]
    group = ""
    for figure, cells in zip(figures, rows, strict=True):
        if figure.group != group:
            group = figure.group
            out.append("")
            out.append(GROUPS[group])
        out.append(line(cells))
        if figure.note:
            out.append(f"    ({figure.note})")
    return "\n".join(out)


def summary(figures: Sequence[Figure]) -> str:
    judged = [f for f in figures if f.result in ("PASS", "MISS", "MISSING")]
    missed = [f for f in judged if f.result != "PASS"]
    text = f"{len(judged) - len(missed)} of {len(judged)} targets met"
    if missed:
        text += "; not met: " + ", ".join(f"{f.key} ({f.result})" for f in missed)
    return text


def _load(values: Sequence[float]) -> str:
    return " / ".join(f"{v:.2f}" for v in values) or "?"


def markdown(meta: dict[str, Any], figures: Sequence[Figure], problems: Sequence[str],
             profiles: dict[str, str]) -> str:
    m = meta["machine"]
    lines = [
        "# Kaunet Desk — branch-scale benchmark",
        "",
        ("A --quick check (its figures mean nothing): " if meta["quick"] else
         "Latest full-scale figures: ")
        + f"{meta['customers']:,} customers / {meta['orders']:,} orders (demo ledger, seed "
        f"{meta['seed']}, built around {meta['today']}), {meta['rounds']} round(s), measured "
        f"{meta['date']} in {meta['seconds'] // 60} min.",
        "",
        "Reproduce with:",
        "",
        "```sh",
        meta["reproduce"],
        "```",
        "",
        "Every figure ran in a fresh process, alternating round by round with its baseline "
        "(measured in the same run); timings are medians over rounds, memory the largest "
        "peak RSS over rounds. Ratio = ours ÷ baseline.",
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gb']} GB; {m['os']}",
        f"- Python {m['python']}, PySide6 {m['pyside6']}, SQLite {m['sqlite']}, "
        f"SQLAlchemy {m['sqlalchemy']}, ReportLab {m['reportlab']}",
        f"- load average at the start of the run {_load(m['load_average_at_start'])}, at its end "
        f"{_load(m.get('load_average_at_end', []))} (1, 5, 15 min; a shared machine: other "
        "jobs ran during the measurement)",
        "",
        "## Figures",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    group = ""
    for figure in figures:
        if figure.group != group:
            group = figure.group
            lines.append(f"| **{GROUPS[group]}** |" + " |" * (len(COLUMNS) - 1))
        cells = _cells(figure)
        if figure.note:
            cells[0] += f" <br>*{figure.note}*"
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += ["", f"**{summary(figures)}.**", ""]
    if problems:
        lines += ["## Consistency problems", ""] + [f"- {p}" for p in problems] + [""]
    if profiles:
        lines += ["## Where the time goes (pyinstrument, one extra run each)", ""]
        for name, text in profiles.items():
            lines += [f"### {name}", "", "```", text.rstrip(), "```", ""]
    return "\n".join(lines)
