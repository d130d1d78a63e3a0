"""The accessibility statement (tillgänglighetsredogörelse), from its facts in data.

The facts are in ``docs/data/accessibility.yml`` (checked by its schema: an
empty contact or an unknown standard stops the build); the text around them,
in the order of Digg's model statement, is ``templates/widgets/statement.md``.
Facts still awaiting the owner's confirmation are marked there (see
macros/publication.py): the page gets the plain values, and in a preview an
”Utkast” notice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import load
from .publication import draft_notice, plain, unconfirmed
from .templates import render_markdown

SCHEMA = "accessibility.schema.json"


def load_statement(path: Path) -> dict[str, Any]:
    """Load and validate the statement's facts: the plain values, and under
    ``unconfirmed`` the facts awaiting confirmation."""
    doc = load(path, SCHEMA)
    return {**plain(doc.data), "unconfirmed": unconfirmed(doc)}


def render_statement_markdown(data: dict[str, Any], draft: bool | None = None) -> str:
    """The statement as Markdown. ``draft``: show the ”Utkast” notice (None:
    when the build is a preview, PREVIEW=1)."""
    notice = draft_notice(data.get("unconfirmed", []), draft)
    return notice + render_markdown("statement.md", **data)
