"""Helpers for reading a built site and watching a browser page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path


class _TextAndIds(HTMLParser):
    """Collects the readable text of an element and the ids inside a page."""

    SKIP = {"script", "style", "template"}

    def __init__(self, root_tag: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.root_tag = root_tag
        self.depth = 0 if root_tag else 1
        self.skip = 0
        self.text: list[str] = []
        self.ids: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == self.root_tag:
            self.depth += 1
        if tag in self.SKIP:
            self.skip += 1
        self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.root_tag and self.depth:
            self.depth -= 1
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        self.text.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def normalize(text: str) -> str:
    """Collapse all white space to single spaces."""
    return " ".join(text.split())


@dataclass
class Page:
    path: Path
    url: str  # relative to the site root, e.g. "riktlinjen/"
    html: str

    def _parse(self, root_tag: str | None) -> _TextAndIds:
        parser = _TextAndIds(root_tag)
        parser.feed(self.html)
        return parser

    # Parsed once per page: many tests read the same pages of one build.
    @cached_property
    def article_text(self) -> str:
        """The readable text of the page's main article."""
        return normalize("".join(self._parse("article").text)).replace("¶", "")

    @cached_property
    def _whole(self) -> _TextAndIds:
        return self._parse(None)

    @property
    def ids(self) -> set[str]:
        return set(self._whole.ids)

    @property
    def lang(self) -> str | None:
        return self._whole.lang


@dataclass
class Site:
    root: Path
    # The pages read last time, and the size and time of each file then.
    _read: tuple[tuple, list[Page]] = field(default=((), []), repr=False, compare=False)

    def pages(self) -> list[Page]:
        """Every HTML page of the build, found on disk (not from a hand-kept list).

        Read again whenever a file was added, removed or written since the last
        call; otherwise the pages already read (and parsed) are returned."""
        paths = sorted(self.root.rglob("*.html"))
        stamp = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
        if stamp != self._read[0]:
            found = []
            for path in paths:
                rel = path.relative_to(self.root).as_posix()
                url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
                found.append(Page(path, url, path.read_text(encoding="utf-8")))
            self._read = (stamp, found)
        return list(self._read[1])

    def content_pages(self) -> list[Page]:
        """The pages people navigate to (every page but the 404 page)."""
        return [p for p in self.pages() if p.url != "404.html"]

    def page(self, url: str) -> Page:
        for candidate in self.pages():
            if candidate.url == url:
                return candidate
        raise KeyError(f"no page {url!r} in the build")


@dataclass
class Watched:
    """A Playwright page plus what went wrong on it (and on pages opened
    beside it with open_page)."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, context, allowed_prefixes: tuple[str, ...]) -> Watched:
        """Open a page in context; block and record requests to other hosts."""
        watched = cls(None)

        def on_route(route) -> None:
            url = route.request.url
            if url.startswith(allowed_prefixes):
                route.continue_()
            else:
                watched.outside_requests.append(url)
                route.abort()

        context.route("**/*", on_route)
        watched.page = watched.open_page(context)
        return watched

    def open_page(self, context=None):
        """A new page in the same context, watched like the first."""
        page = (context or self.page.context).new_page()
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("response", self._record_failure)
        return page

    def _record_failure(self, response) -> None:
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")

    def visit_all(self, urls: list[str], at_once: int = 4) -> Iterator[tuple[str, object, object]]:
        """Load every URL until the network is idle, a few pages at a time.

        Yields (url, page, response) once each page has loaded, its components
        have started (settle) and then the network is idle; the page is closed
        after the caller's checks. These walks look for requests a page makes
        late (off the site, or failing), so network idle is what they wait for
        last; the page's own state comes first. Side by side, the half seconds
        of silence overlap.
        """
        for start in range(0, len(urls), at_once):
            batch = urls[start : start + at_once]
            pages = [self.open_page() for _ in batch]
            try:
                responses = [
                    p.goto(u, wait_until="commit") for p, u in zip(pages, batch, strict=True)
                ]
                for url, page, response in zip(batch, pages, responses, strict=True):
                    page.wait_for_load_state("load")
                    settle(page)
                    page.wait_for_load_state("networkidle")
                    yield url, page, response
            finally:
                for page in pages:
                    page.close()

    def assert_clean(self) -> None:
        """No console error, no uncaught exception, no request off the site."""
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.outside_requests == [], f"requests off the site: {self.outside_requests}"


# Resolves when the page is settled for a check of its rendering: fonts loaded,
# every component started (or failed), and two frames painted after that.
# Returns the components that did not start within the time given.
_SETTLE = """async (ms) => {
  await document.fonts.ready;
  const unready = () => [...document.querySelectorAll('[data-module]')]
    .filter(el => !el.hasAttribute('data-ready') && !el.hasAttribute('data-module-failed'));
  if (unready().length) {
    await new Promise(resolve => {
      const done = () => { observer.disconnect(); clearTimeout(timer); resolve(); };
      const observer = new MutationObserver(() => { if (!unready().length) done(); });
      observer.observe(document.body, { subtree: true, attributes: true });
      const timer = setTimeout(done, ms);
    });
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return unready().map(el => el.dataset.module);
}"""


def settle(page, timeout_ms: int = 10_000) -> None:
    """After the load event: wait until fonts and components are ready.

    Use this instead of waiting for network idle where the check is about the
    page itself (axe, focus, layout): network idle adds half a second of
    silence per page. Evaluated as a function, so it works under the CSP too.
    """
    unready = page.evaluate(_SETTLE, timeout_ms)
    assert unready == [], f"{page.url}: components never started: {unready}"


def goto_settled(page, url: str, timeout_ms: int = 20_000):
    """Open url and wait until the page says it is ready: the load event,
    fonts, every component started (settle). Returns the response.

    Waiting for network idle instead would wait for half a second without
    requests, a guess at "done" that a busy machine can prove wrong."""
    response = page.goto(url, wait_until="load")
    settle(page, timeout_ms)
    return response


# Whether a focused element of the content is under the sticky header or an
# element marked data-covers-focus (docs/javascripts/focus.js keeps it clear).
# A JavaScript function of the element and its bounding rectangle.
COVERED_JS = """(el, r) => {
  if (!el.closest('.md-content')) return false;
  const header = document.querySelector('.md-header');
  if (header && r.top < header.getBoundingClientRect().bottom - 1) return true;
  return [...document.querySelectorAll('[data-covers-focus]')].some(c => {
    if (c.contains(el)) return false;
    const b = c.getBoundingClientRect();
    return r.bottom > b.top + 1 && r.top < b.bottom - 1;
  });
}"""
