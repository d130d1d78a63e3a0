"""Offline copy (OFFLINE=true): the vendored iframe-worker shim instead of a CDN.

Material's offline plugin makes search work from file:// with the
iframe-worker shim, which it links from a CDN (unpkg.com). An offline copy
must request nothing from another host, so after the build every page's link
to the CDN shim is pointed at the vendored copy in the site itself.

Runs as a hook after ``mkdocs build``, and from scripts/build.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SHIM = "javascripts/vendor/iframe-worker/shim.js"
CDN_SHIM = re.compile(r'<script src="https?://[^"]*iframe-worker[^"]*"></script>')


def use_local_shim(site_dir: Path) -> int:
    """Point every page's CDN shim at the vendored copy; return how many pages."""
    if not (site_dir / SHIM).is_file():
        raise FileNotFoundError(f"offline: {SHIM} is missing from {site_dir}")
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        local = Path(os.path.relpath(site_dir / SHIM, path.parent)).as_posix()
        fixed = CDN_SHIM.sub(f'<script src="{local}"></script>', html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed


def offline_enabled(config: MkDocsConfig) -> bool:
    """Is Material's offline plugin on in this build?"""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def on_post_build(config: MkDocsConfig) -> None:
    if offline_enabled(config):
        use_local_shim(Path(config.site_dir))
