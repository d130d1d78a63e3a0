"""How the built pages load the small styles and the site's own scripts.

Measured with ``make bench-pages`` (README, "Figures"): on a phone on a slow
network each stylesheet in the head is a request that holds back the first
paint, and costs more than the few kilobytes it carries. So, after the build:

- **Small styles inline.** Every ``<link rel="stylesheet">`` to the site's own
  ``stylesheets/NAME.css`` (extra.css, print.css, a widget's own) and to
  Material's palette stylesheet becomes a ``<style>`` with the same content in
  the same place, its ``media`` kept. Only Material's main stylesheet stays a
  file (24 KB compressed, cached for a year). The sources stay one file each
  in ``docs/stylesheets/``, and the built files stay beside the pages.
- **One site script.** The run of deferred site scripts that every page loads
  after Material's bundle (``extra_javascript`` in mkdocs.yml: boot.js,
  menu.js, copy.js, focus.js, one concern per file) becomes one deferred
  ``javascripts/site.HASH.js``, their texts joined in the same order. The name
  carries a hash of the content, so a browser never runs an old copy with a
  newer page.

The output depends only on the input: the same build gives the same bytes,
and running the step again changes nothing. If the pages no longer have the
markup a step expects, the build fails and says which.

Runs as a hook after ``mkdocs build`` (after compact_assets.py: the styles
and scripts are already without comments), and from scripts/build.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The stylesheets put inline, as paths from the site's root.
# (Zensical's classic variant keeps Material's under assets/stylesheets/classic/.)
INLINED = r"assets/stylesheets/(?:classic/)?palette\.[0-9a-f]{8}\.min\.css|stylesheets/[\w-]+\.css"
STYLESHEET = re.compile(
    rf'<link rel="stylesheet" href="(?P<prefix>[^"]*?)(?P<path>{INLINED})"'
    r'(?: media="(?P<media>[^"]+)")?>'
)
BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"></script>')
# One site script as Material writes an extra_javascript entry with defer.
SITE_SCRIPT = r'<script src="(?P<prefix>[^"]*?)javascripts/(?P<name>[\w.-]+\.js)" defer></script>'
# The run of site scripts right after the bundle (white space between).
SCRIPT_RUN = re.compile(rf"(?:\s*{SITE_SCRIPT})+")
ONE_SCRIPT = re.compile(SITE_SCRIPT)
MERGED_NAME = re.compile(r"site\.[0-9a-f]{10}\.js")


class AssetStepFailed(Exception):
    """A page no longer has the markup a step changes (Material changed)."""


def inline_styles(html: str, styles: dict[str, str]) -> str:
    """Replace each link to a stylesheet in ``styles`` (path -> CSS) with a <style>."""

    def replace(match: re.Match[str]) -> str:
        path = match.group("path")
        if path not in styles or match.group("prefix").endswith("assets/"):
            return match.group(0)  # not one of ours (assets/stylesheets/NAME.css)
        media = match.group("media")
        opening = f'<style media="{media}">' if media else "<style>"
        return f"{opening}{styles[path]}</style>"

    return STYLESHEET.sub(replace, html)


def inlined_styles(site_dir: Path) -> dict[str, str]:
    """The stylesheets to put inline, by path from the site's root."""
    styles = {}
    for path in sorted(site_dir.glob("assets/stylesheets/**/palette.*.min.css")) + sorted(
        site_dir.glob("stylesheets/*.css")
    ):
        rel = path.relative_to(site_dir).as_posix()
        if not re.fullmatch(INLINED, rel):
            continue
        css = path.read_text(encoding="utf-8").strip()
        if "</style" in css.lower():
            raise AssetStepFailed(f"page_assets: {rel} contains '</style': cannot inline it")
        if re.search(r"url\(\s*['\"]?(?!data:|#)", css):
            raise AssetStepFailed(
                f"page_assets: {rel} has a url(): inline it would point elsewhere"
            )
        styles[rel] = css
    return styles


def site_scripts(html: str) -> list[str]:
    """The names of the deferred site scripts right after the bundle, in order."""
    bundle = BUNDLE.search(html)
    run = SCRIPT_RUN.match(html, bundle.end()) if bundle else None
    return [m.group("name") for m in ONE_SCRIPT.finditer(run.group(0))] if run else []


def merge_scripts(html: str, merged_name: str, where: str) -> str:
    """Replace the run of site scripts after the bundle with the merged script."""
    bundle = BUNDLE.search(html)
    if bundle is None:
        raise AssetStepFailed(f"page_assets: {where}: Material's bundle script not found")
    run = SCRIPT_RUN.match(html, bundle.end())
    if run is None:
        raise AssetStepFailed(f"page_assets: {where}: no site scripts after Material's bundle")
    names = [m.group("name") for m in ONE_SCRIPT.finditer(run.group(0))]
    if names == [merged_name]:
        return html  # merged already
    prefix = ONE_SCRIPT.search(run.group(0)).group("prefix")
    tag = f'\n<script src="{prefix}javascripts/{merged_name}" defer></script>'
    return html[: run.start()] + tag + html[run.end() :]


def merged_script(site_dir: Path, names: list[str]) -> tuple[str, str]:
    """The merged script's file name (with a hash of its content) and text."""
    text = "".join(
        (site_dir / "javascripts" / name).read_text(encoding="utf-8").strip() + "\n"
        for name in names
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"site.{digest}.js", text


def process_site(site_dir: Path) -> str:
    """Put the small styles inline and merge the site scripts on every page;
    return the merged script's file name."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    runs = {tuple(site_scripts(html)) for html in texts.values()}
    if len(runs) != 1:
        found = ", ".join(" + ".join(run) or "(none)" for run in sorted(runs))
        raise AssetStepFailed(f"page_assets: the pages load different site scripts: {found}")
    names = list(runs.pop())
    if len(names) == 1 and MERGED_NAME.fullmatch(names[0]):
        merged = names[0]  # the step ran before: nothing to merge
    else:
        merged, text = merged_script(site_dir, names)
        (site_dir / "javascripts" / merged).write_text(text, encoding="utf-8")
    styles = inlined_styles(site_dir)
    for path, html in texts.items():
        where = path.relative_to(site_dir).as_posix()
        new = merge_scripts(inline_styles(html, styles), merged, where)
        if new != html:
            path.write_text(new, encoding="utf-8")
    return merged


def on_post_build(config: MkDocsConfig) -> None:
    from mkdocs.exceptions import PluginError

    try:
        process_site(Path(config.site_dir))
    except AssetStepFailed as err:
        raise PluginError(str(err)) from None
