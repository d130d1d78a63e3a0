"""Each step after a build must have done its work, or the build stops.

The steps (theme_fixes.py, offline.py, csp.py, compact_assets.py,
page_assets.py) change the built pages by patterns written for the theme's
markup. A newer theme, or another engine (Zensical writes some tags
differently), can make a pattern match nothing: the step would then silently
leave a page without its CSP hashes, with a script from another host, or with
the styles not inlined. These checks look at the result of each step and stop
the build with one line that names the step and what is missing.

Run by scripts/build.py after each step, and as the last hook after
``mkdocs build`` (post_build_checks.py), so both engines are held to them.
"""

from __future__ import annotations

import re
from pathlib import Path

from hooks.compact_assets import OWN_ASSETS
from hooks.csp import csp_conf_path, inline_script_hashes
from hooks.offline import SHIM
from hooks.page_assets import MERGED_NAME
from hooks.theme_fixes import FIXES, optional_fixes


class StepFailed(Exception):
    """A step after the build matched nothing: its work is missing."""


# A script loaded from another host (any absolute http(s) address).
FOREIGN_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="(?:https?:)?//[^"]*"', re.IGNORECASE)
# A stylesheet the page_assets step puts inline, still linked as a file.
LINKED_STYLE = re.compile(
    r'<link rel="stylesheet" href="(?![^"]*assets/stylesheets/(?:classic/)?main\.)'
    r'[^"]*(?:stylesheets/[\w-]+\.css|palette\.[0-9a-f]{8}\.min\.css)"'
)
SITE_SCRIPT_TAG = re.compile(r'<script src="[^"]*javascripts/([\w.-]+\.js)" defer></script>')


def pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site; none at all is a failure."""
    found = sorted(site_dir.rglob("*.html"))
    if not found:
        raise StepFailed(f"post-build: no HTML pages in {site_dir}")
    return found


def _where(site_dir: Path, path: Path) -> str:
    return path.relative_to(site_dir).as_posix()


def check_theme_fixes(site_dir: Path) -> None:
    """Every page has every fixed piece of markup (an optional fix only where
    the page has the markup it changes: no heading, no permalink)."""
    for path in pages(site_dir):
        html = path.read_text(encoding="utf-8")
        optional = optional_fixes(html)
        for what, old, new in FIXES:
            if new not in html and (what not in optional or old in html):
                where = _where(site_dir, path)
                raise StepFailed(f"theme_fixes: {where}: '{what}' was not fixed")


def check_offline(site_dir: Path) -> None:
    """The offline copy loads no script from another host, and its pages use
    the vendored iframe-worker shim (search from file:// needs it)."""
    uses_shim = False
    for path in pages(site_dir):
        html = path.read_text(encoding="utf-8")
        foreign = FOREIGN_SCRIPT.search(html)
        if foreign:
            where = _where(site_dir, path)
            raise StepFailed(f"offline: {where} loads a script from another host: {foreign[0]}")
        uses_shim = uses_shim or SHIM in html
    if not uses_shim:
        raise StepFailed(f"offline: no page loads the vendored shim {SHIM}")


def check_csp(site_dir: Path) -> None:
    """The CSP snippet exists and allows every inline script of every page
    (the theme always has some: none found means the pattern missed them)."""
    conf = csp_conf_path(str(site_dir))
    if not conf.is_file():
        raise StepFailed(f"csp: {conf.name} was not written")
    text = conf.read_text(encoding="utf-8")
    hashes: set[str] = set()
    for path in pages(site_dir):
        hashes |= inline_script_hashes(path.read_text(encoding="utf-8"))
    if not hashes:
        raise StepFailed("csp: no inline script found in any page: the pattern matched nothing")
    missing = sorted(h for h in hashes if h not in text)
    if missing:
        raise StepFailed(f"csp: {conf.name} lacks {len(missing)} inline script hash(es)")


def check_compact(site_dir: Path) -> None:
    """The site's own scripts and styles were found (and so compacted)."""
    for pattern in OWN_ASSETS:
        if not any(site_dir.glob(pattern)):
            raise StepFailed(f"compact_assets: no file matches {pattern} in {site_dir}")


def check_page_assets(site_dir: Path) -> None:
    """Every page has its small styles inline and loads one merged site script."""
    for path in pages(site_dir):
        html = path.read_text(encoding="utf-8")
        where = _where(site_dir, path)
        linked = LINKED_STYLE.search(html)
        if linked:
            raise StepFailed(f"page_assets: {where}: a stylesheet is still linked: {linked[0]}")
        scripts = [name for name in SITE_SCRIPT_TAG.findall(html) if MERGED_NAME.fullmatch(name)]
        if len(scripts) != 1:
            raise StepFailed(f"page_assets: {where}: no merged site script (site.HASH.js)")
