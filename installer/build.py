"""Build the Windows installer: freeze, self-test the frozen app, then pack it with NSIS.

    python installer/build.py            # from the project root, in the build venv

1. compile the message catalogs (``python -m kaunet_desk.catalogs compile``), if any;
2. freeze with PyInstaller: ``installer/kaunet-desk.spec`` → ``build/installer/dist/KaunetDesk/``;
3. run the frozen ``KaunetDesk --self-test`` offscreen (it must exit 0) — the smoke test of
   qutebrowser's build_release.py: a bundle can build and still miss a data file;
4. ``makensis`` with the version and the frozen folder as defines →
   ``dist/KaunetDesk-<version>-setup.exe``.

The same script runs on Windows (the real installer; .github/workflows/windows-installer.yml)
and on Linux, where PyInstaller builds a Linux bundle (it cannot cross-compile) and makensis
still compiles the script against it: that checks the spec, the self-test and the NSIS
script, not the Windows binary.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "kaunet-desk.spec"
NSI = INSTALLER / "kaunet-desk.nsi"
APP = "KaunetDesk"
IS_WINDOWS = sys.platform == "win32"
EXE_NAME = APP + (".exe" if IS_WINDOWS else "")
SELF_TEST_TIMEOUT_S = 300
# Where NSIS's installer puts makensis when it is not on PATH.
WINDOWS_MAKENSIS = tuple(
    Path(os.environ.get(variable, default)) / "NSIS" / "makensis.exe"
    for variable, default in (("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                              ("PROGRAMFILES", r"C:\Program Files"))
)
# NSIS compressors: solid LZMA for releases (≈ 4× slower to build, ≈ 25 % smaller);
# zlib where only the compile matters (the installer test).
COMPRESSORS = {"lzma": "/SOLID lzma", "zlib": "zlib"}


class BuildError(RuntimeError):
    """A step failed; the message says which and why."""


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from kaunet_desk import __version__

    return __version__


def setup_name(app_version: str) -> str:
    return f"{APP}-{app_version}-setup.exe"


def find_makensis() -> Path | None:
    found = shutil.which("makensis")
    if found:
        return Path(found)
    if IS_WINDOWS:
        return next((p for p in WINDOWS_MAKENSIS if p.is_file()), None)
    return None


def missing_tools() -> list[str]:
    """What this machine lacks to build; empty when everything is there."""
    missing = []
    if find_spec("PyInstaller") is None:
        missing.append("PyInstaller (pip install -e .[build])")
    if find_makensis() is None:
        missing.append("makensis (Windows: NSIS 3 from nsis.sourceforge.io or `choco install "
                       "nsis`; Debian: apt-get install nsis)")
    return missing


def check_cli() -> None:
    """Fail in a second, not after the freeze, when the CLI lacks --self-test."""
    from kaunet_desk.cli import build_parser

    _args, unknown = build_parser().parse_known_args(["--self-test"])
    if unknown:
        raise BuildError("kaunet_desk/cli.py has no --self-test flag: the frozen app could "
                         "not be checked")


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    say("$ " + " ".join(str(part) for part in command))
    return subprocess.run(command, text=True, check=False, **kwargs)  # type: ignore[call-overload]


def compile_catalogs() -> None:
    if find_spec("kaunet_desk.catalogs") is None:
        say("no kaunet_desk.catalogs: the app ships its Japanese source strings only")
        return
    result = run([sys.executable, "-m", "kaunet_desk.catalogs", "compile"], cwd=ROOT)
    if result.returncode:
        raise BuildError("compiling the message catalogs failed")


def freeze(work: Path) -> Path:
    result = run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
         "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "work")],
        cwd=ROOT,
    )
    folder = work / "dist" / APP
    if result.returncode or not (folder / EXE_NAME).is_file():
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); no {folder / EXE_NAME}")
    return folder


def self_test(folder: Path, work: Path) -> str:
    """Run the frozen app's --self-test; its report (one line per check) is returned."""
    report = work / "self-test.txt"
    report.unlink(missing_ok=True)
    env = dict(os.environ)
    if not IS_WINDOWS:
        # Windows keeps its native platform plugin: the clerk's app loads that one.
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        result = run([str(folder / EXE_NAME), "--self-test", str(report)], env=env,
                     capture_output=True, timeout=SELF_TEST_TIMEOUT_S)
    except subprocess.TimeoutExpired as error:
        raise BuildError(
            f"the frozen self-test did not finish in {SELF_TEST_TIMEOUT_S} s"
        ) from error
    # The report file, not stdout: a windowed Windows exe may have no stdout at all.
    text = report.read_text(encoding="utf-8") if report.is_file() else result.stdout
    print(text, end="" if text.endswith("\n") else "\n", flush=True)
    if result.returncode:
        if result.stderr.strip():
            print(result.stderr.rstrip(), flush=True)
        raise BuildError(f"the frozen self-test failed (exit {result.returncode})")
    return text


def make_installer(
    makensis: Path, folder: Path, out: Path, app_version: str, compressor: str
) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    setup = out / setup_name(app_version)
    setup.unlink(missing_ok=True)
    result = run(
        [str(makensis), "-V3", "-WX", "-INPUTCHARSET", "UTF8",
         f"-DVERSION={app_version}", f"-DDIST_DIR={folder}", f"-DEXE_NAME={EXE_NAME}",
         f"-DOUT_FILE={setup}", f"-DCOMPRESSOR={COMPRESSORS[compressor]}", str(NSI)],
        capture_output=True,
    )
    lines = result.stdout.splitlines()
    # The summary makensis ends with: output file, sections, compressed size.
    start = next((i for i, line in enumerate(lines) if line.startswith("Output:")), 0)
    print("\n".join(lines[start:]), flush=True)
    if result.returncode or not setup.is_file():
        print(result.stderr, flush=True)
        raise BuildError(f"makensis failed (exit {result.returncode})")
    return setup


def folder_size(folder: Path) -> int:
    # Linux bundles hold symlinks to their libraries: count each file once.
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink()
               and p.is_file())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def build(work: Path, out: Path, compressor: str = "lzma") -> Path:
    missing = missing_tools()
    if missing:
        raise BuildError("missing: " + "; ".join(missing))
    makensis = find_makensis()
    assert makensis is not None
    app_version = version()
    check_cli()
    timings: dict[str, float] = {}

    def step(name: str, started: float) -> None:
        timings[name] = time.perf_counter() - started
        say(f"{name}: {timings[name]:.1f} s")

    started = time.perf_counter()
    compile_catalogs()
    folder = freeze(work)
    step("freeze", started)
    started = time.perf_counter()
    self_test(folder, work)
    step("self-test", started)
    started = time.perf_counter()
    setup = make_installer(makensis, folder, out, app_version, compressor)
    step("makensis", started)
    say(f"frozen app: {folder} ({megabytes(folder_size(folder))})")
    say(f"setup file: {setup} ({megabytes(setup.stat().st_size)})")
    say(f"total: {sum(timings.values()):.1f} s")
    return setup


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        # A Windows console or pipe may be cp1252: the report is Japanese.
        sys.stdout.reconfigure(errors="backslashreplace")
    parser = argparse.ArgumentParser(prog="python installer/build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "installer",
                        help="PyInstaller's work and dist folders (default: build/installer)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="where the setup file goes (default: dist)")
    parser.add_argument("--compressor", choices=sorted(COMPRESSORS), default="lzma",
                        help="NSIS compression (default lzma: the release setting)")
    args = parser.parse_args(argv)
    try:
        build(args.work.resolve(), args.out.resolve(), args.compressor)
    except BuildError as error:
        say(f"FAILED: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
