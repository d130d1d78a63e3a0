"""Keyboard alone: Tab through every page at 1280 and 320 px. Focus is always
visible and on screen, and reaches the skip link, search, the theme toggle,
the main content and every control of the checklist and the presentations."""

from __future__ import annotations

import pytest

from tests.site import COVERED_JS, Site, goto_settled, settle

# What the focused element looks like: its ring, and whether it is on screen.
# A visually hidden theme radio shows its focus on the label that follows it.
FOCUS_INFO = (
    """() => {
  const COVERED = """
    + COVERED_JS
    + """;
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const revisit = el.hasAttribute('data-kb-seen');
  el.setAttribute('data-kb-seen', '');
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  const cs = getComputedStyle(shown);
  const r = shown.getBoundingClientRect();
  return {
    key: el.id || el.getAttribute('href') || el.className.toString() || el.tagName,
    control: el.dataset.kb || null,
    revisit,
    ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0)
          || cs.boxShadow !== 'none'
          || (el.type === 'date' && !el.matches(':focus')),
    onScreen: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden'
              && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    inMain: !!el.closest('.md-content'),
    covered: COVERED(el, r),
    skip: el.matches('.md-skip'),
    search: el.matches('.md-search__input'),
    theme: el.matches('.md-option'),
  };
}"""
)


# Every control of the checklist, the presentations and the link page, visible
# on the page; each is marked so the walk can tell it was reached.
CONTROLS = """() => {
  const found = {};
  document.querySelectorAll(
    '.vgr-checklist :is(input, textarea, select, button), .vgr-presentation button,'
    + ' button[data-copy]').forEach((el, i) => {
      if (el.offsetParent === null && !el.matches('.vgr-file')) return;
      el.dataset.kb = String(i);
      found[i] = el.id || el.dataset.action || el.dataset.copy;
  });
  return found;
}"""


# Records FOCUS_INFO at each Tab's keydown, i.e. where the previous Tab left
# focus: one round trip per Tab instead of two (press, then ask). READ_STOPS
# records where the last Tab left focus, and the next keydown does not again.
RECORD_ON_TAB = (
    "() => { const info = " + FOCUS_INFO + ";"
    " window.__kb = { stops: [], info, current: false };"
    " window.addEventListener('keydown', e => {"
    "   if (e.key !== 'Tab') return;"
    "   if (window.__kb.current) window.__kb.current = false;"
    "   else window.__kb.stops.push(info());"
    " }, true); }"
)
READ_STOPS = """() => {
  const kb = window.__kb;
  if (!kb.current) { kb.stops.push(kb.info()); kb.current = true; }
  return kb.stops.slice(1);  // stops[0]: before the first Tab
}"""


def stops_until_done(infos: list[dict | None]) -> tuple[list[dict], bool]:
    """The stops of a walk, up to where focus leaves the page or comes round."""
    seen: list[dict] = []
    for info in infos:
        if info is None:
            return seen, True
        if info["revisit"]:
            if seen and info["key"] == seen[-1]["key"]:
                continue  # Tab moves between the parts of one field (a date)
            return seen, True
        seen.append(info)
    return seen, False


def walk(page, limit: int = 400, batch: int = 16) -> list[dict]:
    """Press Tab until focus leaves the page or comes round again."""
    page.evaluate(RECORD_ON_TAB)
    seen: list[dict] = []
    for _ in range(0, limit, batch):
        for _ in range(batch):
            page.keyboard.press("Tab")
        seen, done = stops_until_done(page.evaluate(READ_STOPS))
        if done:
            break
    return seen


@pytest.mark.parametrize("width", [1280, 320])
def test_tab_reaches_everything_with_visible_focus(
    browser, base_url: str, site: Site, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    try:
        for built in site.content_pages():
            page.goto(base_url + built.url, wait_until="load")
            settle(page)
            controls = page.evaluate(CONTROLS)
            stops = walk(page)
            reached = {s["control"] for s in stops}
            missing = [name for kb, name in controls.items() if kb not in reached]
            where = built.url or "/"
            problems += [f"{where}: no visible ring on {s['key']}" for s in stops if not s["ring"]]
            problems += [
                f"{where}: focus off screen on {s['key']}" for s in stops if not s["onScreen"]
            ]
            problems += [f"{where}: focus covered on {s['key']}" for s in stops if s["covered"]]
            for need in ("skip", "search", "theme", "inMain"):
                if not any(s[need] for s in stops):
                    problems.append(f"{where}: Tab never reaches {need}")
            problems += [f"{where}: Tab never reaches control {c}" for c in missing]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


@pytest.mark.parametrize("url", ["riktlinjen/", "planera/checklista/"])
def test_shift_tab_never_leaves_focus_under_the_header(browser, base_url: str, url: str) -> None:
    """Backwards, the sticky header is what covers: from the page's last link
    up through its content on a phone, each focused element is shown whole."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(base_url + url, wait_until="load")
        settle(page)
        page.locator(".md-content a[href]").last.focus()
        covered = []
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            found = page.evaluate(
                "() => { const covered = " + COVERED_JS + "; const el = document.activeElement;"
                " return [el.id || el.textContent.trim().slice(0, 30),"
                " covered(el, el.getBoundingClientRect())]; }"
            )
            if found[1]:
                covered.append(found[0])
        assert covered == []
    finally:
        context.close()


def test_no_page_scrolls_sideways_at_320_px(browser, base_url: str, site: Site) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for built in site.pages():
            page.goto(base_url + built.url, wait_until="load")
            settle(page)
            overflow = page.evaluate(
                """() => {
              const doc = document.scrollingElement;
              const wide = [...document.querySelectorAll('.md-content *')].filter(el => {
                if (el.closest('pre, table, .md-typeset__scrollwrap')) return false;
                const r = el.getBoundingClientRect();
                return r.right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed';
              }).map(el => el.tagName + '.' + el.className);
              return {scroll: doc.scrollWidth - doc.clientWidth, wide: wide.slice(0, 5)};
            }"""
            )
            assert overflow == {"scroll": 0, "wide": []}, built.url
    finally:
        context.close()


def test_menu_opens_and_closes_by_keyboard_on_a_narrow_screen(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        goto_settled(page, base_url + "riktlinjen/")
        menu = page.get_by_role("button", name="Meny")
        assert menu.get_attribute("aria-expanded") == "false"
        assert not page.get_by_role("link", name="Checklista").first.is_visible()
        menu.focus()
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_INFO)["onScreen"]
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Meny"
    finally:
        context.close()


def test_menu_button_shows_only_where_the_navigation_is_a_drawer(browser, base_url: str) -> None:
    for width, shown in ((1280, False), (320, True)):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        try:
            goto_settled(page, base_url)
            assert page.get_by_role("button", name="Meny").is_visible() is shown, width
        finally:
            context.close()
