"""Shared fixtures: a real strict build, a local HTTP server and Chromium.

Every test that drives the browser (directly or through a fixture that does)
is marked `browser` here; so is every test that needs another whole build of
the site (EXTRA_BUILDS) marked `slow`, and tests that build it several times to
compare ways of building are marked `slow` in their files. `make test-fast`
runs `pytest -m "not browser and not slow"`: macros, data, the build, the
development server and the nginx headers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.build import build_site
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, MISSING, launch
from scripts.serve import StaticServer
from tests.site import Site, Watched

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "build_site"]

ROOT = Path(__file__).resolve().parent.parent

# The public address of the sub-path build (tests/test_subpath.py, test_build.py).
INTRANET_URL = "https://intranat.example/kompetens/"


# How long a test waits for a state the page reports (an attribute, a stored
# value, a count) before it fails. Playwright's default for expect() is 5 s,
# which a page can take to start on a busy 2-core machine. A passing test never
# waits this long: every wait ends as soon as the state is there.
STATE_TIMEOUT_MS = 20_000


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "slow: builds the whole site more than once (other ways of building, the "
        "second engine, public and preview builds) or starts LibreOffice; make test "
        "runs it, make test-fast does not",
    )
    from playwright.sync_api import expect

    expect.set_options(timeout=STATE_TIMEOUT_MS)


# Fixtures that build the whole site once more, for another place to publish
# it (the offline copy, the intranet's sub-path): tests that use them are slow.
EXTRA_BUILDS = {"offline_root", "intranet_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & EXTRA_BUILDS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    """The server for the site, started before the build so the build can be
    told its address: it binds port 0 itself, no port is guessed."""
    with StaticServer(tmp_path_factory.mktemp("site")) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(_site_server: StaticServer) -> str:
    """Where the test server serves the site. The build is told, so that
    Material's instant navigation (which trusts only site_url) is exercised."""
    return _site_server.url


@pytest.fixture(scope="session")
def site(_site_server: StaticServer, site_url: str) -> Site:
    """The site, built for real with --strict into the served directory."""
    dest = Path(_site_server.directory)
    result = build_site(dest, {"SITE_URL": site_url})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(dest)


@pytest.fixture(scope="session")
def base_url(site: Site, site_url: str) -> str:
    """The built site served over HTTP on the loopback interface, at its site_url."""
    return site_url


@pytest.fixture(scope="session")
def intranet_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site built for the intranet address INTRANET_URL (a sub-path), as a
    preview: a public address is refused while facts await confirmation."""
    dest = tmp_path_factory.mktemp("intranet-site")
    result = build_site(dest, {"SITE_URL": INTRANET_URL, "PREVIEW": "1"})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Site(dest)


class DebianChromium:
    """The launched browser, named by the executable the tests drive.

    Playwright's Browser shows its own download path in its repr (pytest prints
    it with every failure), not the Chromium that was launched: this shows
    CHROMIUM and passes everything else to the Browser."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str):
        return getattr(self._browser, name)

    def __repr__(self) -> str:
        return f"<Chromium {self._browser.version} at {CHROMIUM}>"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright. Never skipped."""
    if not CHROMIUM.exists():
        pytest.fail(MISSING, pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        yield DebianChromium(browser)
        browser.close()


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:
    """A fresh browser context and page that record console errors, uncaught
    exceptions and any request that tries to leave the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:", "about:"))
    yield page
    context.close()
