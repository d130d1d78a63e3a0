"""Hosting under a sub-path: built with SITE_URL=https://intranat.example/kompetens/
and served under /kompetens/, every page, asset, search and the checklist work."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import build_site
from tests.site import Site, Watched

PREFIX = "/kompetens/"


class _PrefixHandler(SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX; anything else is a 404."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def subpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    dest = tmp_path_factory.mktemp("subpath-site")
    result = build_site(dest, {"SITE_URL": "https://intranat.example/kompetens/"})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_PrefixHandler, directory=str(dest))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(dest), f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture
def watched_sub(browser, subpath) -> Iterator[Watched]:
    _, url = subpath
    context = browser.new_context()
    watched = Watched.attach(context, allowed_prefixes=(url, "data:", "blob:"))
    failed: list[str] = []
    watched.page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    watched.failed = failed  # type: ignore[attr-defined]
    yield watched
    context.close()


def test_every_page_and_asset_loads_under_the_prefix(subpath, watched_sub: Watched) -> None:
    site, url = subpath
    for page in site.content_pages():
        response = watched_sub.page.goto(url + page.url, wait_until="networkidle")
        assert response is not None and response.ok, page.url
    assert watched_sub.failed == []  # type: ignore[attr-defined]
    watched_sub.assert_clean()


def test_navigation_and_search_under_the_prefix(subpath, watched_sub: Watched) -> None:
    _, url = subpath
    page = watched_sub.page
    page.goto(url, wait_until="networkidle")
    page.locator(".md-nav--primary a", has_text="Om riktlinjen").first.click()
    page.wait_for_url(url + "riktlinjen/")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("verksamhetsmål", delay=20)
    page.locator(".md-search-result__item a").first.wait_for()
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert any(h.startswith(url + "planera/") for h in hrefs), hrefs
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(url + "planera/**")
    assert watched_sub.failed == []  # type: ignore[attr-defined]
    watched_sub.assert_clean()


def test_checklist_under_the_prefix(subpath, watched_sub: Watched) -> None:
    _, url = subpath
    page = watched_sub.page
    page.goto(url + "planera/checklista/", wait_until="networkidle")
    page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
    page.fill("#vgr-a-hur", "Under en undersökväg")
    # Every edit written: the checklist's count of unsaved changes (set with the keystroke).
    expect(page.locator("[data-module='vgr-checklist']")).to_have_attribute("data-unsaved", "0")
    page.reload(wait_until="networkidle")
    page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
    assert page.input_value("#vgr-a-hur") == "Under en undersökväg"
    # The printed address is the public one until the browser prints (then: location).
    printed = page.locator("[data-print-url]").text_content()
    assert printed == "https://intranat.example/kompetens/planera/checklista/"
    watched_sub.assert_clean()
