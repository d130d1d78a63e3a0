"""Hosting under a sub-path: built with SITE_URL=https://intranat.example/kompetens/
and served under /kompetens/, every page, asset, search and the checklist work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from scripts.serve import StaticServer
from tests.conftest import INTRANET_URL
from tests.site import Site, Watched, goto_settled

PREFIX = "/kompetens/"


@pytest.fixture(scope="module")
def subpath(intranet_site: Site) -> Iterator[tuple[Site, str]]:
    """The intranet build, served only under PREFIX (anything else is a 404)."""
    assert INTRANET_URL.endswith(PREFIX)
    with StaticServer(intranet_site.root, prefix=PREFIX) as server:
        yield intranet_site, server.url


@pytest.fixture
def watched_sub(browser, subpath) -> Iterator[Watched]:
    _, url = subpath
    context = browser.new_context()
    watched = Watched.attach(context, allowed_prefixes=(url, "data:", "blob:"))
    yield watched
    context.close()


def test_every_page_and_asset_loads_under_the_prefix(subpath, watched_sub: Watched) -> None:
    site, url = subpath
    for built in site.content_pages():  # SITE_URL reached every page's canonical link
        assert f'<link rel="canonical" href="{INTRANET_URL}{built.url}">' in built.html, built.url
    urls = [url + built.url for built in site.content_pages()]
    for page_url, _, response in watched_sub.visit_all(urls):
        assert response is not None and response.ok, page_url
    assert watched_sub.failed_responses == []
    watched_sub.assert_clean()


def test_navigation_and_search_under_the_prefix(subpath, watched_sub: Watched) -> None:
    _, url = subpath
    page = watched_sub.page
    goto_settled(page, url)
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
    assert watched_sub.failed_responses == []
    watched_sub.assert_clean()


def test_checklist_under_the_prefix(subpath, watched_sub: Watched) -> None:
    _, url = subpath
    page = watched_sub.page
    goto_settled(page, url + "planera/checklista/")  # the checklist has started
    page.fill("#vgr-a-hur", "Under en undersökväg")
    # Every edit written: the checklist's count of unsaved changes (set with the keystroke).
    expect(page.locator("[data-module='vgr-checklist']")).to_have_attribute("data-unsaved", "0")
    page.reload(wait_until="load")
    page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
    assert page.input_value("#vgr-a-hur") == "Under en undersökväg"
    # The printed address is the public one until the browser prints (then: location).
    printed = page.locator("[data-print-url]").text_content()
    assert printed == "https://intranat.example/kompetens/planera/checklista/"
    watched_sub.assert_clean()
