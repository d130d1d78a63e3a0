"""macros/ stays plain Python: ready for any generator that runs mkdocs-macros
(Zensical ignores hooks but runs macros), so it imports nothing from MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

MACROS = Path(__file__).resolve().parents[2] / "macros"


def imported_modules(source: str) -> set[str]:
    """Every module a Python source imports, by its full dotted name."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_macros_import_nothing_from_mkdocs() -> None:
    offenders = {
        path.name: sorted(
            m
            for m in imported_modules(path.read_text("utf-8"))
            if m.split(".")[0] in {"mkdocs", "material"}
        )
        for path in sorted(MACROS.glob("*.py"))
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_the_check_sees_an_mkdocs_import() -> None:
    assert "mkdocs.utils" in imported_modules("from mkdocs.utils import get_relative_url")
    assert "mkdocs" in imported_modules("import mkdocs")
