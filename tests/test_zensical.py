"""The same site built by Zensical (``make build ENGINE=zensical``), held to the
same checks as the MkDocs build.

Zensical runs from its own venv (.venv-zensical, from requirements-zensical.txt;
made here with ``make zensical`` when missing) on a copy of the project, as a
clean clone would: it writes into the project's own site/. Three builds: one
served by the real nginx with deploy/nginx.conf and the CSP snippet, one for
the intranet sub-path, one offline copy.

The checks, a chosen subset of the browser suite (the rest drives the same
JavaScript and CSS, which both engines copy unchanged):

- what is built: the generator is Zensical; no .py, .md or .yml is published;
  every relative URL in every page points to a file of the build (under a
  sub-path too); every page has its "Sidan uppdaterad" date;
- the main content text of every page is the same as MkDocs' (differences
  listed, kept at zero);
- through nginx with the CSP: 0 axe violations on every page (the
  accessibility gate's rules, both colour schemes, 1280 px), 0 console errors
  (a CSP violation is one), 0 requests to other hosts, 0 failed responses;
- the checklist keeps what is typed across a reload (nginx, the sub-path and
  file://); it prints on at most two A4 pages without buttons or navigation;
- the offline copy: every page opens from file:// with no error and no
  request to another host.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from hooks.csp import csp_conf_path
from scripts import zensical_search
from scripts.nginx import MISSING, NGINX, NginxServer, bind_loopback
from scripts.offline import FOLDER, write_zip
from scripts.serve import StaticServer
from tests.conftest import INTRANET_URL, ROOT
from tests.site import Site, Watched
from tests.test_accessibility import assert_no_axe_violations

# Slow lane (make test, not make test-fast): it builds the site with the
# second engine (Zensical) several times.
pytestmark = pytest.mark.slow

ZENSICAL_PYTHON = ROOT / ".venv-zensical" / "bin" / "python"
PREFIX = "/kompetens/"
CHECKLIST = "[data-module='vgr-checklist']"
SLOW = 20_000  # ms: a loaded 2-core machine; every wait ends on a state
# Sources that must never be published (Zensical copies the whole theme folder).
SOURCE_SUFFIXES = {".py", ".md", ".yml", ".yaml"}
# The web page's date depends on the checkout's git history, not on the engine.
UPDATED = re.compile(r"Sidan uppdaterad: \d{4}-\d\d-\d\d")


def zensical_python() -> Path:
    """The Python of .venv-zensical, installed from its lock when missing or
    older than the lock (make's stamp decides; a no-op when up to date)."""
    made = subprocess.run(
        ["make", "zensical"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, f"make zensical failed:\n{made.stdout}{made.stderr}"
    return ZENSICAL_PYTHON


def zensical_build(work: Path, env: dict[str, str], *args: str) -> Site:
    """Copy the project into work/ and build it there as make build ENGINE=zensical does."""
    project = work / "project"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", ".venv-zensical", "site", "dist", ".git", ".cache", "*_cache", "__pycache__"
        ),
    )
    result = subprocess.run(
        [str(zensical_python()), "scripts/build.py", "--engine", "zensical", *args],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}{result.stderr}"
    return Site(project / "site")


@pytest.fixture(scope="module")
def zensical_nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The Zensical build for the address nginx serves it at, and that address."""
    if not Path(NGINX).exists():
        pytest.fail(MISSING, pytrace=False)
    listener = bind_loopback()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    work = tmp_path_factory.mktemp("zensical")
    try:
        site = zensical_build(work, {"SITE_URL": url})
    except BaseException:
        listener.close()
        raise
    (work / "nginx").mkdir()
    with NginxServer(
        site.root, csp_conf_path(str(site.root)), work / "nginx", listener=listener
    ) as server:
        assert server.url == url
        yield site, url


@pytest.fixture(scope="module")
def zensical_intranet(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The Zensical build for the intranet address (a sub-path), as the MkDocs
    one in tests/conftest.py (intranet_site): the two are compared. A preview,
    like that one: a public address is refused while facts await confirmation."""
    return zensical_build(
        tmp_path_factory.mktemp("zensical-intranet"), {"SITE_URL": INTRANET_URL, "PREVIEW": "1"}
    )


@pytest.fixture(scope="module")
def zensical_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Zensical offline copy, zipped as make offline does and unzipped."""
    work = tmp_path_factory.mktemp("zensical-offline")
    site = zensical_build(work, {}, "--offline")
    archive = work / "offline.zip"
    write_zip(site.root, archive)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(work / "unzipped")
    return work / "unzipped" / FOLDER


def published_sources(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
    )


def broken_urls(root: Path, prefix: str = "/") -> list[str]:
    """Relative (and prefix-absolute) href, src and data-*-src values that do
    not point to a file of the build, page by page."""
    broken = []
    for html in sorted(root.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        for url in re.findall(r'\s(?:href|src|data-[\w-]*src)="([^"]+)"', text):
            if re.match(r"^(?:[a-z]+:|#|//)", url):
                continue  # another site, mail, data, or a place on this page
            path = url.split("#")[0].split("?")[0]
            if path.startswith("/"):
                if not path.startswith(prefix):
                    broken.append(f"{html.relative_to(root)}: {url} (outside {prefix})")
                    continue
                target = root / path[len(prefix) :]
            else:
                target = html.parent / path
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{html.relative_to(root)}: {url}")
    return broken


def content_differences(mkdocs: Site, zensical: Site) -> list[str]:
    """Every difference in the main content text of the two builds' pages."""
    ours = {p.url: UPDATED.sub("Sidan uppdaterad: DATUM", p.article_text) for p in mkdocs.pages()}
    theirs = {
        p.url: UPDATED.sub("Sidan uppdaterad: DATUM", p.article_text) for p in zensical.pages()
    }
    differences = [f"only MkDocs: {url}" for url in sorted(ours.keys() - theirs.keys())]
    differences += [f"only Zensical: {url}" for url in sorted(theirs.keys() - ours.keys())]
    for url in sorted(ours.keys() & theirs.keys()):
        if ours[url] != theirs[url]:
            words = difflib.unified_diff(
                ours[url].split(" "), theirs[url].split(" "), "mkdocs", "zensical", n=3, lineterm=""
            )
            differences.append(f"{url or '/'}: " + " ".join(list(words)[2:])[:400])
    return differences


# --- What is built ---------------------------------------------------------------


def test_the_generator_is_zensical(zensical_intranet: Site) -> None:
    for page in zensical_intranet.pages():
        assert re.search(r'<meta name="generator" content="zensical-[\d.]+">', page.html), page.url


def test_its_search_speaks_swedish(zensical_intranet: Site) -> None:
    """Zensical's own search writes its words in English (scripts/zensical_search.py)."""
    scripts = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(zensical_intranet.root.rglob("*.js"))
    )
    for what, english, swedish in zensical_search.WORDS:
        assert english not in scripts, what
        assert swedish in scripts, what


def test_no_source_file_is_published(
    zensical_intranet: Site, zensical_offline: Path, intranet_site: Site
) -> None:
    assert published_sources(zensical_intranet.root) == []
    assert published_sources(zensical_offline) == []
    assert published_sources(intranet_site.root) == []


def test_every_url_in_every_page_points_to_a_file_under_the_sub_path(
    zensical_intranet: Site, intranet_site: Site
) -> None:
    assert broken_urls(zensical_intranet.root, PREFIX) == []
    assert broken_urls(intranet_site.root, PREFIX) == []


def test_every_url_in_the_offline_copy_points_to_a_file(zensical_offline: Path) -> None:
    assert broken_urls(zensical_offline) == []


def test_every_content_page_has_its_date(zensical_intranet: Site, intranet_site: Site) -> None:
    for site in (zensical_intranet, intranet_site):
        undated = [p.url for p in site.content_pages() if not UPDATED.search(p.article_text)]
        assert undated == [], site.root


def test_main_content_is_the_same_as_mkdocs(zensical_intranet: Site, intranet_site: Site) -> None:
    assert content_differences(intranet_site, zensical_intranet) == []


def test_the_comparison_sees_a_changed_word(intranet_site: Site, tmp_path: Path) -> None:
    """The content comparison is not blind: one changed word is one difference."""
    copy = tmp_path / "site"
    shutil.copytree(intranet_site.root, copy)
    page = copy / "riktlinjen" / "index.html"
    html = page.read_text(encoding="utf-8")
    start = html.index("<article")
    changed = html[:start] + html[start:].replace("</h1>", " ändrad</h1>", 1)
    page.write_text(changed, encoding="utf-8")
    assert len(content_differences(intranet_site, Site(copy))) == 1


# --- Through nginx, with the CSP ----------------------------------------------------


@pytest.fixture
def watched_z(browser, zensical_nginx: tuple[Site, str]) -> Iterator[Watched]:
    _, url = zensical_nginx
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    watched = Watched.attach(context, allowed_prefixes=(url, "data:", "blob:", "about:"))
    yield watched
    context.close()


def test_every_page_loads_under_the_csp_without_errors_or_outside_requests(
    zensical_nginx: tuple[Site, str], watched_z: Watched
) -> None:
    site, url = zensical_nginx
    pages = site.content_pages()
    for page_url, page, response in watched_z.visit_all([url + p.url for p in pages]):
        assert response is not None and response.ok, page_url
        csp = response.headers.get("content-security-policy", "").split("; ")
        script_src = next(d for d in csp if d.startswith("script-src"))
        assert "'sha256-" in script_src and "'unsafe-inline'" not in script_src, page_url
        assert page.locator("h1").count() == 1, page_url
    assert watched_z.failed_responses == []
    watched_z.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(
    browser, zensical_nginx: tuple[Site, str], scheme: str
) -> None:
    site, url = zensical_nginx
    assert_no_axe_violations(browser, url, site, Axe(), scheme, 1280)


def keeps_typed_text_across_a_reload(page, address: str) -> None:
    """Type an answer, wait until the checklist has written it (its count of
    unsaved edits is 0), reload: the answer is there."""
    page.goto(address, wait_until="load")
    page.wait_for_selector(CHECKLIST + "[data-ready]", timeout=SLOW)
    page.fill("#vgr-a-varfor", "Skrivet under Zensical")
    expect(page.locator(CHECKLIST).first).to_have_attribute("data-unsaved", "0", timeout=SLOW)
    page.reload(wait_until="load")
    page.wait_for_selector(CHECKLIST + "[data-ready]", timeout=SLOW)
    assert page.input_value("#vgr-a-varfor") == "Skrivet under Zensical"


def test_checklist_keeps_what_is_typed_across_a_reload(
    zensical_nginx: tuple[Site, str], watched_z: Watched
) -> None:
    _, url = zensical_nginx
    keeps_typed_text_across_a_reload(watched_z.page, url + "planera/checklista/")
    watched_z.assert_clean()


def test_blank_checklist_prints_on_at_most_two_a4_pages(
    zensical_nginx: tuple[Site, str], watched_z: Watched
) -> None:
    _, url = zensical_nginx
    page = watched_z.page
    page.goto(url + "planera/checklista/", wait_until="load")
    page.wait_for_selector(CHECKLIST + "[data-ready]", timeout=SLOW)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) <= 2
    assert "Vad och hur gör de som är bäst" in text
    assert "Spara som Word-fil" not in text  # no buttons
    assert "Riktlinjen i korthet" not in text  # no navigation
    watched_z.assert_clean()


# --- Under a sub-path, and from file:// ------------------------------------------------


def test_every_page_and_the_checklist_work_under_the_sub_path(
    browser, zensical_intranet: Site
) -> None:
    with StaticServer(zensical_intranet.root, prefix=PREFIX) as server:
        context = browser.new_context()
        watched = Watched.attach(context, allowed_prefixes=(server.url, "data:", "blob:"))
        try:
            urls = [server.url + p.url for p in zensical_intranet.content_pages()]
            for page_url, _, response in watched.visit_all(urls):
                assert response is not None and response.ok, page_url
            keeps_typed_text_across_a_reload(watched.page, server.url + "planera/checklista/")
            assert watched.failed_responses == []
            watched.assert_clean()
        finally:
            context.close()


def test_the_offline_copy_works_from_file(browser, zensical_offline: Path) -> None:
    context = browser.new_context()
    watched = Watched.attach(context, allowed_prefixes=("file://", "data:", "blob:", "about:"))
    try:
        pages = [p for p in sorted(zensical_offline.rglob("*.html")) if "vendor" not in p.parts]
        assert len(pages) >= 11
        for html in pages:
            response = watched.page.goto(html.as_uri(), wait_until="load")
            assert response is not None and response.ok, html
            assert watched.page.locator("h1").count() == 1, html
        checklist = (zensical_offline / "planera" / "checklista.html").as_uri()
        keeps_typed_text_across_a_reload(watched.page, checklist)
        watched.assert_clean()
    finally:
        context.close()
