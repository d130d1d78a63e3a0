"""Paper: every built page printed to A4 in Chromium, with the screen in light
and in dark mode. Each sheet is numbered ("Sida 1 av N") and carries the
page's address (not the 404 page, which has no address of its own); no sheet
is blank or holds only that foot line or the page's date; on paper there are
no buttons, navigation or coloured fills, and all text is dark on white. The
checklist prints on its own named page and has its own print tests, so it is
left out here."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.site import Site, goto_settled, normalize

CHECKLIST = "planera/checklista/"
SCHEMES = ["light", "dark"]
# Text a sheet needs besides its foot line and date not to count as near-empty.
MIN_OWN_TEXT = 80
DATE_LINE = re.compile(r"(?:Senast|Sidan) uppdaterad:? ?\d{4}-\d\d-\d\d")


def printed_pages(site: Site) -> list[str]:
    return [p.url for p in site.pages() if p.url != CHECKLIST]


def each_printed_page(
    browser, base_url: str, site: Site, scheme: str
) -> Iterator[tuple[Page, str]]:
    """Every printed page loaded in turn, with the screen in ``scheme``."""
    context = browser.new_context(color_scheme=scheme, locale="sv-SE")
    page = context.new_page()
    try:
        for url in printed_pages(site):
            goto_settled(page, base_url + url)
            yield page, url
    finally:
        context.close()


@pytest.fixture(params=SCHEMES)
def printed(browser, base_url: str, site: Site, request) -> Iterator[tuple[Page, str]]:
    """Every printed page in turn, with the screen light, then dark."""
    return each_printed_page(browser, base_url, site, request.param)


def sheets(pdf: bytes) -> list[str]:
    return [normalize(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_every_sheet_is_numbered_addressed_and_has_text_of_its_own(
    printed: Iterator[tuple[Page, str]], base_url: str
) -> None:
    problems: list[str] = []
    for page, url in printed:
        # With background graphics on: the worst case a browser can be set to.
        texts = sheets(page.pdf(format="A4", print_background=True))
        address = base_url + url
        for number, text in enumerate(texts, start=1):
            where = f"{url or '/'} sheet {number}/{len(texts)}"
            foot = f"Sida {number} av {len(texts)}"
            if foot not in text:
                problems.append(f"{where}: no '{foot}'")
            if url != "404.html" and address not in text.replace(" ", ""):
                problems.append(f"{where}: no address {address}")
            own = DATE_LINE.sub("", text.replace(foot, "").replace(address, ""))
            if len(own.strip()) < MIN_OWN_TEXT:
                problems.append(f"{where}: near-empty: {own.strip()!r}")
    assert problems == [], "\n".join(problems)


# On paper (print media): what is still shown of the site's chrome, which
# elements have a fill that is not white, and text that is not dark.
ON_PAPER = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const name = el => el.tagName + '.' + String(el.className).trim().replace(/\\s+/g, '.');
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const chrome = [...document.querySelectorAll(
      'button, .md-button, input, select, textarea, .md-header, .md-sidebar, .md-footer, '
      + '.md-nav, .md-search, .md-top, .vgr-pres-bar, .vgr-pres-start')]
    .filter(shown).map(name);
  const fills = [...document.querySelectorAll('body, body *')].filter(shown).filter(el => {
    const [r, g, b, a = 1] = rgba(getComputedStyle(el).backgroundColor);
    return a > 0 && !(r === 255 && g === 255 && b === 255);
  }).map(el => name(el) + ' ' + getComputedStyle(el).backgroundColor);
  const pale = [...document.querySelectorAll('.md-content *')].filter(shown)
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()))
    .filter(el => (1.05) / (lum(rgba(getComputedStyle(el).color)) + 0.05) < 4.5)
    .map(el => name(el) + ' ' + getComputedStyle(el).color);
  return {chrome: [...new Set(chrome)], fills: [...new Set(fills)], pale: [...new Set(pale)]};
}"""


def test_paper_has_no_chrome_no_fills_and_dark_text(printed: Iterator[tuple[Page, str]]) -> None:
    problems: list[str] = []
    for page, url in printed:
        # Material animates colour changes: measure the print colours, not a frame.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        page.emulate_media(media="print")
        found = page.evaluate(ON_PAPER)
        page.emulate_media(media="screen")
        for kind, items in found.items():
            problems += [f"{url or '/'}: {kind}: {item}" for item in items]
    assert problems == [], "\n".join(problems)


def test_guideline_summary_prints_without_fills_or_slide_show_button(
    browser, base_url: str
) -> None:
    """The issue's case: /riktlinjen/i-korthet/ printed three sheets of solid
    blue cards with the "Visa som bildspel" button and a last sheet holding
    only the date."""
    context = browser.new_context(color_scheme="dark", locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url + "riktlinjen/i-korthet/")
        page.wait_for_selector("[data-module='vgr-presentation'][data-ready]")
        texts = sheets(page.pdf(format="A4", print_background=True))
        assert all("Visa som bildspel" not in t for t in texts)
        assert "Läs mer på vgregion.se/riktlinje-kompetensutveckling" in " ".join(texts)
        assert len(texts) <= 2
    finally:
        context.close()


def test_planning_page_prints_on_one_sheet(browser, base_url: str) -> None:
    """The issue's other case: /planera/ printed a blank second sheet."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url + "planera/")
        texts = sheets(page.pdf(format="A4"))
        assert len(texts) == 1, [len(t) for t in texts]
    finally:
        context.close()


def test_address_on_paper_follows_instant_navigation(browser, base_url: str) -> None:
    """Material swaps pages without a reload; the foot line must name the page
    now shown, not the first one opened."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url)
        page.evaluate("window.__sameDocument = true")
        page.locator(".md-nav--primary a", has_text="Om riktlinjen").first.click()
        page.wait_for_url(base_url + "riktlinjen/")
        page.wait_for_function(
            "document.querySelector('h1').textContent.startsWith('Riktlinje för')"
        )
        assert page.evaluate("window.__sameDocument === true")  # no reload happened
        first = sheets(page.pdf(format="A4"))[0].replace(" ", "")
        assert (base_url + "riktlinjen/") in first
    finally:
        context.close()


# Decorative icons still drawn on paper: pseudo-elements painted with a mask
# or a picture (Material's note and fold-out symbols, the fold-out's chevron).
ICONS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    for (const pseudo of ['::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (cs.content === 'none' || cs.content === 'normal' || cs.display === 'none') continue;
      const mask = cs.maskImage || cs.webkitMaskImage || 'none';
      if (mask !== 'none' || cs.backgroundImage !== 'none')
        found.push(`${el.tagName}.${String(el.className).trim()}${pseudo}`);
    }
  }
  return [...new Set(found)];
}"""


def test_no_decorative_icons_on_paper(printed: Iterator[tuple[Page, str]]) -> None:
    """The issue's case: a coloured chevron printed on the accessibility statement."""
    problems: list[str] = []
    for page, url in printed:
        page.emulate_media(media="print")
        problems += [f"{url or '/'}: {icon}" for icon in page.evaluate(ICONS)]
        page.emulate_media(media="screen")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_links_on_paper_show_where_they_go(browser, base_url: str, scheme: str) -> None:
    """The start page's link cards printed "→" and no address; a link out of
    the site prints its address, a link whose text is the address does not
    repeat it, and links within the site's text are not cluttered."""
    context = browser.new_context(color_scheme=scheme, locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url)
        cards = page.locator(".md-content :is(.vgr-tasks, .vgr-cards) a")
        targets = cards.evaluate_all("els => els.map(a => a.href)")
        assert len(targets) >= 6
        text = " ".join(sheets(page.pdf(format="A4"))).replace(" ", "")
        assert "→" not in text
        for target in targets:
            assert target.startswith(base_url) and target in text, target
        goto_settled(page, base_url + "tillganglighet/")
        text = " ".join(sheets(page.pdf(format="A4")))
        assert "(https://www.digg.se/tdosanmalan)" in text.replace(" ", "")
        goto_settled(page, base_url + "riktlinjen/")
        text = " ".join(sheets(page.pdf(format="A4")))
        assert "vgregion.se/riktlinje-kompetensutveckling" in text
        assert "(http" not in text.replace(" ", "")
    finally:
        context.close()


def test_links_on_paper_without_script_show_the_full_address(browser, base_url: str) -> None:
    """Without JavaScript the links stay relative: the page's address goes before them."""
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(base_url, wait_until="load")
        text = " ".join(sheets(page.pdf(format="A4"))).replace(" ", "")
        for path in ("riktlinjen/", "planera/checklista/", "riktlinjen/i-korthet/", "lankar/"):
            assert base_url + path in text, path
    finally:
        context.close()


def test_link_list_on_paper_shows_each_address_once_and_no_button_text(
    browser, base_url: str
) -> None:
    """The intranet link list prints each address on its own line; a link there
    does not print it again (as a link to another host would: say the site was
    built for another address than it is served from), and the sentence about
    the copy buttons is not on paper, where there are none."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url + "lankar/")
        assert page.get_by_text("Kopiera adressen med knappen bredvid den.").is_visible()
        page.evaluate(
            """() => document.querySelectorAll('.vgr-links > li > a').forEach(
                 (a, i) => { a.href = 'https://intranat.example/kompetens/sida-' + i; })"""
        )
        text = " ".join(sheets(page.pdf(format="A4"))).replace(" ", "")
        assert "intranat.example" not in text
        assert "Kopieraadressenmedknappen" not in text
    finally:
        context.close()
