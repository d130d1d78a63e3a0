"""320 px: every element keeps its content inside its own box on every built
page (beyond the document-width check in test_keyboard), an inline code's
padded box included (a long address on /lankar/ ran 4 px past), words in the menu
break only where they may, and a slide show fits a 320 x 640 screen with its
controls in view.

Headless Chromium has no hyphenation dictionaries, so these tests check that
nothing overflows, not where hyphens appear."""

from __future__ import annotations

import pytest

from tests.site import Site, goto_settled

SMALL = {"width": 320, "height": 640}

# Text and controls that run past a box they sit in. Each text run and each
# control or picture is held against the content box of every ancestor up
# to the first one that clips or scrolls on purpose (overflow not visible:
# Material's ellipsis, the menu drawer, code blocks) or is positioned out of
# the flow. What is not shown (no box, hidden, transparent) is skipped: the
# closed menu drawer and search.
OVERFLOWING = """() => {
  const problems = [];
  const SHOWN = {visibilityProperty: true, opacityProperty: true};
  const past = (r, box) => r.right > box.right + 1 || r.left < box.left - 1;
  const contentBox = el => { const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return {left: r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth),
            right: r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth)}; };
  const check = (rects, from, what) => {
    for (let a = from; a && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX !== 'visible') return;
      if (cs.display.startsWith('inline') || !a.getClientRects().length) continue;
      if (rects.some(r => past(r, contentBox(a)))) {
        problems.push(`${what} runs past ${a.tagName}.${a.className}`);
        return;
      }
      if (cs.position === 'absolute' || cs.position === 'fixed') return;
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || el.closest('script, style, template, svg')) continue;
    if (!el.checkVisibility(SHOWN)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    check(rects, el, JSON.stringify(node.data.trim().slice(0, 40)));
  }
  for (const el of document.querySelectorAll('img, svg, input, button, select, textarea')) {
    if (!el.checkVisibility(SHOWN) || !el.parentElement) continue;
    check([el.getBoundingClientRect()], el.parentElement, `${el.tagName}.${el.className}`);
  }
  // Inline boxes with padding and a background (code: the link page's long
  // addresses) are held with their padding, line by line.
  for (const el of document.querySelectorAll('code, kbd, mark')) {
    if (!el.checkVisibility(SHOWN) || !el.parentElement) continue;
    if (!getComputedStyle(el).display.startsWith('inline')) continue;
    const rects = [...el.getClientRects()].filter(r => r.width > 0);
    const text = JSON.stringify(el.textContent.slice(0, 40));
    check(rects, el.parentElement, `${el.tagName}.${el.className} ${text}`);
  }
  return problems;
}"""


def test_no_element_overflows_its_box_at_320_px(browser, base_url: str, site: Site) -> None:
    context = browser.new_context(viewport=SMALL, locale="sv-SE")
    page = context.new_page()
    problems: list[str] = []
    try:
        for built in site.pages():
            goto_settled(page, base_url + built.url)
            problems += [f"{built.url or '/'}: {p}" for p in page.evaluate(OVERFLOWING)]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


# Long words in the menu (open on a narrow screen) broken across lines at a
# place other than a soft hyphen: [part, lines] for each. Each letter is
# measured by itself (a range over a whole part also reports the hyphen drawn
# at the end of the line before it).
BROKEN_WORDS = """() => {
  const broken = [];
  const lineOf = (node, at) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rects = [...range.getClientRects()].filter(r => r.width > 0);
    return rects.length ? Math.round(rects[rects.length - 1].top) : null;
  };
  const walker = document.createTreeWalker(
    document.querySelector('.md-nav--primary'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[\\p{L}\\u00ad]{12,}/gu)) {
      let at = match.index;
      for (const part of match[0].split('\\u00ad')) {
        const lines = new Set();
        for (let i = 0; i < part.length; i++) lines.add(lineOf(node, at + i));
        lines.delete(null);
        if (lines.size > 1) broken.push([part, lines.size]);
        at += part.length + 1;
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("url", ["", "tillganglighet/", "om-webbplatsen/"])
def test_menu_words_break_only_at_soft_hyphens(browser, base_url: str, url: str) -> None:
    context = browser.new_context(viewport=SMALL, locale="sv-SE")
    page = context.new_page()
    try:
        goto_settled(page, base_url + url)
        page.get_by_role("button", name="Meny").click()
        page.wait_for_function(
            "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility"
            " === 'visible'"
        )
        assert page.evaluate(BROKEN_WORDS) == []
        # The word the issue named is there, whole or split at its soft hyphen.
        assert page.locator(".md-nav--primary", has_text="redogörelse").count() == 1
    finally:
        context.close()


def presentation_pages(site: Site) -> list[str]:
    return [p.url for p in site.content_pages() if 'data-module="vgr-presentation"' in p.html]


# The shown scene and the bar, as boxes; whatever of the scene lies outside
# the screen or is hidden in its own scroll.
SCENE_FITS = """() => {
  const scene = [...document.querySelectorAll('[data-scene]')].find(s => !s.hidden);
  const inside = el => { const r = el.getBoundingClientRect();
    return r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1
           && r.bottom <= innerHeight + 1; };
  const out = [...scene.querySelectorAll('*')]
    .filter(el => el.getBoundingClientRect().width > 0 && !inside(el))
    .map(el => el.tagName + ': ' + (el.textContent || '').trim().slice(0, 40));
  const heading = scene.querySelector('h2');
  return {
    id: scene.id,
    scene: inside(scene),
    heading: heading ? inside(heading) : true,
    out,
    hiddenInScroll: scene.scrollHeight - scene.clientHeight,
    buttons: [...document.querySelectorAll('[data-bar] button')]
      .map(b => [b.textContent.trim(), inside(b) && b.getBoundingClientRect().width > 0]),
  };
}"""


def test_slide_show_fits_a_320_by_640_screen(browser, base_url: str, site: Site) -> None:
    urls = presentation_pages(site)
    assert len(urls) >= 2
    context = browser.new_context(viewport=SMALL, locale="sv-SE")
    page = context.new_page()
    problems: list[str] = []
    try:
        for url in urls:
            goto_settled(page, base_url + url)
            page.wait_for_selector("[data-module='vgr-presentation'][data-ready]")
            ids = page.eval_on_selector_all("[data-scene]", "els => els.map(e => e.id)")
            page.click("[data-action='start']")
            for number, scene_id in enumerate(ids, start=1):
                page.wait_for_function(f"!document.getElementById('{scene_id}').hidden")
                fit = page.evaluate(SCENE_FITS)
                where = f"{url} scene {number}"
                if not (fit["scene"] and fit["heading"]):
                    problems.append(f"{where}: scene or heading off the screen")
                problems += [f"{where}: off the screen: {o}" for o in fit["out"]]
                if fit["hiddenInScroll"] > 1:
                    problems.append(f"{where}: {fit['hiddenInScroll']}px only by scrolling")
                problems += [
                    f"{where}: button {b} out of view" for b, ok in fit["buttons"] if not ok
                ]
                if number < len(ids):
                    page.click("[data-action='next']")
            page.keyboard.press("Escape")
        assert problems == [], "\n".join(problems)
    finally:
        context.close()
