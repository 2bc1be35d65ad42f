"""Set up a checkout and run it: ``python3 -m kaunet_desk.bootstrap demo|test``.

Standard library only — it runs before any dependency is installed. On Debian/Ubuntu it
installs the system packages Qt and the Japanese fonts need when run as root, or stops with
the exact ``apt-get`` line to run. Then it makes ``.venv`` in the checkout and installs the
project into it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
DEMO_DB = ROOT / ".demo" / "demo.sqlite"

# Qt offscreen/xcb on a bare Debian (tech-notes), the Japanese fonts, and PDF rendering.
APT_PACKAGES = (
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libglib2.0-0",
    "libdbus-1-3",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "fonts-ipaexfont-gothic",
    "fonts-ipaexfont-mincho",
    "poppler-utils",
)
# The installer test freezes the app and compiles the NSIS script (tests/installer/).
# binutils: PyInstaller's objdump; libpython: the shared library PyInstaller bundles
# (Debian's python3 is linked statically and ships it separately).
BUILD_PACKAGES = (
    "nsis",
    "binutils",
    f"libpython{sys.version_info.major}.{sys.version_info.minor}",
)


def _say(message: str) -> None:
    print(f"[kaunet-desk] {message}", flush=True)


def _missing_debian_packages(packages: tuple[str, ...]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True,
            text=True,
            check=False,
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages(
    packages: tuple[str, ...] = APT_PACKAGES, optional: tuple[str, ...] = ()
) -> None:
    """Install what is missing as root; otherwise stop with the exact command (for
    ``packages``) or say which tests will skip (for ``optional``)."""
    if sys.platform != "linux":
        return
    missing = _missing_debian_packages(packages)
    missing_optional = _missing_debian_packages(optional)
    if not missing and not missing_optional:
        return
    line = "apt-get install -y --no-install-recommends " + " ".join(missing + missing_optional)
    if os.geteuid() != 0:
        if missing:
            _say("these system packages are missing; as root run:\n  " + line)
            raise SystemExit(1)
        _say("optional packages missing (their tests skip): " + " ".join(missing_optional))
        return
    _say("installing " + " ".join(missing + missing_optional))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*line.split(), "-qq"], check=True, env=env)


def venv_python() -> Path:
    scripts = "Scripts" if sys.platform == "win32" else "bin"
    return VENV / scripts / ("python.exe" if sys.platform == "win32" else "python")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        _say(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True
        )
    _say(f"installing the project into {VENV} ({extras or 'runtime'})")
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", target], check=True)
    # kaunet_desk/locale/*.mo are build products (not in git): compile them from i18n/.
    _say("compiling the message catalogs")
    subprocess.run([str(python), "-m", "kaunet_desk.catalogs", "compile"], check=True,
                   stdout=subprocess.DEVNULL)
    return python


def run_demo(args: argparse.Namespace) -> int:
    ensure_system_packages()
    python = ensure_venv("")
    if not DEMO_DB.exists():
        _say(f"building the demo database {DEMO_DB}")
        subprocess.run(
            [str(python), "-m", "kaunet_desk", "demo", "--db", str(DEMO_DB),
             "--customers", str(args.customers), "--orders", str(args.orders)],
            check=True,
        )
    has_display = sys.platform == "win32" or os.environ.get("DISPLAY") or os.environ.get(
        "WAYLAND_DISPLAY"
    )
    if not has_display:
        out = ROOT / ".demo" / "screenshots"
        _say(f"no display: writing screenshots of every tab to {out} instead of a window")
        return subprocess.run(
            [str(python), "-m", "kaunet_desk", "screenshot", "--db", str(DEMO_DB),
             "--out", str(out)],
            check=False,
        ).returncode
    _say("opening Kaunet Desk on the demo database")
    return subprocess.run([str(python), "-m", "kaunet_desk", "--db", str(DEMO_DB)],
                          check=False).returncode


def _pytest(python: Path, args: list[str], env: dict[str, str]) -> int:
    _say("pytest")
    return subprocess.run(
        [str(python), "-m", "pytest", *args], cwd=ROOT, env=env, check=False
    ).returncode


def run_tests(args: argparse.Namespace) -> int:
    from kaunet_desk import pg_cluster

    with_postgres = not args.no_postgres and "KAUNET_TEST_PG_URL" not in os.environ
    with_postgres = with_postgres and sys.platform == "linux" and os.geteuid() == 0
    server = pg_cluster.PACKAGES if with_postgres else ()
    ensure_system_packages(APT_PACKAGES + server, optional=BUILD_PACKAGES)
    python = ensure_venv("test,postgres,build")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    _say("ruff")
    lint = subprocess.run([str(python), "-m", "ruff", "check", "."], cwd=ROOT, check=False)
    if lint.returncode:
        return lint.returncode
    if not with_postgres:
        if "KAUNET_TEST_PG_URL" not in env:
            _say("no PostgreSQL (run as root to start one): its tests are skipped")
        return _pytest(python, args.pytest_args, env)
    # The store tests run on SQLite and on a real, throw-away PostgreSQL server.
    with pg_cluster.temporary_server() as url:
        _say("PostgreSQL started on 127.0.0.1")
        return _pytest(python, args.pytest_args, dict(env, KAUNET_TEST_PG_URL=url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m kaunet_desk.bootstrap")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="set up, build a demo database, open the app")
    demo.add_argument("--customers", type=int, default=2000)
    demo.add_argument("--orders", type=int, default=20000)
    test = sub.add_parser("test", help="set up and run the whole test suite")
    test.add_argument("--no-postgres", action="store_true",
                      help="don't start a PostgreSQL server for the store tests")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    return run_demo(args) if args.command == "demo" else run_tests(args)


if __name__ == "__main__":
    sys.exit(main())
