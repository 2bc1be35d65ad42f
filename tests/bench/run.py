"""Kaunet Desk's branch-scale benchmark: every figure next to its baseline from the same run.

    python tests/bench/run.py [--customers 100000 --orders 1000000] [--rounds N]
                              [--json FILE] [--markdown BENCHMARKS.md] [--quick]
                              [--only startup,search,...] [--profile DIR] [--strict]

Measures the application on the demo ledger of a large branch (built once with
``kaunet-desk demo --seed 1 --today 2026-11-22`` and cached under
~/.cache/kaunet-desk-bench/) — cold start, customer search, the 購入履歴 tab, the month
totals of every customer, the CSV import of every order, a batch of invoice PDFs and the
peak memory of each — each in a fresh process, alternating round by round with a baseline
measured in the same run (a bare PySide6 window, the same SQL through sqlite3, raw
executemany, raw ReportLab). The machines are noisy (2 cores, other jobs): read the ratios
and the medians, not a lone time. Targets print PASS/MISS; the rest is info.

--quick: 300 customers / 3,000 orders, one round, fewer queries and invoices — checks that
the benchmark still works (CI), its figures mean nothing. --profile DIR: after the run,
one more run of each group that missed a target under pyinstrument (pip install
pyinstrument), its top frames printed and written to DIR. Exit status: 0, or 1 with
--strict when a target is missed, 2 when a measurement failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from _figures import all_figures, consistency
from _harness import (
    DEFAULT_CACHE,
    SEED,
    TODAY,
    ChildFailed,
    ChildRun,
    copy_ledger,
    ensure_demo,
    machine,
    run_child,
)
from _report import markdown, summary, table

GROUPS = ("startup", "search", "purchases", "limits", "import", "pdf")
LIMITS_MONTH = "2026-10-01"  # the last whole month before the demo's day
STARTS_PER_ROUND = 3  # starts are short and the noisiest: more samples of them
PROFILE_LINES = 60


@dataclass
class Job:
    """One child: ``name`` is the series it belongs to (e.g. search.app)."""

    name: str
    task: str
    args: dict[str, Any]
    env: dict[str, str] = field(default_factory=dict)
    before: Callable[[], None] | None = None
    after: Callable[[], None] | None = None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--customers", type=int, default=None, help="default 100,000")
    parser.add_argument("--orders", type=int, default=None, help="default 1,000,000")
    parser.add_argument("--rounds", type=int, default=None, help="default 3 (--quick: 1)")
    parser.add_argument("--json", type=Path, help="write every figure and sample here")
    parser.add_argument("--markdown", type=Path, help="write the table as BENCHMARKS.md here")
    parser.add_argument("--quick", action="store_true",
                        help="300 customers / 3,000 orders, 1 round: does it still work?")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups (default all: {','.join(GROUPS)})")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help=f"where demo ledgers and import files are kept ({DEFAULT_CACHE})")
    parser.add_argument("--searches", type=int, default=None,
                        help="queries per search class (default 40; --quick: 8)")
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed runs of each query per round (default 2; --quick: 1)")
    parser.add_argument("--invoices", type=int, default=None,
                        help="invoices in the PDF batch (default 1,000; --quick: 50)")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="profile each group that missed a target (needs pyinstrument)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    quick = args.quick
    args.customers = args.customers or (300 if quick else 100_000)
    args.orders = args.orders or (3_000 if quick else 1_000_000)
    args.rounds = args.rounds or (1 if quick else 3)
    args.searches = args.searches or (8 if quick else 40)
    args.repeats = args.repeats or (1 if quick else 2)
    args.invoices = args.invoices or (50 if quick else 1_000)
    args.groups = [g for g in args.only.split(",") if g]
    unknown = set(args.groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; choose from {GROUPS}")
    return args


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, args: argparse.Namespace, demo: Path, work: Path) -> None:
        self.args = args
        self.demo = str(demo)
        self.work = work
        self.runs: dict[str, list[ChildRun]] = {}
        self.failures: dict[str, str] = {}
        self.plans: dict[str, Any] = {}
        self._serial = 0

    # -- preparation (once per run, untimed) ------------------------------------------
    def prepare(self) -> None:
        groups = self.args.groups
        if "search" in groups:
            plan = self.work / "search-plan.json"
            self._prepare("search", "_search.prepare",
                          {"db": self.demo, "out": str(plan), "per_class": self.args.searches})
            self.plans["search"] = str(plan)
        if "pdf" in groups:
            pages = self.work / "pdf-pages.pickle"
            self._prepare("pdf", "_pdf.prepare", {"invoices": self.args.invoices,
                                                  "out": str(pages)})
            self.plans["pdf"] = str(pages)
        if "import" in groups:
            work = self.args.cache / f"import-{self.args.customers}-{self.args.orders}"
            log("import: preparing the orders CSV and the empty ledger (cached)…")
            run = self._prepare("import", "_import.prepare", {
                "db": self.demo, "work": str(work), "rows": self.args.orders})
            if run is not None:
                self.plans["import"] = run.data

    def _prepare(self, group: str, task: str, args: dict[str, Any]) -> ChildRun | None:
        try:
            return run_child(task, args)
        except ChildFailed as error:
            self.failures[group] = str(error)
            log(f"{group}: preparation failed — the group is skipped\n{error}")
            return None

    # -- the jobs of one round -------------------------------------------------------------
    def _start(self, name: str, first_of_day: bool) -> Job:
        """One start of the app with a throw-away QSettings, log and backup folder."""
        self._serial += 1
        home = self.work / f"home-{self._serial}"
        config, data = home / "config", home / "data"
        backups = data / "KaunetDesk" / "backups"
        backups.mkdir(parents=True)
        config.mkdir()
        if not first_of_day:  # today's backup exists: the app's later starts of a day
            (backups / f"kaunet-desk-{datetime.now():%Y%m%d}-000000.sqlite").touch()
        return Job(name, "_startup.app", {"db": self.demo},
                   env={"XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(data)},
                   after=lambda: shutil.rmtree(home, ignore_errors=True))

    def pairs(self, group: str) -> list[tuple[Job, Job]]:
        """(baseline, ours) pairs of the group; run in turns."""
        a = self.args
        if group == "startup":
            return [(Job("startup.bare", "_startup.bare", {}),
                     self._start("startup.app", first_of_day=False))
                    for _ in range(STARTS_PER_ROUND)]
        if group == "search":
            args = {"db": self.demo, "plan": self.plans["search"], "repeats": a.repeats}
            return [(Job("search.raw", "_search.raw", args),
                     Job("search.app", "_search.app", args))]
        if group == "purchases":
            args = {"db": self.demo, "today": TODAY.isoformat()}
            return [(Job("purchases.raw", "_purchases.raw", args),
                     Job("purchases.app", "_purchases.app", args))]
        if group == "limits":
            args = {"db": self.demo, "month": LIMITS_MONTH}
            return [(Job("limits.raw", "_limits.raw", args),
                     Job("limits.app", "_limits.app", args))]
        if group == "import":
            return [(self._import_job("raw"), self._import_job("app"))]
        if group == "pdf":
            return [(Job("pdf.raw", "_pdf.raw", {"pages": self.plans["pdf"]}),
                     Job("pdf.app", "_pdf.app", {"invoices": a.invoices}))]
        raise ValueError(group)

    def extra_jobs(self, group: str) -> list[Job]:
        if group == "startup":
            # The first start of a day backs the ledger up in the background.
            return [self._start("startup.app_first_of_day", first_of_day=True)]
        return []

    def _import_job(self, kind: str) -> Job:
        plan = self.plans["import"]
        target = self.work / f"import-{kind}.sqlite"

        def fresh() -> None:
            copy_ledger(Path(plan["empty"]), target)

        def remove() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)

        return Job(f"import.{kind}", f"_import.{kind}", {"csv": plan["csv"], "target": str(target)},
                   before=fresh, after=remove)

    def run_job(self, job: Job, group: str) -> None:
        if job.before:
            job.before()
        try:
            run = run_child(job.task, job.args, env=job.env)
        finally:
            if job.after:
                job.after()
        self.runs.setdefault(job.name, []).append(run)

    # -- the rounds -------------------------------------------------------------------------
    def measure(self) -> None:
        for number in range(self.args.rounds):
            for group in self.args.groups:
                if group in self.failures:
                    continue
                started = time.perf_counter()
                try:
                    for base, ours in self.pairs(group):
                        # Alternate who goes first: neither always gets the quieter moment.
                        for job in (base, ours) if number % 2 == 0 else (ours, base):
                            self.run_job(job, group)
                    for job in self.extra_jobs(group):
                        self.run_job(job, group)
                except ChildFailed as error:
                    self.failures[group] = str(error)
                    log(f"{group}: a measurement failed — the group is skipped\n{error}")
                    continue
                log(f"round {number + 1}/{self.args.rounds}: {group} "
                    f"({time.perf_counter() - started:.0f} s)")

    # -- profiles -----------------------------------------------------------------------------
    def profile(self, groups: list[str], folder: Path) -> dict[str, str]:
        if find_spec("pyinstrument") is None:
            log("--profile needs pyinstrument: /work/venv/bin/pip install pyinstrument")
            return {}
        folder.mkdir(parents=True, exist_ok=True)
        profiles: dict[str, str] = {}
        for group in groups:
            ours = self.pairs(group)[0][1]
            path = folder / f"{group}.txt"
            ours.env = {**ours.env, "KAUNET_BENCH_PROFILE": str(path)}
            log(f"profiling {group}…")
            try:
                self.run_job(ours, group)
            except ChildFailed as error:
                log(f"profiling {group} failed: {error}")
                continue
            self.runs[ours.name].pop()  # a profiled run is slower: not a sample
            profiles[group] = "\n".join(path.read_text(encoding="utf-8").splitlines()
                                        [:PROFILE_LINES])
        return profiles


def import_missing(failures: dict[str, str]) -> str | None:
    error = failures.get("import")
    if error is None:
        return None
    return "importer not available: " + error.strip().splitlines()[-1][:160]


def compile_bytecode() -> None:
    """Start ours from .pyc, as an installed copy does (pip and PyInstaller compile them).

    A checkout run with PYTHONDONTWRITEBYTECODE set (as on these machines) would otherwise
    compile every module of ours at every start, ≈ 10 ms of the first paint that no clerk's
    start pays. The baselines' code is PySide6's and the stdlib's, compiled at install.
    """
    import compileall

    package = find_spec("kaunet_desk")
    if package is not None and package.origin is not None:
        compileall.compile_dir(Path(package.origin).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python tests/bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    # What BENCHMARKS.md tells the reader to run: this run's shape, not its output paths.
    shape = ["--quick"] if args.quick else []
    if (args.customers, args.orders) != ((300, 3_000) if args.quick else (100_000, 1_000_000)):
        shape += ["--customers", str(args.customers), "--orders", str(args.orders)]
    reproduce = shlex.join(["python", "tests/bench/run.py", *shape, "--rounds", str(args.rounds),
                            "--markdown", "BENCHMARKS.md"])
    meta: dict[str, Any] = {
        "command": command.strip(), "reproduce": reproduce,
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "customers": args.customers, "orders": args.orders, "rounds": args.rounds,
        "quick": args.quick, "seed": SEED, "today": TODAY.isoformat(),
        "searches_per_class": args.searches, "repeats": args.repeats,
        "invoices": args.invoices, "limits_month": LIMITS_MONTH[:7],
        "machine": machine(),
    }
    started = time.perf_counter()
    compile_bytecode()
    demo, how = ensure_demo(args.cache, args.customers, args.orders)
    log(f"demo ledger {demo} ({how}); {args.rounds} round(s) of {', '.join(args.groups)}")
    with tempfile.TemporaryDirectory(prefix="kaunet-bench-") as folder:
        bench = Bench(args, demo, Path(folder))
        bench.prepare()
        bench.measure()
        failures = dict(bench.failures)
        figures = all_figures(bench.runs, invoices=args.invoices,
                              import_missing=import_missing(failures))
        figures = [f for f in figures if f.group in args.groups or
                   (f.group == "memory" and f.key.split(".")[1] in args.groups)]
        for figure in figures:
            failed = failures.get(figure.group if figure.group != "memory"
                                  else figure.key.split(".")[1])
            if failed and figure.ours is None and figure.result != "MISSING":
                figure.result, figure.note = "ERROR", failed.strip().splitlines()[-1][:160]
        profiles: dict[str, str] = {}
        if args.profile:
            missed = sorted({f.key.split(".")[1] if f.group == "memory" else f.group
                             for f in figures if f.result == "MISS"})
            profiles = bench.profile(missed, args.profile)
        problems = consistency(bench.runs)
    meta["seconds"] = round(time.perf_counter() - started)
    meta["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]

    print(f"\nKaunet Desk branch-scale benchmark — {args.customers:,} customers / "
          f"{args.orders:,} orders, {args.rounds} round(s), medians; ratio = ours ÷ baseline"
          + ("  [--quick: the figures mean nothing]" if args.quick else ""))
    m = meta["machine"]
    print(f"{m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB; Python {m['python']}, "
          f"PySide6 {m['pyside6']}, SQLite {m['sqlite']}; {meta['date']}")
    print(table(figures))
    print(f"\n{summary(figures)}")
    for problem in problems:
        print(f"CONSISTENCY: {problem}")
    for group, text in profiles.items():
        print(f"\n== profile: {group} (top {PROFILE_LINES} lines) ==\n{text}")
    if args.json:
        payload = {"meta": meta, "figures": {f.key: f.as_json() for f in figures},
                   "consistency_problems": problems, "failures": failures,
                   "profiles": profiles}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(markdown(meta, figures, problems, profiles), encoding="utf-8")
    if any(f.result == "ERROR" for f in figures) or problems:
        return 2
    if args.strict and any(f.result in ("MISS", "MISSING") for f in figures):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
