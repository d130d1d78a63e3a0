"""The site's pages as sources: title, and which macros and variables each uses.

Read once at the start of the build, before any page is rendered: a page not
saved as UTF-8 or with a broken macro call is reported here with its file and
line, and the page dates know which data files a page shows.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import jinja2.nodes
import yaml

from .data import DataError, message, read_text, relative_to

_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.DOTALL)
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass
class PageSource:
    """One Markdown page: where it is, its title, and the names its macros use."""

    src_uri: str  # relative to docs/, e.g. "planera/checklista.md"
    path: Path
    title: str | None
    names: set[str] = field(default_factory=set)  # macros and variables it uses
    calls: list[tuple[str, tuple[object, ...], int]] = field(
        default_factory=list
    )  # name, args, line

    def calls_to(self, name: str) -> list[tuple[tuple[object, ...], int]]:
        """The arguments and line of every call to one macro."""
        return [(args, line) for called, args, line in self.calls if called == name]


def _title(meta: dict, body: str) -> str | None:
    if isinstance(meta, dict) and meta.get("title"):
        return str(meta["title"])
    heading = _HEADING.search(body)
    return heading.group(1).strip() if heading else None


def read_page(path: Path, docs_dir: Path) -> PageSource:
    """Read one page: its front matter title and the Jinja names it uses."""
    text = read_text(path)
    front = _FRONT_MATTER.match(text)
    offset = text[: front.end()].count("\n") if front else 0
    body = text[front.end() :] if front else text
    try:
        meta = yaml.safe_load(front.group(1)) if front else {}
    except yaml.YAMLError:
        meta = {}  # MkDocs reports a broken front matter itself
    try:
        tree = jinja2.Environment().parse(body)
    except jinja2.TemplateSyntaxError as err:
        problem = message("data.page_syntax", problem=err.message or "")
        raise DataError(path, "", problem, (err.lineno or 0) + offset) from None
    page = PageSource(relative_to(path, docs_dir), path, _title(meta, body))
    for node in tree.find_all(jinja2.nodes.Name):
        page.names.add(node.name)
    for call in tree.find_all(jinja2.nodes.Call):
        if isinstance(call.node, jinja2.nodes.Name):
            args = tuple(a.value if isinstance(a, jinja2.nodes.Const) else None for a in call.args)
            page.calls.append((call.node.name, args, call.lineno + offset))
    return page


def scan_pages(docs_dir: Path, skip: tuple[str, ...] = ("data/",)) -> dict[str, PageSource]:
    """Every Markdown page under docs/, by source path."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = relative_to(path, docs_dir)
        if not src_uri.startswith(skip):
            pages[src_uri] = read_page(path, docs_dir)
    return pages


# --- The page being rendered, as both engines give it ---------------------------
# MkDocs hands the macros its Page (``page.file.src_uri``, ``page.canonical_url``);
# Zensical a smaller one (``page.path``, ``page.url``, ``page.meta``). The
# macros read a page only through these functions, and compute its address
# themselves from its source path (macros/urls.py), so both engines give the
# same URLs.


def source_path(page: object) -> str:
    """The page's source path relative to docs/, e.g. ``planera/checklista.md``."""
    file = getattr(page, "file", None)
    src = file.src_uri if file is not None else page.path  # type: ignore[attr-defined]
    return str(src).replace("\\", "/")


def link_origin(page: object) -> str:
    """The page (by source path) whose address relative ``href``/``src`` in this
    page's raw HTML are resolved from. MkDocs leaves raw HTML as written, so the
    browser resolves them from the page's own address: the page itself.
    Zensical rewrites them as it rewrites Markdown links, from where the
    source file lies (``planera/checklista.md`` -> ``planera/``), which is the
    address of that folder's index page. Other attributes (``data-*``,
    ``action``) neither engine rewrites: those use the page itself."""
    src = source_path(page)
    if not type(page).__module__.startswith("zensical."):
        return src
    folder = posixpath.dirname(src)
    return f"{folder}/index.md" if folder else "index.md"


def current_page(env: object) -> object | None:
    """The page being rendered, or None before any page (MkDocs' mkdocs-macros
    raises AttributeError when ``env.page`` is read at build start)."""
    try:
        return env.page  # type: ignore[attr-defined]
    except AttributeError:
        return None


def set_meta(page: object, key: str, value: object) -> None:
    """Put a value in the page's metadata: both engines hand ``page.meta`` to the
    theme's templates (``page.meta.KEY``), unlike values put in the config."""
    meta = page.meta  # type: ignore[attr-defined]
    if value is None:
        meta.pop(key, None)
    else:
        meta[key] = value
