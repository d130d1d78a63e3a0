"""The downloads in the build, through mkdocs-macros (called from macros/__init__.py):

- ``define_env``: at build start, make every download from the data
  (macros/downloads/build.py) and register the macros that link to them:
  ``download(name, text)``, a link to one file with its kind and size
  (e.g. ``Ladda ner bildspelet för PowerPoint (PowerPoint, 43 kB)``), and
  ``download_links()``, the files links.yml lists under ``files:`` with their
  full address to copy (on "Länkar för intranätet");
- ``on_post_build``: write them into the built site at their stable address.

Through the macros plugin rather than a hook in mkdocs.yml, so a build
without mkdocs.yml's hooks (Zensical ignores ``hooks:``) has them too, and
``mkdocs serve`` remakes them when their data changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..data import DataError, message
from ..pages import link_origin
from ..templates import render, render_markdown
from ..urls import asset_url
from .build import Download, build_downloads, full_address, listed_downloads, write_downloads

MEDIA_TYPES = {
    "PowerPoint": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PDF": "application/pdf",
}

_made: dict[str, Download] = {}


def define_env(env: Any) -> None:
    """Make the downloads and register the macros that link to them."""
    conf = env.conf
    docs_dir = Path(conf["docs_dir"])
    if not docs_dir.is_absolute():  # Zensical: relative to the project
        docs_dir = Path(conf.get("root_dir") or ".") / docs_dir
    try:
        downloads = build_downloads(docs_dir, conf["site_name"])
        listed = listed_downloads(docs_dir, downloads)
    except DataError as err:
        raise SystemExit(message("stopped", error=err)) from None
    _made.clear()
    _made.update(downloads)
    directory_urls = bool(conf["use_directory_urls"])

    def view(item: Download) -> dict[str, Any]:
        return {
            # Raw HTML: from where each engine starts relative links (macros.pages).
            "href": asset_url(item.path, link_origin(env.page), directory_urls),
            "url": full_address(conf["site_url"] or "", item.path),
            "title": item.title,
            "label": item.label,
            "type": MEDIA_TYPES[item.kind],
        }

    @env.macro
    def download(name: str, text: str) -> str:
        """A link to one download, with its kind and size."""
        if name not in downloads:
            known = ", ".join(sorted(downloads))
            raise ValueError(f"download(”{name}”): ingen sådan fil. Filer som finns: {known}.")
        return render("download.html", text=text, file=view(downloads[name]))

    @env.macro
    def download_links() -> str:
        """The files listed in links.yml, with their full addresses."""
        return render_markdown("download_links.md", files=[view(d) for d in listed])


def on_post_build(env: Any) -> None:
    """Write the downloads made at build start into the built site."""
    write_downloads(_made, Path(env.conf["site_dir"]))
