"""Serve the site's own scripts and styles without comments and indentation,
and join a script written as parts into the one file pages load.

Parts: a folder ``javascripts/NAME/`` of classic scripts, one job each (the
checklist's sync core, plan store, views, ...), becomes ``javascripts/NAME.js``:
the parts in file-name order inside one function, sharing one local object
``checklistParts`` (no globals), and the folder is left out of the site. Each
part ends ``})(typeof checklistParts === "object" ? checklistParts :
module.exports);`` so the pure ones also load under Node (tests/sim/run.js).

The sources in docs/ keep their doc comments; the built copies drop them,
which takes about a fifth off what a first visit downloads. Only block
comments are removed (the sources use no line comments), and line breaks are
kept, so the code runs exactly as written. Vendored files are left alone.

Runs as a hook after ``mkdocs build``, and from scripts/build.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
OWN_ASSETS = ("javascripts/*.js", "stylesheets/*.css")


def compact(text: str) -> str:
    """Drop block comments, indentation and blank lines."""
    lines = (line.strip() for line in BLOCK_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


JOINED = ("checklist", "checklist-files")
OPENING = '(function () {\n"use strict";\nconst checklistParts = {};\n'
CLOSING = "})();\n"


def join_parts(folder: Path) -> str:
    """The parts in a folder as one classic script."""
    parts = sorted(folder.glob("*.js"))
    if not parts:
        raise FileNotFoundError(f"compact_assets: no parts in {folder}")
    return OPENING + "".join(p.read_text(encoding="utf-8") for p in parts) + CLOSING


def join_site(site_dir: Path) -> None:
    """Join each script written as parts; leave the parts out of the site."""
    for name in JOINED:
        folder = site_dir / "javascripts" / name
        if folder.is_dir():
            (site_dir / "javascripts" / f"{name}.js").write_text(
                join_parts(folder), encoding="utf-8"
            )
            shutil.rmtree(folder)


def compact_site(site_dir: Path) -> None:
    """Join the parted scripts, then compact the site's own scripts and styles."""
    join_site(site_dir)
    for pattern in OWN_ASSETS:
        for path in sorted(site_dir.glob(pattern)):
            path.write_text(compact(path.read_text(encoding="utf-8")), encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    compact_site(Path(config.site_dir))
