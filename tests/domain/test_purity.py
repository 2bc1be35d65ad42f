"""The domain stays importable without Qt, a database or the PDF library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kaunet_desk.domain

DOMAIN_DIR = Path(kaunet_desk.domain.__file__).parent
FORBIDDEN = (
    "PySide6",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "kaunet_desk.store",
    "kaunet_desk.ui",
    "kaunet_desk.reports",
)
MODULES = sorted(DOMAIN_DIR.rglob("*.py"))


def package_of(path: Path) -> str:
    """The package a module under kaunet_desk/domain belongs to, for relative imports."""
    try:
        parts = path.parent.relative_to(DOMAIN_DIR).parts
    except ValueError:
        parts = ()
    return ".".join(("kaunet_desk", "domain", *parts))


def imported_names(path: Path) -> list[str]:
    package = package_of(path)
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.append(f"{base}.{node.module}" if node.module else base)
            else:
                names.append(node.module or "")
    return names


def is_forbidden(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in FORBIDDEN)


def test_domain_has_modules() -> None:
    assert len(MODULES) > 5


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_ui_database_or_report_imports(path: Path) -> None:
    bad = [name for name in imported_names(path) if is_forbidden(name)]
    assert bad == [], f"{path.name} imports {bad}"


def test_checker_sees_forbidden_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import PySide6.QtCore\nfrom sqlalchemy import select\nfrom ..store import x\n",
        encoding="utf-8",
    )
    assert [is_forbidden(name) for name in imported_names(sample)] == [True, True, True]
