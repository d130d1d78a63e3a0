"""The build hooks: theme fixes, CSP hashes, compacted assets."""

from __future__ import annotations

import base64
import hashlib

import pytest
from mkdocs.exceptions import PluginError

from overrides.hooks.compact_assets import compact
from overrides.hooks.csp import inline_script_hashes, policy
from overrides.hooks.theme_fixes import apply_fixes
from tests.site import Site


def test_compact_drops_comments_and_indentation_but_keeps_code() -> None:
    source = (
        '/** Doc. */\nfunction f() {\n  /* note */\n  return "a/b" + 1; \n}\n\n.x { color: red; }\n'
    )
    assert compact(source) == 'function f() {\nreturn "a/b" + 1;\n}\n.x { color: red; }\n'


def test_built_scripts_carry_no_comments(site: Site) -> None:
    built = (site.root / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    assert "/*" not in built and "function init(root)" in built


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


def test_theme_fix_that_no_longer_matches_fails_the_build() -> None:
    with pytest.raises(PluginError, match="search dialog"):
        apply_fixes("<html>no search here</html>", "x.md")


def test_every_page_has_a_named_search_dialog(site: Site) -> None:
    for page in site.pages():
        assert 'role="dialog" aria-label="Sök på webbplatsen"' in page.html, page.url
