"""The 404 page: Swedish, with a title, search and the ways on; served by a web
server for any missing address, also deep below a sub-path; and left out of
the offline copy on purpose (from file:// a missing file never reaches it)."""

from __future__ import annotations

import functools
import re
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.offline import write_zip
from tests.conftest import build_site
from tests.site import Site, Watched, goto_settled

PREFIX = "/kompetens/"
MISSING_PATHS = ("finns/inte/alls/", "gammal/adress.html")
MISSING: set[str] = set()  # their full URLs, once the server runs
WAYS = {
    "Till startsidan": "",
    "Läs riktlinjen": "riktlinjen/",
    "Planera en utbildning": "planera/checklista/",
}


def test_404_page_is_swedish_with_a_title_and_the_ways_on(site: Site) -> None:
    page = site.page("404.html")
    assert page.lang == "sv"
    assert "<title>Sidan finns inte – Kompetensutveckling i VGR</title>" in page.html
    assert re.search(r"<h1[^>]*>Sidan finns inte</h1>", page.html)
    assert "Not found" not in page.html
    form = re.search(r'<form class="vgr-search-form" role="search" action="([^"]+)"', page.html)
    assert form and form.group(1) == "/"
    assert re.search(r'<input id="vgr-404-q" name="q" type="search"', page.html)
    for label, path in WAYS.items():
        assert f'<a href="/{path}">{label}</a>' in page.html, label


class _ErrorPageHandler(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX and answers every missing address with the
    site's 404.html and status 404, as deploy/nginx.conf does."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def under_prefix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    dest = tmp_path_factory.mktemp("notfound-site")
    # A public address: PREVIEW=1 past the publication gate (macros/publication.py).
    result = build_site(dest, {"SITE_URL": "https://intranat.example/kompetens/", "PREVIEW": "1"})
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_ErrorPageHandler, directory=str(dest))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    MISSING.update(url + path for path in MISSING_PATHS)
    yield url
    server.shutdown()


@pytest.fixture
def visitor(browser, under_prefix: str) -> Iterator[Watched]:
    context = browser.new_context(locale="sv-SE", viewport={"width": 320, "height": 640})
    watched = Watched.attach(context, allowed_prefixes=(under_prefix, "data:", "blob:"))
    failed: list[str] = []
    watched.page.on(
        "response",
        lambda r: failed.append(r.url) if r.status >= 400 and r.url not in MISSING else None,
    )
    watched.failed = failed  # type: ignore[attr-defined]
    yield watched
    context.close()


def assert_only_the_missing_page_failed(visitor: Watched) -> None:
    """Nothing failed to load but the missing page itself (which the browser
    logs as a console error, one per visit)."""
    assert visitor.failed == []  # type: ignore[attr-defined]
    visitor.console_errors[:] = [e for e in visitor.console_errors if "status of 404" not in e]
    visitor.assert_clean()


@pytest.mark.parametrize("label", list(WAYS))
def test_ways_on_work_deep_below_the_sub_path(under_prefix: str, visitor: Watched, label: str):
    page = visitor.page
    response = goto_settled(page, under_prefix + MISSING_PATHS[0])
    assert response is not None and response.status == 404
    assert page.locator("h1").text_content() == "Sidan finns inte"
    assert page.title() == "Sidan finns inte – Kompetensutveckling i VGR"
    # The site's own styles loaded at this depth: the heading is bold, not a bare page.
    assert int(page.locator("h1").evaluate("h => getComputedStyle(h).fontWeight")) >= 600
    page.get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(under_prefix + WAYS[label])
    assert_only_the_missing_page_failed(visitor)


def test_search_from_the_404_page_finds_pages(under_prefix: str, visitor: Watched) -> None:
    page = visitor.page
    response = goto_settled(page, under_prefix + MISSING_PATHS[1])
    assert response is not None and response.status == 404
    field = page.get_by_role("searchbox", name="Sök på webbplatsen")
    field.fill("verksamhetsmål")
    field.press("Enter")
    page.wait_for_url(re.compile(re.escape(under_prefix) + r"\?q="))
    page.locator(".md-search-result__item a").first.wait_for()
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert any(h.startswith(under_prefix + "planera/") for h in hrefs), hrefs
    assert_only_the_missing_page_failed(visitor)


def test_offline_copy_leaves_the_404_page_out(tmp_path: Path) -> None:
    """From file:// no server answers a missing file with 404.html, and its
    links are absolute from the server's root: the zip does not carry it."""
    site = tmp_path / "site"
    (site / "riktlinjen").mkdir(parents=True)
    for name in ("index.html", "404.html", "riktlinjen/index.html"):
        (site / name).write_text("<html lang='sv'></html>", encoding="utf-8")
    archive = tmp_path / "copy.zip"
    write_zip(site, archive)
    names = zipfile.ZipFile(archive).namelist()
    assert "kompetensutveckling/index.html" in names
    assert not any(n.endswith("404.html") for n in names)
