"""Build-time fixes to Material's markup that no template block reaches.

Each fix must apply: if a Material update changes the markup, the build fails
and names the fix, instead of silently shipping the page without it. The same
fixes run on a built site from scripts/build.py (for a generator that does
not run these hooks); markup already fixed is left as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# (what, Material's markup, the fixed markup)
FIXES = [
    (
        "search dialog has no accessible name (axe: aria-dialog-name)",
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" '
        'aria-label="Sök på webbplatsen">',
    ),
    (
        "the navigation drawer's label is no button: menu.js puts one in its place",
        '<label class="md-header__button md-icon" for="__drawer">',
        '<label class="md-header__button md-icon" for="__drawer" data-module="vgr-menu">',
    ),
]


class ThemeMarkupChanged(Exception):
    """Material's markup no longer has what a fix changes."""


def apply_fixes(html: str, where: str) -> str:
    """Apply every fix to one rendered page; raise if one no longer matches."""
    for what, old, new in FIXES:
        if new in html:
            continue
        if old not in html:
            raise ThemeMarkupChanged(f"theme_fixes: {where}: markup for '{what}' not found")
        html = html.replace(old, new)
    return html


def fix_site(site_dir: Path) -> None:
    """Apply the fixes to every page of a built site."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        fixed = apply_fixes(html, path.relative_to(site_dir).as_posix())
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")


def _fixed(html: str, where: str) -> str:
    from mkdocs.exceptions import PluginError

    try:
        return apply_fixes(html, where)
    except ThemeMarkupChanged as err:
        raise PluginError(str(err)) from None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _fixed(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _fixed(output_content, template_name) if template_name == "404.html" else output_content
