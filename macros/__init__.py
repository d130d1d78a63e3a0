"""mkdocs-macros entry point: a thin layer over plain render functions.

All logic lives in the sibling modules as pure functions (data in, Markdown or
HTML out), so it can move to another generator. This file only loads the data
at build start (a broken file fails the build before any page is rendered) and
registers the macros the pages call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from .checklist import render_checklist_html
from .data import DataError
from .links import load_links, relative_url, render_links_markdown
from .questions import load_questions, render_questions_markdown
from .scenes import (
    load_presentation,
    relative_link,
    render_article_markdown,
    render_described_markdown,
    render_presentation,
)
from .statement import load_statement, render_statement_markdown
from .updated import clear_cache, last_changed


def _note_source(env: Any, path: Path) -> None:
    """Let a data file's last change count for the page that shows it."""
    page = getattr(env, "page", None)
    if page is None:
        return
    changed = last_changed(path)
    current = page.meta.get("last_updated")
    if current is None or changed > current:
        page.meta["last_updated"] = changed


# Presentations, by data file name (docs/data/NAME.yml).
PRESENTATIONS = ("i_korthet", "planera_bildspel")


def _asset_tags(env: Any, name: str) -> str:
    """<link> and <script> for one widget's files, relative to the page, so they
    load only where the widget is (and from file:// and under a sub-path)."""
    css = get_relative_url(f"stylesheets/{name}.css", env.page.url)
    js = get_relative_url(f"javascripts/{name}.js", env.page.url)
    return f'<link rel="stylesheet" href="{css}"><script src="{js}" defer></script>'


def define_env(env: Any) -> None:
    """Load the site's data and register its macros. A broken data file stops
    the build with one clear line: file, field, problem."""
    try:
        _define_env(env)
    except DataError as err:
        raise PluginError(f"Fel i datafil: {err}") from None


def _define_env(env: Any) -> None:
    clear_cache()  # each build (also under `mkdocs serve`) reads git afresh
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
    def checklist(instance: str = "") -> str:
        """The interactive planning checklist, built from the same questions.
        ``instance`` names a second checklist on one page (its ids get a prefix)."""
        _note_source(env, questions_path)
        privacy_url = relative_url(
            env.page.file.src_uri, "om-webbplatsen.md", env.conf["use_directory_urls"]
        )
        page_url = env.page.canonical_url or env.page.url
        assets = _asset_tags(env, "checklist")
        files_url = get_relative_url("javascripts/checklist-files.js", env.page.url)
        return render_checklist_html(
            questions, page_url, privacy_url, assets, files_url=files_url, instance=instance
        )

    docs_dir = Path(env.conf["docs_dir"])
    presentations = {
        name: load_presentation(data_dir / f"{name}.yml", questions, docs_dir)
        for name in PRESENTATIONS
    }

    def _presentation(name: str) -> dict[str, Any]:
        if name not in presentations:
            known = ", ".join(sorted(presentations))
            raise DataError(
                env.page.file.src_uri, "presentation", f"okänt bildspel '{name}' ({known})"
            )
        data = presentations[name]
        _note_source(env, data_dir / f"{name}.yml")
        if any("question" in s or s.get("question_intro") for s in data["scenes"]):
            _note_source(env, questions_path)  # its text comes from there too
        return data

    @env.macro
    def summary_article(anchor: str = "varfor-en-riktlinje") -> str:
        """ "Riktlinjen i korthet" as a section of prose with a fixed id."""
        return render_article_markdown(_presentation("i_korthet"), anchor)

    @env.macro
    def presentation(name: str) -> str:
        """A presentation: its scenes as an article, with a slide-show mode."""
        data = _presentation(name)
        link = relative_link(env.page.file.src_uri, data["described_page"])
        return render_presentation(data, link, _asset_tags(env, "presentation"))

    @env.macro
    def described(name: str) -> str:
        """The described version (syntolkning) of a presentation."""
        data = _presentation(name)
        return render_described_markdown(data, relative_link(env.page.file.src_uri, data["page"]))

    links_path = data_dir / "links.yml"
    links = load_links(links_path, docs_dir, questions)

    @env.macro
    def intranet_links() -> str:
        """Every stable address, grouped by page, with full URLs to copy."""
        _note_source(env, links_path)
        return render_links_markdown(links, env.conf["site_url"] or "", env.page.file.src_uri)

    statement_path = data_dir / "accessibility.yml"
    statement = load_statement(statement_path)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement, from its facts in data."""
        _note_source(env, statement_path)
        return render_statement_markdown(statement)


def on_pre_page_macros(env: Any) -> None:
    """Record when the page's own source last changed."""
    env.page.meta["last_updated"] = last_changed(Path(env.page.file.abs_src_path))
