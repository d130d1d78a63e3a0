"""The parts that let one source build with both engines, without a browser:
the page adapter of the macros (macros/pages.py) and the post-build steps that
stop the build when their pattern matches nothing (hooks/checks.py,
scripts/build.py --post-build)."""

from __future__ import annotations

import shutil
import types
from pathlib import Path

import pytest

from hooks import checks
from hooks.csp import write_csp
from hooks.offline import SHIM, use_local_shim
from hooks.page_assets import process_site
from macros.pages import current_page, link_origin, set_meta, source_path
from macros.urls import asset_url, page_address
from scripts import build, zensical_search

ROOT = Path(__file__).resolve().parent.parent

# --- The page as each engine hands it to the macros ------------------------------


class MkDocsFile:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri


class MkDocsPage:
    """The parts of MkDocs' Page the macros read."""

    def __init__(self, src_uri: str) -> None:
        self.file = MkDocsFile(src_uri)
        self.meta: dict = {}


# Zensical's page class lives in zensical.extensions.context; its module name
# is what tells the engines apart (not installed in the MkDocs venv).
ZensicalPage = type(
    "Page",
    (),
    {
        "__module__": "zensical.extensions.context",
        "__init__": lambda self, path: setattr(self, "path", path) or setattr(self, "meta", {}),
    },
)


def test_the_source_path_from_either_engine() -> None:
    assert source_path(MkDocsPage("planera/checklista.md")) == "planera/checklista.md"
    assert source_path(ZensicalPage("planera/checklista.md")) == "planera/checklista.md"


def test_raw_html_urls_start_where_each_engine_resolves_them() -> None:
    """MkDocs leaves raw HTML alone (from the page's address); Zensical rewrites
    href and src from the source file's folder, one level up for a page."""
    mkdocs, zensical = MkDocsPage("planera/checklista.md"), ZensicalPage("planera/checklista.md")
    assert asset_url("stylesheets/checklist.css", link_origin(mkdocs)) == (
        "../../stylesheets/checklist.css"
    )
    # Zensical then adds the "../" a page folder needs: ../../stylesheets/checklist.css
    assert asset_url("stylesheets/checklist.css", link_origin(zensical)) == (
        "../stylesheets/checklist.css"
    )
    assert link_origin(ZensicalPage("lankar.md")) == "index.md"
    assert link_origin(ZensicalPage("riktlinjen/index.md")) == "riktlinjen/index.md"


def test_the_page_date_goes_into_the_page_metadata() -> None:
    page = MkDocsPage("index.md")
    set_meta(page, "page_updated", "2026-05-04")
    assert page.meta == {"page_updated": "2026-05-04"}
    set_meta(page, "page_updated", None)
    assert page.meta == {}


def test_no_page_before_the_first_page() -> None:
    class TooEarly:
        @property
        def page(self) -> object:
            raise AttributeError("Too early: page information is not available")

    assert current_page(TooEarly()) is None
    page = ZensicalPage("index.md")
    assert current_page(types.SimpleNamespace(page=page)) is page


def test_the_page_address_is_mkdocs_canonical_url() -> None:
    site = "https://intranat.example/kompetens/"
    assert page_address(site, "planera/checklista.md") == site + "planera/checklista/"
    assert page_address(site, "index.md") == site
    assert page_address("", "planera/checklista.md") == "planera/checklista/"
    assert page_address(site, "planera/checklista.md", False) == site + "planera/checklista.html"


# --- Post-build steps that stop the build -----------------------------------------

HEAD = (
    '<meta name="generator" content="zensical-0.0.73">'
    '<link rel="stylesheet" href="assets/stylesheets/classic/main.94dd801d.min.css">'
    '<link rel="stylesheet" href="assets/stylesheets/classic/palette.813d4b3f.min.css">'
    '<link rel="stylesheet" href="stylesheets/extra.css">'
)
BODY = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Sök">'
    '<label class="md-header__button md-icon" for="__drawer">'
    '<nav class="md-header__inner md-grid" aria-label="Sidhuvud">'
    '<div class="md-header__title" data-md-component="header-title">'
    '<form class="md-header__option" data-md-component="palette">'
    '<nav class="md-nav md-nav--primary" aria-label="Navigation"'
    "<script>var a=1</script>"
    '<script src="assets/javascripts/bundle.77dd0ce9.min.js"></script>\n'
    '<script src="javascripts/boot.js" defer></script>\n'
    '<script src="javascripts/menu.js" defer></script>'
)
ZENSICAL_SHIM = (
    '<script src="https://unpkg.com/iframe-worker/shim" type="text/javascript"></script>'
)


def small_site(root: Path, shim: str = "") -> Path:
    """A built site with Zensical's markup, two pages."""
    site = root / "site"
    for folder in ("assets/stylesheets/classic", "stylesheets", "javascripts/vendor/iframe-worker"):
        (site / folder).mkdir(parents=True)
    (site / "assets/stylesheets/classic/main.94dd801d.min.css").write_text("a{}")
    (site / "assets/stylesheets/classic/palette.813d4b3f.min.css").write_text(":root{}")
    (site / "stylesheets/extra.css").write_text("/* doc */\nb{}\n")
    (site / "javascripts/boot.js").write_text("/* doc */\nvar b=1;\n")
    (site / "javascripts/menu.js").write_text("var m=1;\n")
    (site / SHIM).write_text("var s=1;\n")
    for name in ("index.html", "404.html"):
        (site / name).write_text(f"<html><head>{HEAD}</head><body>{shim}{BODY}</body></html>")
    return site


def test_the_offline_step_points_zensicals_shim_at_the_vendored_copy(tmp_path: Path) -> None:
    site = small_site(tmp_path, ZENSICAL_SHIM)
    assert use_local_shim(site) == 2
    checks.check_offline(site)
    assert "unpkg.com" not in (site / "index.html").read_text()


def test_a_shim_the_offline_step_misses_stops_the_build(tmp_path: Path, capsys) -> None:
    shim = '<script type="module" src="https://unpkg.com/iframe-worker/shim"></script>'
    site = small_site(tmp_path, shim)
    assert build.run_post_build(site, offline=True) == 1
    line = capsys.readouterr().err
    assert line.count("\n") == 1
    assert "offline: 404.html loads a script from another host" in line


def test_every_step_runs_on_zensicals_markup(tmp_path: Path) -> None:
    """The steps before the site check (links.yml) on a small Zensical site."""
    site = small_site(tmp_path, ZENSICAL_SHIM)
    build.as_material_markup(site)
    build.fix_site(site)
    checks.check_theme_fixes(site)
    use_local_shim(site)
    checks.check_offline(site)
    write_csp(site)
    checks.check_csp(site)
    build.compact_site(site)
    checks.check_compact(site)
    process_site(site)
    checks.check_page_assets(site)
    html = (site / "index.html").read_text()
    assert "<style>:root{}</style>" in html  # the classic palette, inline
    assert 'aria-label="Sök på webbplatsen"' in html


def test_a_csp_step_that_finds_no_inline_script_stops(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    for page in site.glob("*.html"):
        page.write_text(page.read_text().replace("<script>var a=1</script>", ""))
    write_csp(site)
    with pytest.raises(checks.StepFailed, match="csp: no inline script found"):
        checks.check_csp(site)


def test_a_csp_snippet_without_a_page_hash_stops(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    write_csp(site)
    page = site / "index.html"
    page.write_text(page.read_text().replace("var a=1", "var a=2"))
    with pytest.raises(checks.StepFailed, match="csp: .* lacks 1 inline script hash"):
        checks.check_csp(site)


def test_no_own_assets_to_compact_stops(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    for path in (site / "javascripts").glob("*.js"):
        path.unlink()
    with pytest.raises(checks.StepFailed, match=r"compact_assets: no file matches javascripts/\*"):
        checks.check_compact(site)


def test_a_stylesheet_left_as_a_link_stops(tmp_path: Path) -> None:
    """A theme that names its palette differently: the step leaves it linked."""
    site = small_site(tmp_path)
    for page in site.glob("*.html"):
        page.write_text(page.read_text().replace("classic/palette", "modern/palette"))
    process_site(site)
    with pytest.raises(checks.StepFailed, match="page_assets: 404.html: a stylesheet is still"):
        checks.check_page_assets(site)


def test_a_theme_fix_that_did_not_apply_stops(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    with pytest.raises(checks.StepFailed, match="theme_fixes: 404.html: 'search dialog"):
        checks.check_theme_fixes(site)


def test_an_empty_site_stops(tmp_path: Path) -> None:
    with pytest.raises(checks.StepFailed, match="post-build: no HTML pages"):
        checks.check_theme_fixes(tmp_path)


def test_the_mkdocs_hook_runs_the_same_checks(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    from hooks import post_build_checks

    site = small_site(tmp_path)
    config = types.SimpleNamespace(site_dir=str(site), plugins={})
    with pytest.raises(PluginError, match="theme_fixes: 404.html"):
        post_build_checks.on_post_build(config)


# --- Errors before Zensical runs ---------------------------------------------


def test_a_data_error_stops_a_zensical_build_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Zensical shows an error raised inside it as a traceback; the macros'
    checks run first, so a data error is the same one Swedish line as under
    MkDocs, and Zensical never starts."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    questions = docs / "data" / "planning_questions.yml"
    questions.write_text(questions.read_text("utf-8").replace("text:", "txt:", 1), "utf-8")
    line = build.preflight(docs)
    assert line is not None and line.startswith("Fel: ") and "\n" not in line
    assert "planning_questions.yml" in line


def test_the_publication_gate_stops_a_zensical_build_before_it_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITE_URL", "https://intranat.example/kompetens/")
    monkeypatch.delenv("PREVIEW", raising=False)

    def never(*args: object) -> None:
        raise AssertionError("Zensical started")

    monkeypatch.setattr(build, "zensical_build", never)
    assert build.main(["--engine", "zensical"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fel: bygget för publicering på https://intranat.example/kompetens/")
    assert "Traceback" not in err and len(err.splitlines()) <= 20


def test_make_offline_says_it_builds_with_mkdocs_only() -> None:
    """make offline does not quietly build with MkDocs when Zensical is asked for."""
    import subprocess

    result = subprocess.run(
        ["make", "-n", "offline", "ENGINE=zensical"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "make offline builds with MkDocs only" in result.stderr


# --- Zensical's search in Swedish -----------------------------------------------


def zensical_bundle() -> str:
    """Every English piece of Zensical's search script, as it has them."""
    return ";".join(english for _, english, _ in zensical_search.WORDS)


def test_zensicals_search_is_put_in_swedish(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.77dd0ce9.min.js").write_text(zensical_bundle(), encoding="utf-8")
    (scripts / "bundle.other.min.js").write_text('"No results"', encoding="utf-8")
    assert zensical_search.translate_search(tmp_path) == 1
    text = (scripts / "bundle.77dd0ce9.min.js").read_text(encoding="utf-8")
    assert text == ";".join(swedish for _, _, swedish in zensical_search.WORDS)
    assert zensical_search.translate_search(tmp_path) == 1  # again: nothing changes
    assert (scripts / "bundle.77dd0ce9.min.js").read_text(encoding="utf-8") == text


def test_a_search_word_not_found_stops_the_build(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    changed = zensical_bundle().replace('a="No results"', 'a="Nothing found"')
    (scripts / "bundle.1.min.js").write_text(changed, encoding="utf-8")
    with pytest.raises(checks.StepFailed, match="'no results' found 0 times"):
        zensical_search.translate_search(tmp_path)
