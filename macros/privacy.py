"""The page about the site and personal data, from its facts in data.

The facts (who is responsible, what is stored where, the server's log) are in
``docs/data/privacy.yml``; the text around them is
``overrides/widgets/privacy.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import load
from .templates import render_markdown

SCHEMA = "privacy.schema.json"


def load_privacy(path: Path) -> dict[str, Any]:
    """Load and validate the privacy facts."""
    return load(path, SCHEMA).data


def render_privacy_markdown(data: dict[str, Any], links: dict[str, str]) -> str:
    """The page's body as Markdown; ``links`` are Markdown link targets to
    other pages (``checklist``, ``statement``)."""
    return render_markdown("privacy.md", links=links, **data)
