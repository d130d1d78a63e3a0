"""The accessibility statement (tillgänglighetsredogörelse), from its facts in data.

The facts are in ``docs/data/accessibility.yml`` (checked by its schema: an
empty contact or an unknown standard stops the build); the text around them,
in the order of Digg's model statement, is ``overrides/widgets/statement.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import load
from .templates import render_markdown

SCHEMA = "accessibility.schema.json"


def load_statement(path: Path) -> dict[str, Any]:
    """Load and validate the statement's facts."""
    return load(path, SCHEMA).data


def render_statement_markdown(data: dict[str, Any]) -> str:
    """The statement as Markdown."""
    return render_markdown("statement.md", **data)
