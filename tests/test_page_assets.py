"""How pages load their styles and scripts (hooks/page_assets.py,
overrides/main.html): small styles inline, one site script, the "js" class
before the first paint, and no layout shift on any page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from hooks.compact_assets import compact
from hooks.page_assets import (
    AssetStepFailed,
    inline_styles,
    inlined_styles,
    process_site,
)
from tests.conftest import ROOT
from tests.site import Site

BUNDLE = '<script src="{p}assets/javascripts/bundle.0123abcd.min.js"></script>'
SCRIPTS = "".join(f'\n<script src="{{p}}javascripts/{n}.js" defer></script>' for n in ("a", "b"))
# The site's own scripts, one class per file, in mkdocs.yml's order.
SITE_SCRIPTS = [
    (entry["path"] if isinstance(entry, dict) else entry).split("/")[-1]
    for entry in yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )["extra_javascript"]
]
MERGED = re.compile(r'<script src="[^"]*javascripts/(site\.[0-9a-f]{10}\.js)" defer></script>')
MATERIAL_CSS = re.compile(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css")


def small_site(root: Path) -> Path:
    """A built site in miniature: two pages at two depths, two site scripts."""
    (root / "javascripts").mkdir(parents=True)
    (root / "stylesheets").mkdir()
    (root / "assets" / "stylesheets").mkdir(parents=True)
    (root / "javascripts" / "a.js").write_text("(function () { a(); })();\n")
    (root / "javascripts" / "b.js").write_text("(function () { b(); })();\n")
    (root / "stylesheets" / "extra.css").write_text(".x{color:red}\n")
    (root / "assets" / "stylesheets" / "palette.0123abcd.min.css").write_text(".p{}\n")
    for prefix, page in (("", root / "index.html"), ("../", root / "sub" / "index.html")):
        page.parent.mkdir(exist_ok=True)
        page.write_text(
            f'<head><link rel="stylesheet" href="{prefix}stylesheets/extra.css"></head>'
            f"<body>{BUNDLE.format(p=prefix)}{SCRIPTS.format(p=prefix)}\n</body>",
            encoding="utf-8",
        )
    return root


def test_small_styles_go_inline_and_materials_main_stylesheet_stays() -> None:
    styles = {
        "stylesheets/extra.css": ".x{}",
        "stylesheets/print.css": "@page{}",
        "assets/stylesheets/palette.0123abcd.min.css": ".p{}",
    }
    html = (
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.0123abcd.min.css">'
        '<link rel="stylesheet" href="../stylesheets/extra.css">'
        '<link rel="stylesheet" href="../stylesheets/print.css" media="print">'
        '<link rel="stylesheet" href="/kompetens/stylesheets/extra.css">'
        '<link rel="stylesheet" href="../assets/stylesheets/extra.css">'
        '<link rel="stylesheet" href="../stylesheets/other.css">'
    )
    assert inline_styles(html, styles) == (
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">'
        "<style>.p{}</style><style>.x{}</style>"
        '<style media="print">@page{}</style><style>.x{}</style>'
        '<link rel="stylesheet" href="../assets/stylesheets/extra.css">'
        '<link rel="stylesheet" href="../stylesheets/other.css">'
    )


def test_a_stylesheet_that_cannot_go_inline_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "x.css").write_text(".a{background:url(img/a.png)}")
    with pytest.raises(AssetStepFailed, match="x.css has a url"):
        inlined_styles(tmp_path)


def test_site_scripts_merge_into_one_hashed_file_in_order(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    name = process_site(site)
    assert re.fullmatch(r"site\.[0-9a-f]{10}\.js", name)
    text = (site / "javascripts" / name).read_text()
    assert text.index("a();") < text.index("b();")
    top, sub = (site / "index.html").read_text(), (site / "sub" / "index.html").read_text()
    assert top.endswith(
        f'{BUNDLE.format(p="")}\n<script src="javascripts/{name}" defer></script>\n</body>'
    )
    assert f'<script src="../javascripts/{name}" defer></script>' in sub
    assert "a.js" not in top + sub and "<style>.x{color:red}</style>" in sub


def test_asset_step_is_deterministic_and_runs_once(tmp_path: Path) -> None:
    one, two = small_site(tmp_path / "one"), small_site(tmp_path / "two")
    assert process_site(one) == process_site(two)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    before = {f: (one / f).read_bytes() for f in files}
    process_site(one)  # again: nothing changes
    assert {f: (one / f).read_bytes() for f in files} == before


def test_pages_that_load_different_scripts_stop_the_build(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    page = site / "sub" / "index.html"
    page.write_text(page.read_text().replace("b.js", "c.js"))
    with pytest.raises(AssetStepFailed, match="different site scripts"):
        process_site(site)


def test_built_pages_load_one_stylesheet_file_and_one_site_script(site: Site) -> None:
    merged = set()
    for path in [*sorted(site.root.rglob("index.html")), site.root / "404.html"]:
        html = path.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert len(links) == 1 and MATERIAL_CSS.search(links[0]), (path, links)
        assert "--vgr-color-text" in html, path  # extra.css, inline
        assert '<style media="print">' in html, path  # print.css, inline
        found = MERGED.findall(html)
        assert len(found) == 1, path
        merged.add(found[0])
        for name in SITE_SCRIPTS:
            assert f"javascripts/{name}" not in html, (path, name)
    assert len(merged) == 1
    text = (site.root / "javascripts" / merged.pop()).read_text(encoding="utf-8")
    sources = [
        compact((ROOT / "docs" / "javascripts" / n).read_text(encoding="utf-8"))
        for n in SITE_SCRIPTS
    ]
    positions = [text.index(source.strip()) for source in sources]
    assert positions == sorted(positions)


def test_head_sets_the_js_class_before_the_body(site: Site) -> None:
    for page in site.pages():
        head = page.html.split("</head>")[0]
        assert 'classList.remove("no-js");document.documentElement.classList.add("js")' in head


def test_post_build_from_a_plain_build_gives_the_same_pages(tmp_path: Path, site: Site) -> None:
    """scripts/build.py --post-build runs the step too (for Zensical): on pages
    whose hooks already ran it changes nothing."""
    from scripts.build import post_build

    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    post_build(copy)
    for path in copy.rglob("*.html"):
        assert path.read_bytes() == (site.root / path.relative_to(copy)).read_bytes(), path


# --- In the browser ------------------------------------------------------------

SHIFT_WATCH = """
  window.__shifts = [];
  window.__shiftObserver = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__shifts.push(entry);
  });
  window.__shiftObserver.observe({ type: "layout-shift", buffered: true });
"""
# After the last component started: two frames, so any shift is recorded.
SHIFTS = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const entries = window.__shifts.concat(window.__shiftObserver.takeRecords());
  return entries.filter(e => !e.hadRecentInput).map(e => ({
    value: e.value,
    sources: e.sources.map(s => {
      const n = s.node;
      const name = n && n.nodeType === 1
        ? n.tagName.toLowerCase() + "." + n.className
        : String(n && n.nodeName);
      const [was, now] = [s.previousRect, s.currentRect];
      return `${name} y ${was.y} -> ${now.y} h ${was.height} -> ${now.height}`;
    }),
  }));
}"""
READY = """() => [...document.querySelectorAll('[data-module]')].every(
  el => el.hasAttribute('data-ready') || el.hasAttribute('data-module-failed'))"""


# Tall enough to show the whole page: a shift anywhere counts, not only in the
# first screen (Lighthouse's CLS sees only that).
TALL = 4000
PAINTED = "performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')"


def shifts_on(browser, base_url: str, urls: list[str], width: int) -> dict[str, list]:
    """Layout shifts per page when the page paints before its scripts run, as
    on a slow network: every script is held until the first contentful paint."""
    context = browser.new_context(viewport={"width": width, "height": TALL}, locale="sv-SE")
    context.add_init_script(SHIFT_WATCH)
    page = context.new_page()
    held: list = []
    painted = [False]

    def hold(route) -> None:
        route.continue_() if painted[0] else held.append(route)

    page.route("**/*.js", hold)
    found = {}
    try:
        for url in urls:
            painted[0] = False
            page.goto(base_url + url, wait_until="commit")
            page.wait_for_function(PAINTED)
            painted[0] = True
            while held:
                held.pop(0).continue_()
            page.wait_for_function(READY)
            found[url] = page.evaluate(SHIFTS)
    finally:
        context.close()
    return found


@pytest.mark.parametrize("width", [1280, 320])
def test_no_page_shifts_its_layout_while_loading(
    browser, base_url: str, site: Site, width: int
) -> None:
    urls = [p.url for p in site.pages()]
    shifted = {url: s for url, s in shifts_on(browser, base_url, urls, width).items() if s}
    assert shifted == {}


def test_merged_script_starts_every_component(browser, base_url: str, site: Site) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if "/javascripts/" in r.url else None)
    try:
        for built in site.pages():
            page.goto(base_url + built.url, wait_until="load")
            page.wait_for_function(READY)
            modules = page.eval_on_selector_all(
                "[data-module]",
                "els => els.map(e => [e.dataset.module, e.hasAttribute('data-ready')])",
            )
            assert modules and all(ready for _, ready in modules), (built.url, modules)
    finally:
        context.close()
    own = {url.rsplit("/", 1)[-1] for url in scripts}
    assert not own & set(SITE_SCRIPTS)
    assert sum(1 for name in own if re.fullmatch(r"site\.[0-9a-f]{10}\.js", name)) == 1


def test_script_only_controls_are_absent_without_scripts(
    browser, base_url: str, site: Site
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base_url + "lankar/")
        assert page.locator("[data-module='vgr-copy']").count() > 0
        assert page.locator("[data-module='vgr-copy']:visible").count() == 0
        page.goto(base_url + "riktlinjen/i-korthet/")
        assert page.get_by_role("button", name="Visa som bildspel").is_hidden()
    finally:
        context.close()


def test_script_only_controls_are_there_from_the_start(browser, base_url: str, site: Site) -> None:
    """With scripts on, the controls are laid out before any component script
    has run (here: never runs), so starting them moves nothing."""
    context = browser.new_context()
    context.route("**/javascripts/*.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(base_url + "riktlinjen/i-korthet/", wait_until="load")
        assert page.get_by_role("button", name="Visa som bildspel").is_visible()
        page.goto(base_url + "lankar/", wait_until="load")
        assert page.locator("[data-module='vgr-copy']:visible").count() > 0
    finally:
        context.close()
