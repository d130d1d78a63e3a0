"""The page about the site and personal data, from its facts in data.

The facts (who is responsible, what is stored where, the server's log, the
person's rights, where to complain) are in ``docs/data/privacy.yml``; the text
around them is ``templates/widgets/privacy.md``. Facts still awaiting the
owner's confirmation are marked there (see macros/publication.py): the page
gets the plain values, and in a preview an ”Utkast” notice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import load
from .publication import draft_notice, plain, unconfirmed
from .templates import render_markdown

SCHEMA = "privacy.schema.json"


def load_privacy(path: Path) -> dict[str, Any]:
    """Load and validate the privacy facts: the plain values, and under
    ``unconfirmed`` the facts awaiting confirmation."""
    doc = load(path, SCHEMA)
    return {**plain(doc.data), "unconfirmed": unconfirmed(doc)}


def render_privacy_markdown(
    data: dict[str, Any], links: dict[str, str], draft: bool | None = None
) -> str:
    """The page's body as Markdown; ``links`` are Markdown link targets to
    other pages (``checklist``, ``statement``). ``draft``: show the ”Utkast”
    notice (None: when the build is a preview, PREVIEW=1)."""
    notice = draft_notice(data.get("unconfirmed", []), draft)
    return notice + render_markdown("privacy.md", links=links, **data)
