"""The intranet link page: every listed address resolves, and copies."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from macros.questions import load_questions, numbered
from tests.conftest import ROOT
from tests.site import Site, Watched, goto_settled

QUESTIONS = load_questions(ROOT / "docs" / "data" / "planning_questions.yml")


def resolves(site: Site, path: str, fragment: str) -> bool:
    """Does a site path (e.g. ``riktlinjen/``) exist with an element id ``fragment``?
    A file that is not a page (a download) exists without ids."""
    if not path.endswith((".html", "/")) and (site.root / path).is_file():
        return not fragment
    try:
        page = site.page(path)
    except KeyError:
        return False
    return not fragment or fragment in page.ids


def test_every_link_on_the_link_page_resolves(site: Site) -> None:
    page = site.page("lankar/")
    article = page.html.split("<article", 1)[1].split("</article>", 1)[0]
    hrefs = [h for h in re.findall(r'<a href="([^"]+)"', article) if not h.startswith("#")]
    assert len(hrefs) == len(re.findall(r'<code class="vgr-url">', article)) >= 25
    for href in hrefs:
        target = urlsplit(urljoin("http://x/lankar/", href))
        assert resolves(site, target.path.lstrip("/"), target.fragment), href


def test_every_full_address_is_built_from_site_url_and_resolves(site: Site, site_url: str) -> None:
    page = site.page("lankar/")
    urls = re.findall(r'<code class="vgr-url">([^<]+)</code>', page.html)
    copies = re.findall(r'data-copy="([^"]+)"', page.html)
    assert urls == copies
    fragments = {urlsplit(u).fragment for u in urls}
    assert {"mal", "for-att-na-malen", "det-vill-vi-ska-handa", "chef"} <= fragments
    assert {q["anchor"] for q in numbered(QUESTIONS)} <= fragments
    for url in urls:
        assert url.startswith(site_url), url
        target = urlsplit(url[len(site_url) - 1 :])
        assert resolves(site, target.path.lstrip("/"), target.fragment), url


def test_link_page_lists_every_page_of_the_site(site: Site, site_url: str) -> None:
    urls = set(re.findall(r'<code class="vgr-url">([^<#]+)</code>', site.page("lankar/").html))
    listed = {u[len(site_url) :] for u in urls}
    pages = {p.url for p in site.content_pages()}
    assert pages <= listed


def test_copy_button_copies_the_full_address(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    goto_settled(page, base_url + "lankar/")
    button = page.get_by_role(
        "button", name="Kopiera adressen till Mål för kompetensutveckling i VGR"
    )
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "riktlinjen/#mal"
    assert button.text_content() == "Kopierad"
    watched.assert_clean()


def test_every_page_title_names_the_site_once(site: Site) -> None:
    """An intranet link shows the page's title: the start page's read
    "Kompetensutveckling i VGR - Kompetensutveckling i VGR"."""
    for built in site.pages():
        title = re.search(r"<title>([^<]*)</title>", built.html).group(1)
        assert title.count("Kompetensutveckling i VGR") == 1, (built.url, title)
    assert re.search(r"<title>([^<]*)</title>", site.page("").html).group(1) == (
        "Kompetensutveckling i VGR"
    )
    assert (
        "<title>Länkar för intranätet - Kompetensutveckling i VGR</title>"
        in site.page("lankar/").html
    )


def test_each_link_and_copy_button_has_a_name_of_its_own(site: Site) -> None:
    """A screen reader's list of links or buttons tells the rows apart: the
    whole-page rows ("Hela sidan") are named with their page (issue 25)."""
    page = site.page("lankar/")
    links = re.findall(r'<li><a href="[^"]*"(?: aria-label="([^"]*)")?>([^<]*)</a>', page.html)
    names = [label or text for label, text in links]
    buttons = re.findall(r'class="md-button vgr-copy"[^>]*aria-label="([^"]*)"', page.html)
    assert len(names) == len(buttons) > 10
    assert len(set(names)) == len(names), sorted(n for n in names if names.count(n) > 1)
    assert len(set(buttons)) == len(buttons)
    for label, text in links:
        assert not label or label.startswith(text)  # what is seen is part of what is heard
