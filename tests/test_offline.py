"""The offline copy: unzipped anywhere and opened from file://, everything
works, nothing is requested from another host, and no local address
(127.0.0.1, localhost) is written into it."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from scripts.offline import FOLDER, build_offline, offline_env, write_zip
from tests.conftest import INTRANET_URL
from tests.site import Watched

FILE_ONLY = ("file://", "data:", "blob:", "about:")
LOCAL = (b"127.0.0.1", b"localhost", b"0.0.0.0")


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip from the offline build, unzipped into a fresh folder."""
    work = tmp_path_factory.mktemp("offline")
    build_offline(work / "build")
    archive = work / "kompetensutveckling-offline.zip"
    write_zip(work / "build", archive)
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert all(n.startswith(f"{FOLDER}/") for n in names)
        zipped.extractall(work / "unzipped")
    return work / "unzipped" / FOLDER


@pytest.fixture
def offline(browser, offline_root: Path):
    context = browser.new_context(accept_downloads=True)
    watched = Watched.attach(context, allowed_prefixes=FILE_ONLY)
    yield watched
    context.close()


def test_no_page_references_a_cdn(offline_root: Path) -> None:
    for html in offline_root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "cdn." not in text, html


def test_the_copy_names_no_local_address(offline_root: Path) -> None:
    files = [p for p in offline_root.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        assert not [a for a in LOCAL if a in data], path
        if path.suffix == ".html":
            assert b'rel="canonical"' not in data, path


def test_the_link_page_shows_page_paths_and_says_why(offline_root: Path) -> None:
    html = (offline_root / "lankar.html").read_text(encoding="utf-8")
    urls = re.findall(r'<code class="vgr-url">([^<]+)</code>', html)
    assert len(urls) >= 25 and "/riktlinjen/#mal" in urls and "/" in urls
    assert all(u.startswith("/") for u in urls)
    assert re.findall(r'data-copy="([^"]+)"', html) == urls
    assert "vet inte på vilken adress webbplatsen är publicerad" in html


def test_only_a_public_address_is_kept_for_the_copy() -> None:
    assert offline_env({})["SITE_URL"] == ""
    assert offline_env({"SITE_URL": "http://127.0.0.1:8000/"})["SITE_URL"] == ""
    assert offline_env({"SITE_URL": "http://localhost:8000/"})["SITE_URL"] == ""
    assert offline_env({"SITE_URL": INTRANET_URL}) == {"OFFLINE": "true", "SITE_URL": INTRANET_URL}


def test_every_page_opens_from_file_without_errors(offline: Watched, offline_root: Path) -> None:
    pages = sorted(offline_root.rglob("*.html"))
    assert len(pages) >= 11
    for html in pages:
        if "vendor" in html.parts:
            continue
        response = offline.page.goto(html.as_uri(), wait_until="load")
        assert response is not None and response.ok, html
        assert offline.page.locator("h1").count() == 1, html
    offline.assert_clean()


def test_navigation_works_from_file(offline: Watched, offline_root: Path) -> None:
    page = offline.page
    page.goto((offline_root / "index.html").as_uri())
    page.locator(".md-nav--primary a", has_text="Checklista").first.click()
    page.wait_for_url("**/planera/checklista.html")
    assert page.locator("h1").text_content().startswith("Checklista för att planera utbildning")
    page.locator(".md-nav--primary a", has_text="Om riktlinjen").first.click()
    page.wait_for_url("**/riktlinjen/index.html")
    offline.assert_clean()


def test_search_works_from_file(offline: Watched, offline_root: Path) -> None:
    page = offline.page
    page.goto((offline_root / "riktlinjen" / "index.html").as_uri(), wait_until="load")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("arbetsplatslärande", delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(f"{FOLDER}/index.html" in h and h.endswith("#chef") for h in hrefs), hrefs
    offline.assert_clean()


def test_checklist_saves_restores_exports_imports_and_prints_from_file(
    offline: Watched, offline_root: Path
) -> None:
    page = offline.page
    page.goto((offline_root / "planera" / "checklista.html").as_uri(), wait_until="load")
    page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
    page.fill("#vgr-d-name", "Offlineplan")
    page.fill("#vgr-a-varfor", "Sparad utan nätverk")
    # Every edit written: the checklist's count of unsaved changes (set with the keystroke).
    expect(page.locator("[data-module='vgr-checklist']")).to_have_attribute("data-unsaved", "0")
    page.reload(wait_until="load")
    page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
    assert page.input_value("#vgr-a-varfor") == "Sparad utan nätverk"

    page.click(".vgr-more summary")  # "Fler val"
    with page.expect_download() as info:
        page.click("[data-action=export-json]")
    exported = Path(info.value.path()).read_bytes()
    assert json.loads(exported)["plan"]["details"]["name"] == "Offlineplan"
    page.set_input_files(
        "[data-import]",
        files=[{"name": "plan.json", "mimeType": "application/json", "buffer": exported}],
    )
    expect(page.locator("#vgr-plan-select option")).to_have_count(2)

    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Sparad utan nätverk" in text
    offline.assert_clean()


def test_every_link_in_the_offline_copy_points_to_a_file(offline_root: Path) -> None:
    broken = []
    for html in offline_root.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for href in re.findall(r'\bhref="([^"]+)"', text):
            if re.match(r"^(?:[a-z]+:|#|//)", href):
                continue  # another site, mail, or a place on this page
            target = (html.parent / href.split("#")[0].split("?")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"  # what a browser opens for a folder from disk
            if not target.is_file():
                broken.append(f"{html.relative_to(offline_root)}: {href}")
    assert broken == []
