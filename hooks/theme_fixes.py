"""Build-time fixes to Material's markup that no template block reaches.

Each fix must apply: if a Material update changes the markup, the build fails
and names the fix, instead of silently shipping the page without it. The same
fixes run on a built site from scripts/build.py (for a generator that does
not run these hooks); markup already fixed is left as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# (what, Material's markup, the fixed markup). Each must apply to every page,
# except where optional_fixes() says a page need not have that markup.
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
    # What a screen reader hears (issue 25). The "¶" permalink sits inside its
    # heading: the heading's name ended in "¶" and each heading added a Tab
    # stop. The same links are in the table of contents ("Innehållsförteckning"),
    # so the "¶" stays for the mouse only.
    (
        "the permalink is part of its heading's name and a Tab stop",
        '<a class="headerlink" href="',
        '<a class="headerlink" aria-hidden="true" tabindex="-1" href="',
    ),
    # The header's title repeats the site's name (the logo link's name) and
    # the page's title (shown when the h1 has scrolled away): a screen reader
    # heard both twice. It is visual only.
    (
        "the header's title repeats the site's name and the page's title",
        '<div class="md-header__title" data-md-component="header-title">',
        '<div class="md-header__title" data-md-component="header-title" aria-hidden="true">',
    ),
    # Material's only English label, on the site's navigation.
    (
        "the site navigation is labelled in English ('Navigation')",
        '<nav class="md-nav md-nav--primary" aria-label="Navigation"',
        '<nav class="md-nav md-nav--primary" aria-label="Webbplatsens sidor"',
    ),
    # Fewer landmarks: 16 were announced on the checklist's load. The header's
    # wrapper, the search's option buttons and each section of the site
    # navigation were navigation landmarks of their own; they are parts.
    (
        "the header's wrapper is a navigation landmark",
        '<nav class="md-header__inner md-grid" aria-label="Sidhuvud">',
        '<nav class="md-header__inner md-grid" role="none">',
    ),
    (
        "the colour scheme switch is an unnamed form landmark",
        '<form class="md-header__option" data-md-component="palette">',
        '<form class="md-header__option" data-md-component="palette" role="none">',
    ),
    (
        "the search field's form is a second, unnamed landmark in the search",
        '<form class="md-search__form" name="search">',
        '<form class="md-search__form" name="search" role="none">',
    ),
    (
        "the search's option buttons are a navigation landmark",
        '<nav class="md-search__options" aria-label="Sök">',
        '<nav class="md-search__options" role="none">',
    ),
    (
        "each section of the table of contents is a navigation landmark",
        '<nav class="md-nav" aria-label=',
        '<nav class="md-nav" role="none" data-label=',
    ),
]


# Only some pages have this markup: a page without a Markdown heading has
# no permalink, a page without one has no table of contents.
ON_SOME_PAGES = frozenset(
    {
        "the permalink is part of its heading's name and a Tab stop",
        "each section of the table of contents is a navigation landmark",
    }
)

# Zensical (0.0.73) draws its own search, without these; under MkDocs every
# page has Material's search, so there these fixes stay required.
NOT_IN_ZENSICAL = frozenset(
    {
        "the search field's form is a second, unnamed landmark in the search",
        "the search's option buttons are a navigation landmark",
    }
)

ZENSICAL = re.compile(r'<meta name="generator" content="zensical-')


def optional_fixes(html: str) -> frozenset[str]:
    """The fixes a page may lack, by its generator (Material under MkDocs, or Zensical)."""
    return ON_SOME_PAGES | NOT_IN_ZENSICAL if ZENSICAL.search(html) else ON_SOME_PAGES


# Not changed: each section of the site navigation stays a named navigation
# landmark (<nav aria-labelledby aria-expanded>). Material's script finds the
# section by [aria-labelledby] when its label is clicked and throws if it is
# gone, and Chromium ignores role="none" on an element with a name.
PATTERN_FIXES: list[tuple[str, re.Pattern[str], str, str]] = []


class ThemeMarkupChanged(Exception):
    """Material's markup no longer has what a fix changes."""


def apply_fixes(html: str, where: str) -> str:
    """Apply every fix to one rendered page; raise if one no longer matches."""
    optional = optional_fixes(html)
    for what, old, new in FIXES:
        if new in html:
            continue
        if old not in html:
            if what in optional:
                continue
            raise ThemeMarkupChanged(f"theme_fixes: {where}: markup for '{what}' not found")
        html = html.replace(old, new)
    for what, pattern, replacement, done in PATTERN_FIXES:
        if done in html:
            continue
        html, count = pattern.subn(replacement, html)
        if not count:
            raise ThemeMarkupChanged(f"theme_fixes: {where}: markup for '{what}' not found")
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
