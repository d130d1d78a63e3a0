"""Render a widget's markup from its Jinja template in ``templates/widgets/``.

Python shapes the data (a view model); the template holds the markup and the
Swedish text around it. Autoescape is on: data is escaped unless a template
says otherwise. The output goes into Markdown pages, where a blank line or an
indented line would end a raw HTML block, so every line is stripped and blank
lines are dropped (templates render no whitespace-sensitive content).

Templates whose name ends in ``.md`` render Markdown (headings that get ids and
a place in the table of contents): ``render_markdown`` strips every line too,
so write no indented Markdown (no nested lists, no code blocks), but keeps one
blank line where the template has blank lines, to separate blocks. An HTML
block inside such a template must have no blank line in it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2

from . import store

WIDGETS = Path(__file__).resolve().parent.parent / "templates" / "widgets"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled widget templates kept between builds (macros/store.py)."""
    folder = store.store_dir()
    return store.QuietBytecodeCache(str(folder), "widget-%s.jinja") if folder else None


@functools.cache
def _environment(folder: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        bytecode_cache=_bytecode_cache(),
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


def compact_markdown(text: str) -> str:
    """Strip every line; keep single blank lines between blocks."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(compact_html(b) for b in blocks if b.strip()) + "\n"


def render_markdown(template: str, folder: Path = WIDGETS, **context: Any) -> str:
    """Render a Markdown template (``name.md``) with context."""
    return compact_markdown(_environment(folder).get_template(template).render(**context))


def template_macros(template: str, folder: Path = WIDGETS) -> dict[str, Any]:
    """The macros a template file defines, by name (e.g. the pictures in
    ``visuals.html``); each returns escaped-safe markup when called."""
    module = _environment(folder).get_template(template).module
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, jinja2.runtime.Macro) and not name.startswith("_")
    }


def clear_cache() -> None:
    """Forget loaded templates (a long-running ``mkdocs serve``)."""
    _environment.cache_clear()
