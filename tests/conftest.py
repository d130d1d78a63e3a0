"""Shared fixtures: a real strict build, a local HTTP server and Chromium."""

from __future__ import annotations

import functools
import os
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.build import build_site
from tests.site import Site, Watched

__all__ = ["build_site"]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the test server will serve the site. The build is told, so that
    Material's instant navigation (which trusts only site_url) is exercised."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Site:
    """The site, built for real with --strict into a temporary directory."""
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest, {"SITE_URL": site_url})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(dest)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(directory: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve a directory on 127.0.0.1 (a free port unless given); return server and URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Site, site_url: str) -> Iterator[str]:
    """The built site served over HTTP on the loopback interface, at its site_url."""
    server, url = serve(site.root, int(site_url.rsplit(":", 1)[1].rstrip("/")))
    assert url == site_url
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright. Never skipped."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"No Chromium at {CHROMIUM}. Run `make test` (it installs Debian's chromium "
            "when run as root), or install it: sudo apt-get install chromium. "
            "Set CHROMIUM=/path/to/chromium to use another build.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:
    """A fresh browser context and page that record console errors, uncaught
    exceptions and any request that tries to leave the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:", "about:"))
    yield page
    context.close()
