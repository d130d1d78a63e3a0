"""MkDocs hook: the downloads (macros/downloads/build.py) made at build start
and added to the site's files, so MkDocs writes them at their stable address,
``mkdocs serve`` serves them and rebuilds them when their data changes, and
the offline copy holds them.

It registers two macros with mkdocs-macros:

- ``download(name, text)``: a link to one file with its kind and size,
  e.g. ``Ladda ner bildspelet (PowerPoint, 43 kB)``;
- ``download_links()``: the files links.yml lists under ``files:``, with their
  full address to copy (on "Länkar för intranätet").

In mkdocs.yml: ``hooks: [..., macros/downloads/hook.py]``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parents[2]

_made: dict[str, Any] = {}


def _module(name: str) -> Any:
    """A module of the macros package, read afresh (``mkdocs serve`` picks up edits)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(name)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = _module("macros.downloads.build")
    data = _module("macros.data")
    docs_dir = Path(config.docs_dir)
    try:
        downloads = build.build_downloads(docs_dir, config.site_name)
        listed = build.listed_downloads(docs_dir, downloads)
    except data.DataError as err:
        raise SystemExit(data.message("stopped", error=err)) from None
    _made.clear()
    _made.update(downloads)
    macros = config.plugins.get("macros")
    if macros is not None:
        macros.register_macros(_macros(config, macros, downloads, listed))
    return config


def _macros(config: MkDocsConfig, plugin: Any, downloads: dict, listed: list) -> dict:
    templates = _module("macros.templates")
    urls = _module("macros.urls")
    build = _module("macros.downloads.build")
    directory_urls = bool(config.use_directory_urls)

    def here() -> str:
        return plugin.page.file.src_uri

    def view(download: Any) -> dict[str, Any]:
        return {
            "href": urls.asset_url(download.path, here(), directory_urls),
            "url": build.full_address(config.site_url or "", download.path),
            "title": download.title,
            "label": download.label,
            "type": MEDIA_TYPES[download.kind],
        }

    def download(name: str, text: str) -> str:
        """A link to one download, with its kind and size."""
        if name not in downloads:
            known = ", ".join(sorted(downloads))
            raise ValueError(f"download(”{name}”): ingen sådan fil. Filer som finns: {known}.")
        return templates.render("download.html", text=text, file=view(downloads[name]))

    def download_links() -> str:
        """The files listed in links.yml, with their full addresses."""
        return templates.render_markdown("download_links.md", files=[view(d) for d in listed])

    return {"download": download, "download_links": download_links}


MEDIA_TYPES = {
    "PowerPoint": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PDF": "application/pdf",
}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from mkdocs.structure.files import File

    for download in _made.values():
        files.append(File.generated(config, download.path, content=download.content))
    return files
