"""Stillness by construction: no page moves while it loads, whatever the timing.

The final layout is in the HTML and CSS, so no order of events can move
anything. This test does not hope for one order: it forces each one, on every
built page, at 1280 and 320 px, with the CPU slowed four times (CDP
Emulation.setCPUThrottlingRate), and sums the page's layout-shift entries
(PerformanceObserver, buffered; those without recent input). Zero in every case:

- on time: the page loads as it comes;
- paused: the HTML arrives in parts and the browser paints each part before
  the next is sent (a slow network, or a parser that yields on a slow CPU); every
  script is held until the whole page is parsed and painted, then released;
- site late: Material's bundle runs, a frame is painted, and only then the
  site's own scripts arrive;
- never: the site's own scripts never arrive (aborted).

A page with the checklist loads twice in each case: empty, and with a saved
plan whose statuses differ from the page's ("Klar", "2 av 4 frågor klara"),
as for a person who comes back.

The server below sends the site's files; for a paused page it writes the HTML
up to a cut, marks the cut with an HTML comment (comments change no layout)
and waits until the test has seen the mark in the DOM and two frames painted.
The cuts (cut_points) fall before tags spread over the body, before every tag
of the footer, and right after every space of its own that follows an inline
element in the content: there a page painted half-parsed on a busy machine
moved, where a cut at random seldom falls.
The viewport is as tall as the page, so a shift anywhere counts, not only in
the first screen (Lighthouse's CLS sees only that).
"""

from __future__ import annotations

import html as htmllib
import json
import queue
import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from scripts.serve import _Server
from tests.site import Site

CPU_SLOWDOWN = 4
WIDTHS = [1280, 320]
MODES = ["on-time", "paused", "site-late", "never"]
MAX_HEIGHT = 16000  # Chromium's largest surface; the longest page fits at 1280 px
MAX_CUTS = 24  # per page, spread over the body
GATE_TIMEOUT = 120  # s: a page that never shows its cut fails the test, it does not hang

# Cuts go before these tags in the body (never inside a script, style, textarea,
# template or SVG, where a comment would be text).
CUT_BEFORE = re.compile(
    r"<(?:h[1-4]|p|a|span|section|form|fieldset|footer|nav|ol|ul|dl|details|div class=\"md-)[\s>]"
    r"|</footer>"
)
RAW = re.compile(r"<(script|style|textarea|template|svg)\b.*?</\1>", re.S)
# A space of its own after an inline element, as in `</code> <button>`: while
# it ends the part of the page that has arrived it has no place on its line,
# and when the next element arrives it gets one, which Chromium counts as a
# layout shift of that text (the links page moved 80 px so on a busy machine).
# A network or a busy parser can stop there, so every such space in the
# content and the footer gets a cut of its own, right after it. (Material's
# header and navigation hold about 90 more per page, all in flex boxes, where
# a space between elements is not laid out; cutting there too found nothing
# and tripled the time.)
SPACE_AFTER_INLINE = re.compile(
    r"(?:</(?:a|abbr|b|button|cite|code|em|i|kbd|label|mark|q|s|small|span|strong|sub|sup"
    r"|time|u)>|<(?:img|input)\b[^>]*>)\s+(?=<)"
)
# A button, before its text: a busy parser can paint it so (the links page at
# 320 px: a copy button 26 px wide fitted beside its address, then wrapped
# when its text came). Each gets a cut right after its start tag.
BUTTON_START = re.compile(r'<button\b[^>]*>|<a\b[^>]*\bclass="[^"]*\bmd-button\b[^"]*"[^>]*>')

WATCH = """
  window.__shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__shifts.push(entry);
  }).observe({ type: "layout-shift", buffered: true });
"""
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
HAS_CUT = """k => {
  const walk = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.data === "vgr-cut-" + k) return true;
  return false;
}"""
PAINTED = (
    "() => performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')"
)
MATERIAL_RAN = "() => !!window.document$"
# The parser has reached Material's bundle, the last thing before </body>.
PARSED = "() => !!document.querySelector('script[src*=\"assets/javascripts/bundle.\"]')"
# Every component started (or failed), the load event fired, fonts in: the
# page's final state. Then idle (work a script deferred has run) and two frames.
SETTLED = """() => document.readyState === "complete"
  && [...document.querySelectorAll("[data-module]")]
    .every(el => el.hasAttribute("data-ready") || el.hasAttribute("data-module-failed"))"""
SHIFTS = """async () => {
  await document.fonts.ready;
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frames();
  await new Promise(r => (window.requestIdleCallback || setTimeout)(r));
  await frames();
  return window.__shifts.filter(e => !e.hadRecentInput).map(e => ({
    value: e.value,
    sources: e.sources.map(s => {
      const n = s.node;
      const classes = n && n.nodeType === 1 ? String(n.className).trim().split(/\\s+/) : [];
      const name = n && n.nodeType === 1
        ? [n.tagName.toLowerCase(), ...classes.filter(Boolean)].join(".")
        : String(n && n.nodeName);
      const [a, b] = [s.previousRect, s.currentRect];
      return `${name} x ${a.x} -> ${b.x}, y ${a.y} -> ${b.y}, `
        + `w ${a.width} -> ${b.width}, h ${a.height} -> ${b.height}`;
    }),
  }));
}"""
HEIGHT = "() => document.documentElement.scrollHeight"


def cut_points(html: str) -> list[int]:
    """Where to pause the HTML: before tags in the body, spread evenly; before
    every tag in the footer (on a short page it is in the first screen); and,
    in the content and the footer, after every space of its own that follows
    an inline element and after the start tag of every button."""
    body = html.index("<body")
    raw = [(m.start(), m.end()) for m in RAW.finditer(html, body)]

    def outside_raw(points: Iterator[int]) -> list[int]:
        return [p for p in points if not any(a < p < b for a, b in raw)]

    found = outside_raw(m.start() for m in CUT_BEFORE.finditer(html, body))
    start, end = html.find("<footer", body), html.find("</footer>", body)
    footer = [p for p in found if start <= p <= end]
    content = max(html.find('<div class="md-content"', body), body)
    spaces = outside_raw(m.end() for m in SPACE_AFTER_INLINE.finditer(html, content, end))
    buttons = outside_raw(m.end() for m in BUTTON_START.finditer(html, content, end))
    step = max(1, len(found) // MAX_CUTS)
    return sorted(set(found[::step]) | set(footer) | set(spaces) | set(buttons))


class _Handler(SimpleHTTPRequestHandler):
    """The site's files; an HTML page asked for with ?paused in parts."""

    gate: queue.Queue  # the test puts one token per cut it has seen painted
    cuts_sent: queue.Queue  # the handler tells how many cuts the page has

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if query != "paused":
            return super().do_GET()
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        html = file.read_text(encoding="utf-8")
        cuts = cut_points(html)
        parts, last = [], 0
        for k, at in enumerate(cuts):
            parts.append(html[last:at] + f"<!--vgr-cut-{k}-->")
            last = at
        parts.append(html[last:])
        data = [p.encode("utf-8") for p in parts]
        self.cuts_sent.put(len(cuts))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(sum(len(d) for d in data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        for k, chunk in enumerate(data):
            self.wfile.write(chunk)
            self.wfile.flush()
            if k < len(cuts):
                self.gate.get(timeout=GATE_TIMEOUT)


@pytest.fixture(scope="module")
def stream_url(site: Site) -> Iterator[tuple[str, queue.Queue, queue.Queue]]:
    gate: queue.Queue = queue.Queue()
    cuts: queue.Queue = queue.Queue()
    handler = type("Handler", (_Handler,), {"gate": gate, "cuts_sent": cuts})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(site.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", gate, cuts
    finally:
        server.shutdown()
        server.server_close()


def is_site_script(url: str) -> bool:
    return "/javascripts/" in url and "/assets/" not in url


@pytest.fixture(scope="module")
def heights(browser, site: Site, stream_url) -> dict[tuple[str, int], int]:
    """Each page's final height at each width (scripts on, no slowdown)."""
    url, _, _ = stream_url
    found = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="sv-SE")
        page = context.new_page()
        try:
            for built in site.pages():
                page.goto(url + built.url, wait_until="load")
                page.wait_for_function(SETTLED)
                found[(built.url, width)] = page.evaluate(HEIGHT)
        finally:
            context.close()
    return found


STORE_KEY = "vgr-kompetensutveckling:checklista:v2"
CHECKLIST = re.compile(r'data-module="vgr-checklist" data-checklist="([^"]+)"')


def saved_plan(page_html: str) -> str | None:
    """For a page with the checklist: a stored plan with the first and third
    questions done (their statuses and the count differ from the page's)."""
    found = CHECKLIST.search(page_html)
    if not found:
        return None
    questions = json.loads(htmllib.unescape(found.group(1)))["questions"]
    done = {q["id"]: True for q in questions[::2]}
    plan = {"id": "p1", "updated": 1_700_000_000_000, "details": {}, "answers": {}}
    plan |= {"questions": {}, "done": done, "conflicts": {}}
    return json.dumps({"version": 2, "current": "p1", "plans": {"p1": plan}})


def shifts(
    browser, stream_url, url: str, width: int, height: int, mode: str, stored: str | None = None
) -> list:
    base, gate, cuts = stream_url
    context = browser.new_context(
        viewport={"width": width, "height": min(max(height, 800), MAX_HEIGHT)}, locale="sv-SE"
    )
    context.add_init_script(WATCH)
    if stored:
        context.add_init_script(
            f"localStorage.setItem({json.dumps(STORE_KEY)}, {json.dumps(stored)})"
        )
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    held: list = []
    holding = [True]

    def hold(route) -> None:
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    def release() -> None:
        holding[0] = False
        while held:
            held.pop(0).continue_()

    try:
        if mode == "paused":
            page.route("**/*.js", hold)
        elif mode == "site-late":
            page.route(is_site_script, hold)
        elif mode == "never":
            page.route(is_site_script, lambda route: route.abort())
        page.goto(base + url + ("?paused" if mode == "paused" else ""), wait_until="commit")
        if mode == "paused":
            for k in range(cuts.get(timeout=GATE_TIMEOUT)):
                page.wait_for_function(HAS_CUT, arg=k)
                page.evaluate(FRAMES)
                gate.put(k)
            page.wait_for_function(PAINTED)
            page.wait_for_function(PARSED)
            page.evaluate(FRAMES)
            release()
        elif mode == "site-late":
            page.wait_for_function(MATERIAL_RAN)
            page.wait_for_function(PAINTED)
            page.evaluate(FRAMES)
            release()
        if mode == "never":
            page.wait_for_load_state("load")
        else:
            page.wait_for_function(SETTLED)
        return page.evaluate(SHIFTS)
    finally:
        context.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_moves_whatever_the_timing(
    browser, site: Site, stream_url, heights, width: int, mode: str
) -> None:
    moved = {}
    for built in site.pages():
        height = heights[(built.url, width)]
        found = shifts(browser, stream_url, built.url, width, height, mode)
        if found:
            moved[built.url] = found
        stored = saved_plan(built.html)
        if stored:
            found = shifts(browser, stream_url, built.url, width, height, mode, stored)
            if found:
                moved[built.url + " (saved plan)"] = found
    assert moved == {}, f"layout shifts at {width} px, scripts {mode}: {moved}"


def test_the_saved_plan_is_one_the_checklist_reads(site: Site) -> None:
    stored = saved_plan(site.page("planera/checklista/").html)
    assert stored and json.loads(stored)["plans"]["p1"]["done"]
    assert saved_plan(site.page("riktlinjen/").html) is None


def test_cuts_fall_between_tags_in_the_body() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><h1>A</h1><p>b</p>"
        "<script>'<p>'</script><footer><p>c</p></footer></body></html>"
    )
    cuts = cut_points(html)
    assert [html[c : c + 4] for c in cuts] == ["<h1>", "<p>b", "<foo", "<p>c", "</fo"]


def test_a_space_after_an_inline_element_and_a_button_get_a_cut() -> None:
    html = (
        '<html><body><header><b>h</b> <i>i</i></header><div class="md-content">'
        "<p><code>a</code> <button>b</button><br> <em>c</em>\n<a>d</a></p>"
        "<textarea><b>e</b> <b>f</b></textarea></div><footer></footer></body></html>"
    )
    cuts = cut_points(html)
    # Not in the header, not after <br> (a line starts there), not in a textarea.
    assert [html[c - 8 : c + 3] for c in cuts if html[c - 1].isspace()] == [
        "</code> <bu",
        ">c</em>\n<a>",
    ]
    assert [html[c - 8 : c + 1] for c in cuts if html[c - 1] == ">" and html[c] != "<"] == [
        "<button>b"
    ]
