"""Render a widget's markup from its Jinja template in ``overrides/widgets/``.

Python shapes the data (a view model); the template holds the markup and the
Swedish text around it. Autoescape is on: data is escaped unless a template
says otherwise. The output goes into Markdown pages, where a blank line or an
indented line would end a raw HTML block, so every line is stripped and blank
lines are dropped (templates render no whitespace-sensitive content).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

WIDGETS = Path(__file__).resolve().parent.parent / "overrides" / "widgets"


@functools.cache
def _environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def compact_html(html: str) -> str:
    """Strip every line and drop blank ones, so Markdown keeps the block whole."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def render(template: str, folder: Path = WIDGETS, **context: Any) -> str:
    """Render ``folder/template`` with context; the result is Markdown-safe HTML."""
    return compact_html(_environment(folder).get_template(template).render(**context))


def clear_cache() -> None:
    """Forget loaded templates (a long-running ``mkdocs serve``)."""
    _environment.cache_clear()
