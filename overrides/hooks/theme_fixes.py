"""Build-time fixes to Material's markup that no template block reaches.

Each fix must apply: if a Material update changes the markup, the build fails
and names the fix, instead of silently shipping the page without it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

# (what, Material's markup, the fixed markup)
FIXES = [
    (
        "search dialog has no accessible name (axe: aria-dialog-name)",
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" '
        'aria-label="Sök på webbplatsen">',
    ),
]


def apply_fixes(html: str, where: str) -> str:
    """Apply every fix to one rendered page; raise if one no longer matches."""
    for what, old, new in FIXES:
        if old not in html:
            raise PluginError(f"theme_fixes: {where}: markup for '{what}' not found")
        html = html.replace(old, new)
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    return apply_fixes(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    if template_name == "404.html":
        return apply_fixes(output_content, template_name)
    return output_content
