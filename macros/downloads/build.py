"""Which files the build offers for download, what each is made from, and the
bytes of each, written from the data files (never by hand).

A download's date is the last change of the files it is made from
(macros/updated.py, the same rule as a page's "Sidan uppdaterad"); it goes into
the file's own metadata, so a rebuild of unchanged data writes the same file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib
import importlib.metadata
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import store, updated
from ..data import DataError, load
from ..guideline import load_guideline
from ..pages import read_page
from ..questions import Questions, load_questions, numbered
from ..scenes import load_presentation

QUESTIONS = "planning_questions.yml"
SLIDES = "planera_bildspel.yml"
GUIDELINE = "guideline.yml"
LINKS = "links.yml"
TIPS_PAGE = "planera/index.md"
SITE_CSS = "stylesheets/extra.css"
AUTHOR = "Västra Götalandsregionen"
LANGUAGE = "sv-SE"


@dataclass
class Download:
    """One file the site offers: its stable path in the site, its kind as the
    link names it, its title, the files it is made from, and its bytes."""

    path: str  # in the site, e.g. "planera/bildspel-utbildningsplanering.pptx"
    kind: str  # "PowerPoint" or "PDF"
    title: str
    sources: list[Path]
    date: dt.date
    content: bytes = field(repr=False, default=b"")

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def size_label(self) -> str:
        """The size as a reader expects it: ``40 kB``, ``1,2 MB`` (Swedish decimal comma)."""
        return size_label(self.size)

    @property
    def label(self) -> str:
        """Kind and size, e.g. ``PowerPoint, 40 kB``."""
        return f"{self.kind}, {self.size_label}"


def size_label(size: int) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def data_date(sources: list[Path]) -> dt.date:
    """The last change of any of the files (git history, else file time)."""
    return max(map(updated.last_changed, sources))


def site_colours(docs_dir: Path) -> dict[str, str]:
    """The site's light-theme colours (``--vgr-color-NAME: #rrggbb``) from its
    stylesheet: the one home of the palette."""
    css = (docs_dir / SITE_CSS).read_text(encoding="utf-8")
    first_block = css.split("}", 1)[0]
    colours = dict(re.findall(r"--vgr-color-([a-z-]+):\s*(#[0-9a-fA-F]{6})\b", first_block))
    for name in ("text", "bg", "brand", "on-brand", "accent", "text-muted", "surface"):
        if name not in colours:
            raise DataError(docs_dir / SITE_CSS, f"--vgr-color-{name}", "färgen saknas.", None)
    return colours


@dataclass
class Sources:
    """The checked data the downloads are made from."""

    docs_dir: Path
    questions: Questions
    slides: dict[str, Any]
    tips_title: str
    guideline: dict[str, Any]
    colours: dict[str, str]
    site_name: str

    @property
    def data_dir(self) -> Path:
        return self.docs_dir / "data"

    @classmethod
    def load(cls, docs_dir: Path, site_name: str) -> Sources:
        data_dir = docs_dir / "data"
        questions = load_questions(data_dir / QUESTIONS)
        page = read_page(docs_dir / TIPS_PAGE, docs_dir)
        if not page.title:
            raise DataError(docs_dir / TIPS_PAGE, "title", "sidan har ingen titel.", 1)
        return cls(
            docs_dir=docs_dir,
            questions=questions,
            slides=load_presentation(data_dir / SLIDES, questions),
            tips_title=page.title,
            guideline=load_guideline(data_dir / GUIDELINE),
            colours=site_colours(docs_dir),
            site_name=site_name,
        )

    def numbered_questions(self) -> list[dict[str, Any]]:
        return numbered(self.questions)


@dataclass(frozen=True)
class Spec:
    """What one download is: its stable path in the site, its kind as the link
    names it, its title (from the data), the files it is made from (relative
    to docs/: the one place that says which files make it change; macros/site.py's
    READS uses it for the pages that show its size) and its writer (a module
    of this package and its function(src, download) -> bytes, imported when
    needed: python-pptx and WeasyPrint are slow to load)."""

    path: str
    kind: str
    title: Callable[[Sources], str]
    sources: tuple[str, ...]
    writer: tuple[str, str]


# Every download, by the name pages use to link to it: {{ download("bildspel") }}.
SPECS: dict[str, Spec] = {
    "bildspel": Spec(
        path="planera/bildspel-utbildningsplanering.pptx",
        kind="PowerPoint",
        title=lambda src: src.slides["title"],
        sources=(f"data/{SLIDES}", f"data/{QUESTIONS}"),
        writer=("slides", "write_slides"),
    ),
    "tips": Spec(
        path="planera/tips-utbildningsplanering.pdf",
        kind="PDF",
        title=lambda src: src.tips_title,
        sources=(TIPS_PAGE, f"data/{QUESTIONS}", f"data/{GUIDELINE}"),
        writer=("tips", "write_tips"),
    ),
}


def sources(docs_dir: Path, *names: str) -> list[Path]:
    """The files the named downloads (all without names) are made from."""
    return [docs_dir / f for name in (names or SPECS) if name in SPECS for f in SPECS[name].sources]


CODE = Path(__file__).resolve().parent.parent  # macros/: the code that reads and writes
LIBRARIES = ("python-pptx", "weasyprint", "pydyf")


def cache_key(src: Sources, name: str, download: Download) -> str:
    """A hash of everything a download's bytes depend on: its data files, the
    site's palette, the code and templates in macros/, the libraries'
    versions, its date, title and the site's name."""
    digest = hashlib.sha256()
    code = [p for p in sorted(CODE.rglob("*")) if p.suffix in {".py", ".yml", ".html", ".css"}]
    named = [(p.relative_to(src.docs_dir), p) for p in [*download.sources, src.docs_dir / SITE_CSS]]
    named += [(p.relative_to(CODE), p) for p in code]
    for name_in_key, path in named:  # names relative to docs/ and macros/: any checkout
        digest.update(name_in_key.as_posix().encode() + b"\0" + path.read_bytes())
    versions = [importlib.metadata.version(lib) for lib in LIBRARIES]
    digest.update(repr((name, download.date, download.title, src.site_name, versions)).encode())
    return digest.hexdigest()


def _made(src: Sources, name: str, download: Download, write: Callable[[], bytes]) -> bytes:
    """The download's bytes, from the build store when nothing they depend on
    changed (macros/store.py: only speed depends on it), else written anew."""
    folder = store.store_dir()
    entry = folder / f"download-{name}-{cache_key(src, name, download)}" if folder else None
    if entry is not None and entry.is_file():
        with contextlib.suppress(OSError):
            return entry.read_bytes()
    content = write()
    if entry is not None:
        with contextlib.suppress(OSError):
            fd, temp = tempfile.mkstemp(dir=entry.parent, prefix=".download-")
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            os.replace(temp, entry)
    return content


def _make(src: Sources, name: str) -> Download:
    spec = SPECS[name]
    files = sources(src.docs_dir, name)
    download = Download(
        path=spec.path,
        kind=spec.kind,
        title=spec.title(src),
        sources=files,
        date=data_date(files),
    )
    module, function = spec.writer

    def write() -> bytes:
        return getattr(importlib.import_module(f"{__package__}.{module}"), function)(src, download)

    download.content = _made(src, name, download, write)
    return download


def build_downloads(docs_dir: Path, site_name: str) -> dict[str, Download]:
    """Every download, made from the data in ``docs_dir``."""
    src = Sources.load(docs_dir, site_name)
    return {name: _make(src, name) for name in SPECS}


def listed_downloads(docs_dir: Path, downloads: dict[str, Download]) -> list[Download]:
    """The downloads links.yml lists (``files:``), in its order; a listed file
    the build does not write is an error at its line."""
    doc = load(docs_dir / "data" / LINKS, "links.schema.json")
    by_path = {d.path: d for d in downloads.values()}
    listed = []
    for i, path in enumerate(doc.data.get("files", [])):
        if path not in by_path:
            known = ", ".join(sorted(by_path))
            raise doc.error(("files", i), "data.unknown_download", file=path, known=known)
        listed.append(by_path[path])
    return listed


def full_address(site_url: str, path: str) -> str:
    """A file's full public address under the site's URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + path


def write_downloads(downloads: dict[str, Download], site_dir: Path) -> list[Path]:
    """Write every download into a built site, at its stable path."""
    written = []
    for download in downloads.values():
        target = site_dir / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.content)
        written.append(target)
    return written
