"""The intranet link list: every stable address, with its full URL.

The list links with raw HTML, which MkDocs does not check, so that a wrong
anchor is reported against links.yml (the file to fix) rather than against
the page that lists it: ``missing_anchor`` checks every address against the
built pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .data import DataError, Document, load
from .questions import Questions, numbered
from .templates import render_markdown
from .urls import full_url, page_path, relative_url

SCHEMA = "links.schema.json"
_ID = re.compile(r'\bid="([^"]+)"')


def load_links(path: Path, titles: dict[str, str], questions: Questions) -> list[dict[str, Any]]:
    """Read links.yml into groups: a page (its source path and title) and its
    fixed anchors, each remembering where it stands in links.yml."""
    doc = load(path, SCHEMA)
    groups = []
    for i, entry in enumerate(doc.data["pages"]):
        if entry["page"] not in titles:
            raise doc.error(("pages", i, "page"), "data.page_missing", page=entry["page"])
        anchors = [
            {
                "id": a["id"],
                "label": a["label"],
                "number": None,
                "where": ("pages", i, "anchors", j, "id"),
            }
            for j, a in enumerate(entry.get("anchors", []))
        ]
        if entry.get("questions"):
            anchors += [
                {
                    "id": q["anchor"],
                    "label": q["text"],
                    "number": q["number"],
                    "where": ("pages", i, "questions"),
                }
                for q in numbered(questions)
            ]
        groups.append(
            {"page": entry["page"], "title": titles[entry["page"]], "anchors": anchors, "doc": doc}
        )
    return groups


def render_links_markdown(
    groups: list[dict[str, Any]], site_url: str, from_page: str, directory_urls: bool = True
) -> str:
    """One section per page: the page's own address, then each fixed anchor.
    ``href`` is relative (works offline and under a sub-path); ``url`` is the
    full public address to copy. Without a site address (an offline copy built
    without a public SITE_URL) ``url`` is the page's path from the site's
    start, and the page says so."""
    view = [
        {
            "title": group["title"],
            "href": relative_url(from_page, group["page"], directory_urls),
            "url": full_url(site_url, group["page"]),
            "anchors": group["anchors"],
        }
        for group in groups
    ]
    return render_markdown("links.md", groups=view, public=bool(site_url))


def built_ids(site_dir: Path, page: str, directory_urls: bool) -> set[str]:
    """The element ids of a built page."""
    path = site_dir / page_path(page, directory_urls)
    html = path / "index.html" if directory_urls else path
    return set(_ID.findall(html.read_text(encoding="utf-8"))) if html.is_file() else set()


def missing_anchor(
    groups: list[dict[str, Any]], site_dir: Path, directory_urls: bool
) -> DataError | None:
    """The first listed anchor that no built page has, as an error in links.yml."""
    for group in groups:
        ids = built_ids(site_dir, group["page"], directory_urls)
        for anchor in group["anchors"]:
            if anchor["id"] not in ids:
                doc: Document = group["doc"]
                return doc.error(
                    anchor["where"], "data.missing_anchor", page=group["page"], id=anchor["id"]
                )
    return None
