"""deploy/nginx.conf, run for real: a real nginx on 127.0.0.1 serves the built
site with gzip, caching, MIME types, a 404 page and security headers, and every
page loads in Chromium with no CSP violation; the checklist works through it."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hooks.csp import csp_conf_path
from scripts.nginx import MISSING, NGINX, NginxServer
from tests.site import Site, Watched, goto_settled


@pytest.fixture(scope="module")
def nginx(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx running deploy/nginx.conf on a loopback port. Never skipped;
    a start-up failure fails with nginx's own log (scripts/nginx.py)."""
    if not Path(NGINX).exists():
        pytest.fail(MISSING, pytrace=False)
    work = tmp_path_factory.mktemp("nginx")
    with NginxServer(site.root, csp_conf_path(str(site.root)), work) as server:
        yield server.url


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def asset(site: Site, pattern: str) -> str:
    return next(site.root.glob(pattern)).relative_to(site.root).as_posix()


def test_security_headers_on_every_response(nginx: str, site: Site) -> None:
    for path in [
        "",
        "planera/checklista/",
        asset(site, "assets/javascripts/bundle.*.js"),
        "javascripts/checklist.js",
        "finns-inte/",
    ]:
        _, headers, _ = fetch(nginx + path)
        csp = headers["content-security-policy"]
        script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src, path
        assert "frame-ancestors 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]


def test_caching_long_for_hashed_assets_short_for_the_rest(nginx: str, site: Site) -> None:
    _, hashed, _ = fetch(nginx + asset(site, "assets/stylesheets/main.*.min.css"))
    assert hashed["cache-control"] == "public, max-age=31536000, immutable"
    _, own, _ = fetch(nginx + "javascripts/checklist.js")
    assert own["cache-control"] == "public, max-age=3600"
    _, page, _ = fetch(nginx + "riktlinjen/")
    assert page["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path,mime",
    [
        ("", "text/html"),
        ("javascripts/checklist.js", "application/javascript"),
        ("stylesheets/extra.css", "text/css"),
        ("search/search_index.json", "application/json"),
        ("sitemap.xml", "text/xml"),
    ],
)
def test_mime_types_and_gzip(nginx: str, path: str, mime: str) -> None:
    status, headers, body = fetch(nginx + path, gzip_ok=True)
    assert status == 200
    assert headers["content-type"].startswith(mime)
    assert headers.get("content-encoding") == "gzip"
    assert len(gzip.decompress(body)) > len(body)


def test_missing_page_gets_the_sites_404_page(nginx: str) -> None:
    status, _, body = fetch(nginx + "finns/inte/")
    assert status == 404
    assert "<html" in body.decode() and 'lang="sv"' in body.decode()


CSP_WATCH = """
  window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_loads_with_no_csp_violation(nginx: str, site: Site, browser) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    watched = Watched.attach(context, allowed_prefixes=(nginx, "data:", "blob:"))
    try:
        for url, page, response in watched.visit_all([nginx + p.url for p in site.pages()]):
            assert response is not None
            assert response.ok, url
            assert page.evaluate("window.__csp") == [], url
        goto_settled(watched.page, nginx + "riktlinjen/")
        watched.page.keyboard.press("/")
        watched.page.locator("input.md-search__input").press_sequentially("chef", delay=20)
        watched.page.locator(".md-search-result__item").first.wait_for()
        assert watched.page.evaluate("window.__csp") == []
        watched.assert_clean()
    finally:
        context.close()


def test_checklist_works_through_nginx(nginx: str, browser) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    watched = Watched.attach(context, allowed_prefixes=(nginx, "data:", "blob:"))
    page = watched.page
    try:
        goto_settled(page, nginx + "planera/checklista/")  # the checklist has started
        page.fill("#vgr-a-varfor", "Genom nginx")
        # Every edit written: the checklist's count of unsaved changes. Polled from
        # outside the page: a string predicate would need eval, which CSP forbids.
        checklist = page.locator("[data-module='vgr-checklist']")
        expect(checklist).to_have_attribute("data-unsaved", "0")
        page.reload(wait_until="load")
        page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
        assert page.input_value("#vgr-a-varfor") == "Genom nginx"
        page.click(".vgr-more summary")  # "Fler val"
        with page.expect_download() as info:
            page.click("[data-action=export-json]")  # loads the file tools under the CSP
        assert "Genom nginx" in Path(info.value.path()).read_text(encoding="utf-8")
        assert page.evaluate("window.__csp") == []
        watched.assert_clean()
    finally:
        context.close()
