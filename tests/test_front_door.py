"""The front door and the guideline page: the two tasks above the fold, a calm
look with measured contrast, the guideline's facts and four questions from
data, and the region's text told apart from what the site adds."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from macros.guideline import load_guideline
from macros.questions import load_questions, question_anchor
from tests.conftest import ROOT
from tests.site import Site, Watched, goto_settled, normalize
from tests.test_fidelity import CHROME, SEEDS, TYPO_FIXES

DATA = ROOT / "docs" / "data"
QUESTIONS = load_questions(DATA / "planning_questions.yml")
GUIDELINE = load_guideline(DATA / "guideline.yml")
TITLE = GUIDELINE["title"]

FOLDS = [(1280, 800), (320, 640)]
SCHEMES = ["light", "dark"]


def open_page(browser, base_url: str, url: str, width: int, height: int, scheme: str = "light"):
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, locale="sv-SE"
    )
    watched = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:", "about:"))
    goto_settled(watched.page, base_url + url)
    return context, watched


# --- 1. The start page is a front door ---------------------------------------


@pytest.mark.parametrize("width,height", FOLDS)
def test_both_tasks_are_above_the_fold(browser, base_url: str, width: int, height: int) -> None:
    context, watched = open_page(browser, base_url, "", width, height)
    page = watched.page
    try:
        for name, target in (
            ("Läs riktlinjen", "riktlinjen/"),
            ("Planera en utbildning", "planera/checklista/"),
        ):
            link = page.get_by_role("link", name=name, exact=True)
            assert link.count() == 1, name
            box = link.locator("xpath=ancestor::li[1]").bounding_box()
            assert box is not None and box["y"] >= 0, name
            assert box["y"] + box["height"] <= height, f"{name} ends at {box}, fold at {height}"
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, name
            assert link.evaluate("a => new URL(a.href).pathname") == "/" + target
        watched.assert_clean()
    finally:
        context.close()


def test_whole_task_box_follows_the_link(browser, base_url: str) -> None:
    context, watched = open_page(browser, base_url, "", 320, 640)
    page = watched.page
    try:
        box = page.locator(".vgr-tasks > li").nth(1).bounding_box()
        assert box is not None
        # Click the description text, not the link text: the box is the target.
        page.mouse.click(box["x"] + 10, box["y"] + box["height"] - 12)
        page.wait_for_url(base_url + "planera/checklista/")
        watched.assert_clean()
    finally:
        context.close()


ROWS = """sel => [...document.querySelectorAll(sel)].map(list =>
  [...list.children].map(li => Math.round(li.getBoundingClientRect().top)))"""


@pytest.mark.parametrize("width", [1280, 900, 320])
def test_cards_form_even_rows(browser, base_url: str, width: int) -> None:
    context, watched = open_page(browser, base_url, "", width, 800)
    try:
        grids = watched.page.evaluate(ROWS, ".vgr-tasks, .vgr-cards")
        assert len(grids) == 2
        for tops in grids:
            per_row = list(Counter(tops).values())
            assert len(set(per_row)) == 1, f"uneven rows at {width} px: {per_row}"
            # Side by side where there is room, one under the other on a phone.
            assert per_row[0] == (1 if width < 600 else 2), f"{per_row} at {width} px"
    finally:
        context.close()


# --- 2. A calm look: dark bold headings, one accent, one note style -----------


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def parse_rgb(css: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    assert len(values) == 3 or (len(values) == 4 and values[3] == 1), f"not opaque: {css}"
    return tuple(values[:3])


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((luminance(parse_rgb(fg)), luminance(parse_rgb(bg))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


STYLES = """() => {
  const cs = (el, pseudo) => getComputedStyle(el, pseudo || null);
  const h1 = document.querySelector('.md-typeset h1');
  const link = document.querySelector('.md-typeset .vgr-tasks a');
  const note = document.querySelector('.md-typeset .vgr-note, .md-typeset .admonition');
  const title = note && note.querySelector('.vgr-note__title, .admonition-title');
  return {
    bg: cs(document.body).backgroundColor,
    h1: {color: cs(h1).color, weight: cs(h1).fontWeight},
    h2weight: cs(document.querySelector('.md-typeset h2')).fontWeight,
    link: link && cs(link).color,
    note: note && {bg: cs(note).backgroundColor, rule: cs(note).borderLeftColor,
                   ruleWidth: cs(note).borderLeftWidth,
                   icon: cs(title, '::before').display === 'none'
                         ? 'none' : cs(title, '::before').content,
                   titleBg: cs(title).backgroundColor, color: cs(note).color},
    fonts: cs(document.body).fontFamily,
  };
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("url", ["", "riktlinjen/", "planera/"])
def test_headings_are_dark_and_bold_and_the_accent_reads(
    browser, base_url: str, scheme: str, url: str
) -> None:
    context, watched = open_page(browser, base_url, url, 1280, 800, scheme)
    try:
        styles = watched.page.evaluate(STYLES)
        assert int(styles["h1"]["weight"]) >= 600
        assert int(styles["h2weight"]) >= 600
        assert contrast(styles["h1"]["color"], styles["bg"]) >= 7
        if styles["link"]:
            assert contrast(styles["link"], styles["bg"]) >= 4.5
        note = styles["note"]
        if note:
            # One note style: no icon, no coloured title bar, the accent as its rule.
            assert note["icon"] in ("none", "normal"), note["icon"]
            assert note["titleBg"] == "rgba(0, 0, 0, 0)"
            assert float(note["ruleWidth"].rstrip("px")) >= 4
            assert contrast(note["color"], note["bg"]) >= 7
            assert contrast(note["rule"], note["bg"]) >= 3
        assert "Roboto" not in styles["fonts"]  # system fonts: nothing to download
        watched.assert_clean()
    finally:
        context.close()


NOTES = """() => [...document.querySelectorAll(
    '.md-typeset .admonition, .md-typeset details:not(.vgr-more), .md-typeset .vgr-note')
  ].map(note => {  // .vgr-more: the checklist's "Fler val", a control, not a note
  const title = note.querySelector(':scope > .admonition-title, :scope > summary,'
                                   + ' :scope > .vgr-note__title');
  const before = getComputedStyle(title, '::before');
  return {
    name: note.className,
    icon: before.display === 'none' ? 'none' : before.content,
    titleBg: getComputedStyle(title).backgroundColor,
    bg: getComputedStyle(note).backgroundColor,
    rule: getComputedStyle(note).borderLeftColor,
    top: getComputedStyle(note).borderTopWidth,
  };
})"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_note_on_every_page_has_the_one_style(
    browser, base_url: str, site: Site, scheme: str
) -> None:
    context, watched = open_page(browser, base_url, "", 1280, 800, scheme)
    page = watched.page
    looks = set()
    try:
        for built in site.content_pages():
            goto_settled(page, base_url + built.url)
            for note in page.evaluate(NOTES):
                assert note["icon"] in ("none", "normal"), (built.url, note)
                assert note["titleBg"] == "rgba(0, 0, 0, 0)", (built.url, note)
                assert note["top"] == "0px", (built.url, note)
                if "warning" not in note["name"]:
                    looks.add((note["bg"], note["rule"]))
        assert len(looks) == 1, looks  # one surface, one rule colour
    finally:
        context.close()


def test_design_tokens_are_defined_once(site: Site) -> None:
    """Colours and spacing live as --vgr-* tokens in extra.css; the other
    stylesheets of this area use them instead of their own values."""
    sources = ROOT / "docs" / "stylesheets"
    extra = (sources / "extra.css").read_text(encoding="utf-8")
    for token in ("--vgr-color-text", "--vgr-color-accent", "--vgr-color-surface", "--vgr-space-3"):
        assert re.search(rf"{token}:\s*[^;]+;", extra), token
    presentation = (sources / "presentation.css").read_text(encoding="utf-8")
    screen_part = presentation.split("@media print", 1)[0]
    assert not re.findall(r"#[0-9a-fA-F]{3,6}\b", screen_part), "raw colours outside the tokens"


# --- 3. The guideline page is the guideline -----------------------------------


def test_facts_box_from_data_with_a_real_link(site: Site) -> None:
    html = site.page("riktlinjen/").html
    facts = html.split('class="vgr-facts"', 1)[1].split("</aside>", 1)[0]
    assert re.search(r"<dt>Beslutad av</dt>\s*<dd>regionstyrelsen</dd>", facts)
    assert re.search(
        r'<dt>Gäller från</dt>\s*<dd><time datetime="2021-01-01">1 januari 2021<', facts
    )
    link = f'href="{GUIDELINE["official_url"]}">vgregion.se/riktlinje-kompetensutveckling</a>'
    assert link in facts
    # "Läs mer på vgregion.se/…" in the site's own text is a link as well.
    assert re.search(r"Läs mer på <a [^>]*" + re.escape(link), html)


def ids_in(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', html)


def test_guideline_page_holds_the_four_questions_from_data(site: Site) -> None:
    page = site.page("riktlinjen/")
    html = page.html
    assert '<h2 id="tank-pa-detta">Tänk på detta när ni planerar utbildning' in html
    assert normalize(QUESTIONS["intro"]) in page.article_text
    for number, question in enumerate(QUESTIONS["questions"], start=1):
        heading = re.search(rf'<h3 id="{question_anchor(question)}">([^<]+)<', html)
        assert heading, question["id"]
        assert heading.group(1) == f"{number}. {question['text']}"
        for sub in question["sub_questions"]:
            assert f"<li>{sub['text']}</li>" in html
    duplicates = [i for i, n in Counter(ids_in(html)).items() if n > 1]
    assert duplicates == []


class _Blocks(HTMLParser):
    """Text of each block element in the article, with whether it lies inside
    the region's text ([data-source]) and whether the site marked it."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd"}
    SITE = ("vgr-site-heading", "vgr-source__label", "vgr-note", "vgr-facts")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, in source, site-marked
        self.blocks: list[dict] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        source, site = self.stack[-1][1:] if self.stack else (False, False)
        source = source or "data-source" in a
        classes = (a.get("class") or "").split()
        site = site or "data-site-text" in a or any(c in classes for c in self.SITE)
        if tag == "a" and "headerlink" in classes:
            self.skip += 1
        self.stack.append((tag, source, site))
        if tag in self.BLOCKS:
            self.blocks.append({"tag": tag, "text": "", "source": source, "site": site})

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag = self.stack.pop()[0]
            if open_tag == "a" and self.skip and tag == "a":
                self.skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip or not self.blocks:
            return
        inside = [t for t, *_ in self.stack]
        if self.blocks[-1]["tag"] in inside:
            self.blocks[-1]["text"] += data


def article_blocks(html: str) -> list[dict]:
    parser = _Blocks()
    parser.feed(html.split("<article", 1)[1].split("</article>", 1)[0])
    return [dict(b, text=normalize(b["text"])) for b in parser.blocks if normalize(b["text"])]


def seed_text() -> tuple[str, set[str]]:
    """All seed text as one normalized string (typos fixed), and its lines."""
    lines = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        for raw in seed.read_text(encoding="utf-8").splitlines():
            line = normalize(re.sub(r"^\s*(?:•|\d+\.)\s*", "", raw))
            for wrong, right in TYPO_FIXES:
                line = line.replace(wrong, right)
            if line and line not in CHROME:
                lines.add(line)
    return " ¦ ".join(sorted(lines)), lines


def is_source_heading(text: str, lines: set[str]) -> bool:
    """A heading is the source's when it is a whole line of it, or the first
    sentence of one (a question, whose sub-questions follow on its line)."""
    return text in lines or (
        text[-1] in ".?!:" and any(line.startswith(text + " ") for line in lines)
    )


@pytest.mark.parametrize("url", ["", "riktlinjen/", "planera/"])
def test_region_text_and_site_text_are_told_apart(site: Site, url: str) -> None:
    corpus, lines = seed_text()
    blocks = article_blocks(site.page(url).html)
    in_source = [b for b in blocks if b["source"] and not b["site"]]
    assert in_source, "no region text marked on the page"
    for block in in_source:
        # Inside the region's text, everything unmarked is the region's, verbatim.
        text = re.sub(r"^\d+\. ", "", block["text"])
        assert text in corpus, f"unmarked site text inside the region's text: {text!r}"
        if block["tag"].startswith("h"):
            assert is_source_heading(text, lines), f"site heading not marked: {text!r}"
    for block in blocks:
        if block["site"] and block["tag"].startswith("h"):
            assert not is_source_heading(block["text"], lines), f"source heading marked: {block}"


def test_every_guideline_sentence_sits_in_the_marked_guideline(site: Site) -> None:
    """Stronger than test_fidelity for this page: each sentence of the
    guideline's source is inside the page's region text, not site text."""
    blocks = article_blocks(site.page("riktlinjen/").html)
    marked = " ".join(b["text"] for b in blocks if b["source"] and not b["site"])
    source = (SEEDS / "riktlinjen.txt").read_text(encoding="utf-8")
    for raw in source.splitlines():
        line = normalize(re.sub(r"^\s*(?:•|\d+\.)\s*", "", raw))
        for wrong, right in TYPO_FIXES:
            line = line.replace(wrong, right)
        if not line or line in CHROME or line == TITLE:
            continue  # the title is the page's own heading, above the text
        for sentence in re.split(r"(?<=[.?!;])\s+", line):
            assert sentence in marked, sentence


@pytest.mark.parametrize("scheme", SCHEMES)
def test_site_marks_are_visible_in_the_browser(browser, base_url: str, scheme: str) -> None:
    context, watched = open_page(browser, base_url, "riktlinjen/", 320, 640, scheme)
    try:
        marks = watched.page.evaluate(
            """() => [...document.querySelectorAll('.vgr-site-heading')].map(h => {
                 const after = getComputedStyle(h, '::before');
                 return {content: after.content, display: after.display,
                         color: after.color, bg: getComputedStyle(document.body).backgroundColor};
               })"""
        )
        assert marks, "no site heading on the guideline page"
        for mark in marks:
            assert mark["content"] == '"webbplatsens rubrik"'
            assert mark["display"] != "none"
            assert contrast(mark["color"], mark["bg"]) >= 4.5
        labels = watched.page.locator(".vgr-source__label, .vgr-note__title")
        assert labels.count() >= 3
        for i in range(labels.count()):
            assert labels.nth(i).is_visible()
        watched.assert_clean()
    finally:
        context.close()
