"""The site's macros: load every data file and page at build start, check them,
compute each page's date, and register the macros the pages call.

The flow: data files (docs/data/*.yml) -> loaders (questions, scenes, links,
statement, privacy: each checks its file and returns a view model) -> templates
(templates/widgets/) -> one script per widget (docs/javascripts/). Nothing
here imports MkDocs: ``env`` is the object mkdocs-macros (or Zensical's macros
extension) hands a macro module (``env.conf``, ``env.page``, ``env.macro``,
``env.variables``), and a page is read only through macros/pages.py.

A broken data file or page stops the build with one line (file, line, field,
problem) before any page is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import templates, updated
from .checklist import render_checklist_html
from .data import DataError, message, or_list
from .downloads.build import sources as download_sources
from .guideline import load_guideline, render_guideline_facts, render_guideline_link
from .links import load_links, missing_anchor, render_links_markdown
from .pages import (
    PageSource,
    current_page,
    link_origin,
    scan_pages,
    set_meta,
    source_path,
)
from .privacy import load_privacy, render_privacy_markdown
from .questions import Questions, load_questions, render_questions_markdown
from .scenes import (
    Presentation,
    load_presentations,
    render_article_markdown,
    render_described_markdown,
    render_presentation,
)
from .statement import load_statement, render_statement_markdown
from .urls import asset_url, page_address, relative_link, relative_url

QUESTIONS = "planning_questions.yml"
LINKS = "links.yml"
STATEMENT = "accessibility.yml"
PRIVACY = "privacy.yml"
GUIDELINE = "guideline.yml"
# The macros that show a presentation, each on exactly one page per presentation.
SHOWN_ONCE = ("presentation", "described")


@dataclass
class Site:
    """Everything the pages are built from, loaded and checked."""

    docs_dir: Path
    pages: dict[str, PageSource]
    questions: Questions
    presentations: dict[str, Presentation]
    links: list[dict[str, Any]]
    statement: dict[str, Any]
    privacy: dict[str, Any]
    guideline: dict[str, Any]

    @property
    def data_dir(self) -> Path:
        return self.docs_dir / "data"

    @classmethod
    def load(cls, docs_dir: Path) -> Site:
        """Read and check every page and data file; raise DataError on the first problem."""
        data_dir = docs_dir / "data"
        pages = scan_pages(docs_dir)
        questions = load_questions(data_dir / QUESTIONS)
        titles = {uri: page.title for uri, page in pages.items() if page.title}
        site = cls(
            docs_dir=docs_dir,
            pages=pages,
            questions=questions,
            presentations=load_presentations(data_dir, questions),
            links=load_links(data_dir / LINKS, titles, questions),
            statement=load_statement(data_dir / STATEMENT),
            privacy=load_privacy(data_dir / PRIVACY),
            guideline=load_guideline(data_dir / GUIDELINE),
        )
        site.check_presentation_calls()
        return site

    def pages_calling(self, macro: str, name: str | None = None) -> list[str]:
        """The pages that call a macro (with ``name`` as its first argument)."""
        return [
            uri
            for uri, page in self.pages.items()
            for args, _ in page.calls_to(macro)
            if name is None or (args[:1] or (None,))[0] == name
        ]

    def page_calling(self, macro: str) -> str:
        """The one page that calls a macro (e.g. the privacy page)."""
        return self.pages_calling(macro)[0]

    def check_presentation_calls(self) -> None:
        """Every presentation a page names exists; each is shown on exactly one
        page and described on exactly one other."""
        known = or_list(sorted(self.presentations))
        for page in self.pages.values():
            for macro in (*SHOWN_ONCE, "summary_article"):
                for args, line in page.calls_to(macro):
                    name = args[0] if args else None
                    if isinstance(name, str) and name not in self.presentations:
                        problem = message("data.unknown_presentation", name=name, known=known)
                        raise DataError(page.path, "", problem, line)
        for name, data in self.presentations.items():
            if not any(self.pages_calling(m, name) for m in SHOWN_ONCE):
                raise DataError(data["path"], "", message("data.presentation_unused", name=name), 1)
            for macro in SHOWN_ONCE:
                shown = self.pages_calling(macro, name)
                if len(shown) != 1:
                    problem = message(
                        "data.presentation_pages",
                        name=name,
                        count=len(shown),
                        pages=", ".join(shown) or "-",
                        macro=f"{macro}()",
                    )
                    raise DataError(data["path"], "", problem, 1)

    def presentation_files(self, name: str) -> list[Path]:
        """The data files a presentation is made from."""
        data = self.presentations[name]
        return [data["path"], *([self.data_dir / QUESTIONS] if data["uses_questions"] else [])]

    def page_sources(self) -> dict[str, list[Path]]:
        """The files each page is made from: its Markdown and the data files its
        macros and variables read (declared once, in READS)."""
        sources = {}
        for uri, page in self.pages.items():
            files = [page.path]
            for name in sorted(page.names & READS.keys()):
                calls = page.calls_to(name) or [((), 0)]
                for args, _ in calls:
                    files += READS[name](self, args)
            sources[uri] = files
        return sources


def _named(site: Site, args: tuple[Any, ...]) -> list[Path]:
    return site.presentation_files(args[0]) if args and args[0] in site.presentations else []


def _data(*names: str) -> Callable[[Site, tuple[Any, ...]], list[Path]]:
    return lambda site, args: [site.data_dir / name for name in names]


# What each macro (or variable) the pages use reads: the one place that says
# which data files make a page change.
READS: dict[str, Callable[[Site, tuple[Any, ...]], list[Path]]] = {
    "planning": _data(QUESTIONS),
    "planning_questions": _data(QUESTIONS),
    "checklist": _data(QUESTIONS),
    "summary_article": _named,
    "presentation": _named,
    "described": _named,
    "intranet_links": _data(LINKS, QUESTIONS),
    "accessibility_statement": _data(STATEMENT),
    "privacy_notice": _data(PRIVACY),
    "guideline_facts": _data(GUIDELINE),
    "guideline_link": _data(GUIDELINE),
    # A link to a download shows its size: the page changes with the file's data.
    "download": lambda site, args: download_sources(site.docs_dir, *args[:1]),
    "download_links": lambda site, args: [site.data_dir / LINKS, *download_sources(site.docs_dir)],
}

_current: Site | None = None
_dates: dict[str, str] = {}
# The page metadata key the theme's "Sidan uppdaterad" line reads (overrides/main.html).
UPDATED = "page_updated"


def stop(err: DataError) -> SystemExit:
    """End the build with the error's one line (no traceback)."""
    return SystemExit(message("stopped", error=err))


def define_env(env: Any) -> None:
    """Load and check the site, set each page's date, register the macros."""
    global _current, _dates
    updated.clear_cache()
    templates.clear_cache()
    docs_dir = Path(env.conf["docs_dir"])
    if not docs_dir.is_absolute():  # Zensical: relative to the project
        docs_dir = Path(env.conf.get("root_dir") or ".") / docs_dir
    history_read = updated.read_in_background(docs_dir)
    try:
        site = _current = Site.load(docs_dir)
    except DataError as err:
        raise stop(err) from None
    finally:
        history_read()
    _dates = updated.page_dates(site.page_sources())
    env.variables["planning"] = site.questions
    directory_urls = bool(env.conf["use_directory_urls"])
    if current_page(env) is not None:  # Zensical: once per page, with the page
        on_pre_page_macros(env)

    def here() -> str:
        return source_path(env.page)

    def origin() -> str:
        """Where relative href and src in this page's raw HTML start from."""
        return link_origin(env.page)

    def assets(widget: str) -> dict[str, str]:
        return {
            "css": asset_url(f"stylesheets/{widget}.css", origin(), directory_urls),
            "js": asset_url(f"javascripts/{widget}.js", origin(), directory_urls),
        }

    @env.macro
    def planning_questions(heading_level: int = 2) -> str:
        """The planning questions as headings with fixed ids."""
        return render_questions_markdown(site.questions, heading_level)

    @env.macro
    def checklist(instance: str = "") -> str:
        """The interactive planning checklist, built from the same questions.
        ``instance`` names a second checklist on one page (its ids get a prefix)."""
        privacy = relative_url(origin(), site.page_calling("privacy_notice"), directory_urls)
        page_url = page_address(env.conf.get("site_url") or "", here(), directory_urls)
        tags = templates.render("assets.html", **assets("checklist"))
        # A data attribute: no engine rewrites it, so relative to the page itself.
        files = asset_url("javascripts/checklist-files.js", here(), directory_urls)
        return render_checklist_html(
            site.questions, page_url, privacy, tags, files_url=files, instance=instance
        )

    @env.macro
    def summary_article(name: str, anchor: str) -> str:
        """A presentation as a section of prose with a fixed id."""
        return render_article_markdown(site.presentations[name], anchor)

    @env.macro
    def presentation(name: str) -> str:
        """A presentation: its scenes as an article, with a slide-show mode."""
        described_page = site.pages_calling("described", name)[0]
        link = relative_link(here(), described_page)
        return render_presentation(site.presentations[name], link, assets("presentation"))

    @env.macro
    def described(name: str) -> str:
        """The described version (syntolkning) of a presentation."""
        link = relative_link(here(), site.pages_calling("presentation", name)[0])
        return render_described_markdown(site.presentations[name], link)

    @env.macro
    def intranet_links() -> str:
        """Every stable address, grouped by page, with full URLs to copy."""
        site_url = env.conf["site_url"] or ""
        return render_links_markdown(site.links, site_url, origin(), directory_urls)

    @env.macro
    def accessibility_statement() -> str:
        """The accessibility statement, from its facts in data."""
        return render_statement_markdown(site.statement)

    @env.macro
    def privacy_notice() -> str:
        """The page about the site and personal data, from its facts in data."""
        links = {
            "checklist": relative_link(here(), site.page_calling("checklist")),
            "statement": relative_link(here(), site.page_calling("accessibility_statement")),
        }
        return render_privacy_markdown(site.privacy, links)

    @env.macro
    def guideline_facts() -> str:
        """The guideline's own facts (decided by, valid from, official page)."""
        return render_guideline_facts(site.guideline)

    @env.macro
    def guideline_link() -> str:
        """The guideline's official address as a link, written as the region writes it."""
        return render_guideline_link(site.guideline)


def on_pre_page_macros(env: Any) -> None:
    """Before a page's macros run: its date into its metadata, where the theme
    reads it (``page.meta.page_updated``)."""
    page = current_page(env)
    if page is not None:
        set_meta(page, UPDATED, _dates.get(source_path(page)))


def check_built_site(site: Site, site_dir: Path, directory_urls: bool) -> None:
    """Checks that need the built pages: every address in links.yml exists."""
    err = missing_anchor(site.links, site_dir, directory_urls)
    if err:
        raise stop(err)


def on_post_build(env: Any) -> None:
    """After the build: check the built site against the data."""
    if _current is not None:
        check_built_site(_current, Path(env.conf["site_dir"]), bool(env.conf["use_directory_urls"]))
