"""The intranet link list: every stable address, with its full URL."""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml
from mkdocs.utils import get_relative_url

from .data import _LOADER, DataError, load
from .questions import Questions, question_anchor

Link = dict[str, str]


def page_path(md_path: str, directory_urls: bool = True) -> str:
    """The site path of a page: with directory URLs ``planera/checklista.md`` ->
    ``planera/checklista/`` and ``riktlinjen/index.md`` -> ``riktlinjen/``;
    without them (the offline build) ``planera/checklista.html``."""
    stem = md_path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def relative_url(from_md: str, to_md: str, directory_urls: bool = True) -> str:
    """The URL of one page relative to another's URL, for links in raw HTML
    (which MkDocs does not rewrite): ``planera/checklista.md`` to
    ``om-webbplatsen.md`` is ``../../om-webbplatsen/`` (offline:
    ``../om-webbplatsen.html``)."""
    url = get_relative_url(page_path(to_md, directory_urls), page_path(from_md, directory_urls))
    # A directory URL keeps its slash (MkDocs gives ".." for the site root).
    return url + "/" if directory_urls and not url.endswith("/") else url


def page_title(md_file: Path) -> str:
    """The ``title`` from a page's front matter, else its first ``#`` heading."""
    text = md_file.read_text(encoding="utf-8")
    front = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if front:
        meta = yaml.load(front.group(1), Loader=_LOADER) or {}  # noqa: S506 - safe loader
        if meta.get("title"):
            return str(meta["title"])
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    if heading:
        return heading.group(1).strip()
    raise DataError(md_file, "title", "sidan saknar titel")


def load_links(path: Path, docs_dir: Path, questions: Questions) -> list[dict[str, Any]]:
    """Read links.yml into groups: a page (title, md path) and its anchors."""
    data = load(path, path.with_name("links.schema.json"))
    groups = []
    for i, entry in enumerate(data["pages"]):
        md_file = docs_dir / entry["page"]
        if not md_file.is_file():
            raise DataError(path, f"pages[{i}].page", f"sidan '{entry['page']}' finns inte")
        anchors = [dict(a) for a in entry.get("anchors", [])]
        if entry.get("questions"):
            anchors += [
                {"id": question_anchor(q), "label": f"Fråga {n}: {q['text']}"}
                for n, q in enumerate(questions["questions"], start=1)
            ]
        groups.append({"page": entry["page"], "title": page_title(md_file), "anchors": anchors})
    return groups


def _row(label: str, href: str, url: str) -> str:
    button = (
        f'<button type="button" class="md-button vgr-copy" data-copy="{escape(url)}" '
        f'aria-label="Kopiera adressen till {escape(label)}" data-js hidden>Kopiera</button>'
    )
    return f'- [{escape(label)}]({href})<br><code class="vgr-url">{escape(url)}</code> {button}'


def render_links_markdown(groups: list[dict[str, Any]], site_url: str, from_page: str) -> str:
    """One section per page: the page's own address, then each fixed anchor.
    Links are relative (MkDocs checks them); the full URLs are for copying."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    parts = []
    for group in groups:
        href = posixpath.relpath(group["page"], posixpath.dirname(from_page) or ".")
        url = urljoin(base, page_path(group["page"]))
        parts += [f"## {escape(group['title'])}", "", _row("Hela sidan", href, url)]
        parts += [
            _row(a["label"], f"{href}#{a['id']}", f"{url}#{a['id']}") for a in group["anchors"]
        ]
        parts.append("")
    return "\n".join(parts)
