"""Every page in a real Chromium: loads cleanly, stays on the site, search works."""

from __future__ import annotations

import pytest

from tests.site import Site, Watched, goto_settled


def test_every_page_loads_without_errors_or_outside_requests(
    site: Site, watched: Watched, base_url: str
) -> None:
    urls = [base_url + built.url for built in site.content_pages()]
    for url, page, response in watched.visit_all(urls):
        assert response is not None and response.ok, url
        assert page.locator("h1").count() == 1, url
    watched.assert_clean()


@pytest.mark.parametrize(
    "word,expected_url",
    [
        ("yrkeskvalifikationsdirektiv", ""),
        ("arbetsplatslärande", ""),
        ("verksamhetsmål", "planera/"),
    ],
)
def test_search_finds_page_for_swedish_word(
    watched: Watched, base_url: str, word: str, expected_url: str
) -> None:
    page = watched.page
    goto_settled(page, base_url + "riktlinjen/")
    page.keyboard.press("/")  # Material's shortcut: focus the search field
    search = page.locator("input.md-search__input")
    assert search.evaluate("el => el === document.activeElement")
    search.press_sequentially(word, delay=20)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()  # the search worker has indexed the site and answered
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    assert f"/{expected_url}" in hrefs
    watched.assert_clean()
