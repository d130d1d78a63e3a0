"""What a screen reader is given: Chromium's accessibility tree and the
checklist's live regions (issue 25, found with Orca 43 in Chromium).

The tree is Chromium's own (DevTools protocol, Accessibility.getFullAXTree),
the one Orca reads through AT-SPI. What is spoken live is recorded in the page:
a MutationObserver, installed before any script of the site runs, writes down
the text of every live region (aria-live, role=status/alert/log) each time its
content changes, as Chromium sends it. Tests wait on state (data-saves,
data-announced, the stored plan), never on spoken text or a sleep.

``make screen-reader`` runs the real Orca over a fixed route (not part of
``make test``); scripts/screen-reader/README.md says how.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.site import Site, Watched, settle
from tests.test_checklist import ROOT, URL, act, open_checklist, wait_saved

ANNOUNCER = "[data-module='vgr-checklist-announce']"

# Records each live region's text after each change (see the module's docstring).
RECORD_LIVE = """
window.__live = [];
new MutationObserver((records) => {
  const roots = new Set();
  for (const r of records) {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const root = el && el.closest(
      '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]');
    if (root) roots.add(root);
  }
  for (const root of roots) {
    if (!root.checkVisibility()) continue;
    const text = root.textContent.replace(/\\s+/g, ' ').trim();
    if (text) window.__live.push(text);
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""

LANDMARKS = {
    "banner",
    "navigation",
    "main",
    "contentinfo",
    "region",
    "form",
    "search",
    "complementary",
}


class AXTree:
    """Chromium's accessibility tree of a page, without ignored nodes."""

    def __init__(self, page) -> None:
        cdp = page.context.new_cdp_session(page)
        try:
            nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        finally:
            cdp.detach()
        self.by_id = {n["nodeId"]: n for n in nodes}
        self.nodes = [n for n in nodes if not n.get("ignored")]

    @staticmethod
    def role(node) -> str:
        return node.get("role", {}).get("value", "")

    @staticmethod
    def name(node) -> str:
        return " ".join(str(node.get("name", {}).get("value", "")).split())

    @staticmethod
    def prop(node, key: str):
        for p in node.get("properties", []):
            if p["name"] == key:
                return p["value"].get("value")
        return None

    def find(self, role: str, name: str | None = None) -> list[dict]:
        return [
            n for n in self.nodes if self.role(n) == role and (name is None or self.name(n) == name)
        ]

    def ancestors(self, node) -> list[dict]:
        out = []
        parent = node.get("parentId")
        while parent and parent in self.by_id:
            node = self.by_id[parent]
            if not node.get("ignored"):
                out.append(node)
            parent = node.get("parentId")
        return out

    def descendants(self, node) -> list[dict]:
        out, todo = [], list(node.get("childIds", []))
        while todo:
            child = self.by_id.get(todo.pop(0))
            if not child:
                continue
            if not child.get("ignored"):
                out.append(child)
            todo[:0] = child.get("childIds", [])
        return out

    def text(self, node) -> str:
        """The text a screen reader reads in browse mode: its text nodes, joined as laid out."""
        return "".join(
            str(n.get("name", {}).get("value", ""))
            for n in self.descendants(node)
            if self.role(n) == "StaticText"
        )


def live(page) -> list[str]:
    return page.evaluate("window.__live.slice()")


@pytest.fixture
def listened(watched: Watched, base_url: str) -> Watched:
    """The checklist with its live regions recorded, at a fixed clock time."""
    page = watched.page
    page.clock.install(time=dt.datetime(2026, 12, 2, 6, 5, 10))
    page.add_init_script(RECORD_LIVE)
    open_checklist(page, base_url + URL)
    settle(page)
    return watched


# --- Headings, names and text ------------------------------------------------


def test_every_question_is_a_heading_inside_its_fieldset(listened: Watched, site: Site) -> None:
    """Heading navigation (H) reaches each question in the form, not only in the review."""
    tree = AXTree(listened.page)
    (form,) = tree.find("form", "Utbildningsplan")
    in_form = [n for n in tree.descendants(form) if tree.role(n) == "heading"]
    groups = [n for n in tree.descendants(form) if tree.role(n) == "group"]
    questions = [g for g in groups if tree.name(g).startswith("Fråga ")]
    assert len(questions) >= 4
    assert len(in_form) == len(questions)
    for number, (heading, group) in enumerate(zip(in_form, questions, strict=True), start=1):
        assert tree.prop(heading, "level") == 3
        assert tree.name(heading).startswith(f"Fråga {number} ")
        assert tree.name(group) == tree.name(heading)
        assert group in tree.ancestors(heading)


def test_question_numbers_are_not_read_as_capitals(listened: Watched) -> None:
    tree = AXTree(listened.page)
    texts = [tree.name(n) for n in tree.find("StaticText")]
    assert [t for t in texts if t.startswith("FRÅGA")] == []
    assert "Fråga 1" in texts


def test_hidden_question_text_keeps_its_space(listened: Watched) -> None:
    """A screen-reader-only span began with a space that layout dropped:
    "Svara på fråga 1”Varför…”" in browse mode."""
    tree = AXTree(listened.page)
    links = [n for n in tree.find("link") if tree.name(n).startswith("Svara på fråga 1")]
    assert links
    for link in links:
        text = tree.text(link).replace("\xa0", " ")
        assert "1 ”" in text, text


def test_no_empty_alert_and_no_live_text_at_load(listened: Watched) -> None:
    """An empty alert was read as "avisering"; a live region holding static
    text ("Svaren sparas …") was sent again while the page scrolled."""
    page = listened.page
    tree = AXTree(page)
    assert tree.find("alert") == []
    filled = page.locator(
        f"{ROOT} :is([aria-live]:not([aria-live=off]), [role=status], [role=alert])"
    ).evaluate_all(
        "els => els.filter(e => !e.closest('[hidden]') && e.textContent.trim())"
        ".map(e => e.textContent.trim())"
    )
    assert filled == []
    assert live(page) == []  # nothing shown in a live region while the page loaded


def test_status_bar_is_read_in_browse_mode(listened: Watched) -> None:
    """The bar's text is page text, not inside a live region (Orca said only "statusrad")."""
    tree = AXTree(listened.page)
    texts = [n for n in tree.find("StaticText") if tree.name(n).startswith("Svaren sparas")]
    assert texts
    for node in texts:
        for up in tree.ancestors(node):
            assert tree.role(up) not in ("status", "alert", "log"), tree.role(up)
            assert tree.prop(up, "live") in (None, "off"), tree.name(up)


# --- What is spoken live -----------------------------------------------------


def test_message_and_save_status_are_spoken_apart_and_once(listened: Watched) -> None:
    """A message is not repeated with each later save status, and a save
    status is spoken without a message glued to it."""
    page = listened.page
    act(page, "new")
    wait_saved(page)
    page.fill("#vgr-d-name", "Plan A")
    wait_saved(page)
    page.clock.fast_forward(61_000)
    page.fill("#vgr-d-unit", "Akuten")
    wait_saved(page)
    expect(page.locator("[data-status]")).to_have_text("Sparat i webbläsaren kl. 06:06.")
    heard = live(page)
    created = [t for t in heard if "En ny, tom plan har skapats." in t]
    assert created == ["En ny, tom plan har skapats."], heard
    assert heard[-1] == "Sparat i webbläsaren kl. 06:06.", heard
    assert heard.count("Sparat i webbläsaren kl. 06:06.") == 1, heard


def test_typing_in_the_same_minute_says_nothing_more(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-d-name", "Plan A")
    wait_saved(page)
    before = live(page)
    for text in ("Plan AB", "Plan ABC", "Plan ABCD"):
        page.fill("#vgr-d-name", text)
        wait_saved(page)
    assert live(page) == before


def test_finishing_a_question_is_announced_with_the_count(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-a-varfor", "För att")
    wait_saved(page)
    expect(page.locator("[data-task='varfor']")).to_have_text("Påbörjad")
    assert "Fråga 1: Påbörjad." in live(page)
    before = len(live(page))
    page.check("#vgr-done-varfor")
    wait_saved(page)
    expect(page.locator("[data-progress]")).to_have_text("1 av 4 frågor klara")
    assert "Fråga 1: Klar. 1 av 4 frågor klara." in live(page)[before:]


def test_another_plan_shown_announces_no_question(listened: Watched) -> None:
    """Statuses that change because another plan is shown are not the person's act."""
    page = listened.page
    page.fill("#vgr-a-varfor", "För att")
    page.check("#vgr-done-varfor")
    wait_saved(page)
    before = len(live(page))
    act(page, "new")
    wait_saved(page)
    expect(page.locator("[data-task='varfor']")).to_have_text("Inte påbörjad")
    assert live(page)[before:] == ["En ny, tom plan har skapats."]


def test_a_task_list_link_announces_nothing(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-a-varfor", "För att")
    wait_saved(page)
    before = live(page)
    link = page.locator(".vgr-task-list a").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**#fraga-varfor")
    settle(page)
    assert live(page) == before


def test_a_live_region_is_emptied_once_spoken(listened: Watched) -> None:
    """Browse mode does not meet a message twice (bar and live region)."""
    page = listened.page
    act(page, "new")
    region = page.locator(f"{ANNOUNCER} [data-live='result']")
    expect(region).to_have_text("En ny, tom plan har skapats.")
    page.keyboard.press("Shift")
    expect(region).to_have_text("")


# --- Focus after plan actions ------------------------------------------------


def focused_name(page) -> tuple[str, str]:
    tree = AXTree(page)
    focused = [n for n in tree.nodes if tree.prop(n, "focused") and tree.role(n) != "RootWebArea"]
    assert len(focused) == 1, [tree.name(n) for n in focused]
    return tree.role(focused[0]), tree.name(focused[0])


def test_new_plan_puts_focus_on_its_name(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-d-name", "Plan A")
    wait_saved(page)
    act(page, "new")
    assert focused_name(page) == ("textbox", "Utbildningens namn")


def test_deleting_a_plan_puts_focus_on_the_plan_chooser(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-d-name", "Plan A")
    wait_saved(page)
    act(page, "new")
    page.fill("#vgr-d-name", "Plan B")
    wait_saved(page)
    page.once("dialog", lambda d: d.accept())
    act(page, "delete")
    role, name = focused_name(page)
    assert (role, name) == ("combobox", "Plan som visas")
    assert page.locator("#vgr-plan-select option:checked").text_content().startswith("Plan A – ")


def test_a_cancelled_delete_leaves_focus_on_its_button(listened: Watched) -> None:
    page = listened.page
    page.fill("#vgr-d-name", "Plan A")
    wait_saved(page)
    page.once("dialog", lambda d: d.dismiss())
    act(page, "delete")
    assert focused_name(page) == ("button", "Ta bort planen")


# --- Every page: permalinks, title, landmarks, labels --------------------------


@pytest.fixture
def pages(watched: Watched, base_url: str, site: Site):
    """Each content page, loaded and settled, with its tree."""

    def each():
        for p in site.content_pages():
            page = watched.page
            page.goto(base_url + p.url, wait_until="load")
            settle(page)
            yield p.url, page, AXTree(page)

    return each


def test_headings_have_no_permalink_in_their_name_or_the_tab_order(pages) -> None:
    for url, page, tree in pages():
        headings = tree.find("heading")
        assert headings, url
        for h in headings:
            assert not tree.name(h).endswith("¶"), (url, tree.name(h))
        tabbable = page.locator("a.headerlink").evaluate_all(
            "els => els.filter(e => e.tabIndex >= 0).length"
        )
        assert tabbable == 0, url


def test_page_title_is_heard_once(pages) -> None:
    """Once, as the h1: the header's copy of it (and of the site's name, which
    the logo link carries) is not read. Headings of the content and the site
    navigation's own title are not copies."""
    for url, _page, tree in pages():
        (h1,) = [h for h in tree.find("heading") if tree.prop(h, "level") == 1]
        title = tree.name(h1).rstrip(" ¶")  # the permalink has its own test
        copies = [
            n
            for n in tree.find("StaticText")
            if tree.name(n) == title
            and not any(tree.role(a) in ("navigation", "heading") for a in tree.ancestors(n))
        ]
        assert copies == [], (url, title, len(copies))
        (banner,) = tree.find("banner")
        in_banner = [tree.name(n) for n in tree.descendants(banner) if tree.role(n) == "StaticText"]
        assert title not in in_banner, url


def test_landmarks_are_few_named_and_swedish(pages) -> None:
    for url, _page, tree in pages():
        marks = [n for n in tree.nodes if tree.role(n) in LANDMARKS]
        names = [(tree.role(n), tree.name(n)) for n in marks]
        # The page's frame: banner, search, main, footer and its two link
        # lists, the site navigation (with a named landmark per section, which
        # Material's script needs) and the table of contents; on top of it a
        # page's own sections and asides.
        own = ("region", "form", "complementary")
        assert len([n for n in marks if tree.role(n) not in own]) <= 11, names
        if url == URL:
            assert len(marks) <= 13, names  # 16 on main (260c706)
        assert ("navigation", "Navigation") not in names, url
        for role, name in names:
            if role in ("navigation", "region", "form"):
                assert name, (url, role)
        assert len(set(names)) == len(names), (url, names)


def test_the_same_message_twice_is_spoken_twice(listened: Watched) -> None:
    """A second "Ny plan" gives the same words: the bar writes them anew, so
    the person hears that the second action happened too."""
    page = listened.page
    for _ in range(2):
        act(page, "new")
        wait_saved(page)
    heard = [t for t in live(page) if "En ny, tom plan har skapats." in t]
    assert heard == ["En ny, tom plan har skapats."] * 2, live(page)


def test_plans_without_a_name_are_told_apart_by_more_than_a_time(listened: Watched) -> None:
    """Two unnamed plans, heard in the plan chooser: numbered, not twins."""
    page = listened.page
    page.fill("#vgr-a-varfor", "Första")
    wait_saved(page)
    act(page, "new")
    page.fill("#vgr-a-varfor", "Andra")
    wait_saved(page)
    names = page.eval_on_selector_all(
        "[data-plan-list] option", "os => os.map(o => o.textContent.split(' – ')[0])"
    )
    assert sorted(names) == ["Namnlös plan 1", "Namnlös plan 2"], names
