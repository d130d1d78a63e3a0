"""mkdocs-macros entry point: a thin layer over plain render functions.

All logic lives in the sibling modules as pure functions (data in, Markdown or
HTML out), so it can move to another generator. This file only loads the data
at build start (a broken file fails the build before any page is rendered) and
registers the macros the pages call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .checklist import render_checklist_html
from .questions import load_questions, render_questions_markdown
from .scenes import load_presentation, render_article_markdown
from .updated import last_changed


def _note_source(env: Any, path: Path) -> None:
    """Let a data file's last change count for the page that shows it."""
    page = getattr(env, "page", None)
    if page is None:
        return
    changed = last_changed(path)
    current = page.meta.get("last_updated")
    if current is None or changed > current:
        page.meta["last_updated"] = changed


def define_env(env: Any) -> None:
    """Load the site's data and register its macros."""
    data_dir = Path(env.conf["docs_dir"]) / "data"
    questions_path = data_dir / "planning_questions.yml"
    questions = load_questions(questions_path)
    env.variables["planning"] = questions

    @env.macro
    def planning_questions(heading_level: int = 2) -> str:
        """The four planning questions as headings with fixed ids."""
        _note_source(env, questions_path)
        return render_questions_markdown(questions, heading_level)

    @env.macro
    def checklist() -> str:
        """The interactive planning checklist, built from the same questions."""
        _note_source(env, questions_path)
        return render_checklist_html(questions, env.page.canonical_url or env.page.url)

    summary_path = data_dir / "i_korthet.yml"
    summary = load_presentation(summary_path)

    @env.macro
    def summary_article(anchor: str = "varfor-en-riktlinje") -> str:
        """ "Riktlinjen i korthet" as a section of prose with a fixed id."""
        _note_source(env, summary_path)
        return render_article_markdown(summary, anchor)


def on_pre_page_macros(env: Any) -> None:
    """Record when the page's own source last changed."""
    env.page.meta["last_updated"] = last_changed(Path(env.page.file.abs_src_path))
