"""The build hooks: theme fixes, CSP hashes, compacted assets, the offline
shim, and the development server's error page."""

from __future__ import annotations

import base64
import hashlib
import logging
from pathlib import Path

import pytest

from hooks.compact_assets import compact, compact_site
from hooks.csp import inline_script_hashes, policy, write_csp
from hooks.offline import SHIM, use_local_shim
from hooks.serve_errors import describe, safe
from hooks.theme_fixes import FIXES, ThemeMarkupChanged, apply_fixes, fix_site
from tests.site import Site


def test_compact_drops_comments_and_indentation_but_keeps_code() -> None:
    source = (
        '/** Doc. */\nfunction f() {\n  /* note */\n  return "a/b" + 1; \n}\n\n.x { color: red; }\n'
    )
    assert compact(source) == 'function f() {\nreturn "a/b" + 1;\n}\n.x { color: red; }\n'


def test_compact_site_touches_own_assets_only(tmp_path: Path) -> None:
    (tmp_path / "javascripts" / "vendor").mkdir(parents=True)
    (tmp_path / "javascripts" / "a.js").write_text("/* x */\n  a();\n")
    (tmp_path / "javascripts" / "vendor" / "b.js").write_text("/* licence */\n")
    compact_site(tmp_path)
    assert (tmp_path / "javascripts" / "a.js").read_text() == "a();\n"
    assert (tmp_path / "javascripts" / "vendor" / "b.js").read_text() == "/* licence */\n"


def test_built_scripts_carry_no_comments(site: Site) -> None:
    built = (site.root / "javascripts" / "presentation.js").read_text(encoding="utf-8")
    assert "/*" not in built and "class Presentation {" in built


def test_csp_hashes_inline_scripts_but_not_external_or_data_blocks() -> None:
    html = (
        '<script>var a=1</script><script src="x.js"></script>'
        '<script type="application/json">{"a":1}</script>'
        '<script type="text/javascript">var b=2</script>'
    )
    expected = {
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
        for code in ("var a=1", "var b=2")
    }
    assert inline_script_hashes(html) == expected


def test_policy_allows_no_inline_script_without_hash() -> None:
    text = policy({"'sha256-abc'"}, "'self'")
    assert "script-src 'self' 'sha256-abc';" in text
    assert "'unsafe-inline'" not in text.split("script-src")[1].split(";")[0]
    assert text.endswith("frame-ancestors 'self'")


def test_write_csp_puts_the_snippet_beside_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<script>var a=1</script>")
    target = write_csp(site)
    assert target == tmp_path / "site-csp.conf"
    assert "'sha256-" in target.read_text()


def test_theme_fix_that_no_longer_matches_fails() -> None:
    with pytest.raises(ThemeMarkupChanged, match="search dialog"):
        apply_fixes("<html>no search here</html>", "x.md")


def test_theme_fixes_apply_once(tmp_path: Path) -> None:
    page = "".join(old for _, old, _ in FIXES)
    once = apply_fixes(page, "x")
    assert apply_fixes(once, "x") == once
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    fix_site(tmp_path)
    fix_site(tmp_path)
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == once


def test_every_page_has_a_named_search_dialog_and_a_menu_component(site: Site) -> None:
    for page in site.pages():
        assert 'role="dialog" aria-label="Sök på webbplatsen"' in page.html, page.url
        assert 'for="__drawer" data-module="vgr-menu"' in page.html, page.url


def test_offline_pages_use_the_vendored_shim(tmp_path: Path) -> None:
    (tmp_path / SHIM).parent.mkdir(parents=True)
    (tmp_path / SHIM).write_text("// shim")
    (tmp_path / "planera").mkdir()
    cdn = '<script src="https://unpkg.com/iframe-worker/shim"></script>'
    (tmp_path / "index.html").write_text(f"<head>{cdn}</head>")
    (tmp_path / "planera" / "checklista.html").write_text(f"<head>{cdn}</head>")
    assert use_local_shim(tmp_path) == 2
    assert f'<script src="{SHIM}"></script>' in (tmp_path / "index.html").read_text()
    nested = (tmp_path / "planera" / "checklista.html").read_text()
    assert f'<script src="../{SHIM}"></script>' in nested and "unpkg" not in nested


def test_failed_rebuild_shows_the_error_instead_of_raising(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    (tmp_path / "index.html").write_text("old page")

    def broken_build() -> None:
        raise SystemExit("Fel: docs/data/x.yml, rad 3, fält a: får inte vara tom.")

    safe(broken_build, tmp_path)()  # does not raise
    assert sorted(p.name for p in tmp_path.iterdir()) == ["404.html"]
    page = (tmp_path / "404.html").read_text(encoding="utf-8")
    assert "Fel: docs/data/x.yml, rad 3, fält a: får inte vara tom." in page
    assert 'http-equiv="refresh"' in page and 'lang="sv"' in page


def test_failed_rebuild_reports_what_mkdocs_logged(tmp_path: Path) -> None:
    def strict_failure() -> None:
        logging.getLogger("mkdocs.structure").warning("Doc file 'a.md' links to 'b.md'")
        raise SystemExit(1)

    safe(strict_failure, tmp_path)()
    assert "links to &#39;b.md&#39;" in (tmp_path / "404.html").read_text(encoding="utf-8")
    assert describe(ValueError("x"), []) == "ValueError: x"


def test_material_search_fixes_are_required_except_under_zensical() -> None:
    """Under MkDocs every page has Material's search: a page without its form
    markup is a changed theme, and the build says so. Zensical draws its own."""
    search_form = next(old for what, old, _ in FIXES if "search field's form" in what)
    page = "".join(old for _, old, _ in FIXES).replace(search_form, "")
    with pytest.raises(ThemeMarkupChanged, match="search field's form"):
        apply_fixes(page, "x.md")
    zensical = '<meta name="generator" content="zensical-0.0.73">' + page
    apply_fixes(zensical, "x.md")  # no error
