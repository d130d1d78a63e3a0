"""The strict build and what every built page carries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site
from tests.site import Site

# Fixed ids an intranet page may link to, per page.
FIXED_ANCHORS = {
    "": ["ansvar", "medarbetare", "legitimerad-yrkesutovare", "chef"],
    "riktlinjen/": [
        "vad-ar-kompetensutveckling",
        "riktlinjen-i-korthet",
        "mal",
        "for-att-na-malen",
        "det-vill-vi-ska-handa",
        "varfor-en-riktlinje",
    ],
    "planera/": ["fraga-varfor", "fraga-hur", "fraga-kunskaper", "fraga-larandet"],
}


def test_every_page_declares_swedish(site: Site) -> None:
    for page in site.pages():
        assert page.lang == "sv", page.url


@pytest.mark.parametrize("url,anchors", FIXED_ANCHORS.items())
def test_fixed_anchors_exist_on_their_page(site: Site, url: str, anchors: list[str]) -> None:
    ids = site.page(url).ids
    missing = [a for a in anchors if a not in ids]
    assert missing == [], f"{url or 'start'} lacks {missing}"


def test_heading_slugs_are_ascii(site: Site) -> None:
    for page in site.content_pages():
        for match in re.finditer(r"<h[1-6][^>]*\bid=\"([^\"]+)\"", page.html):
            assert match.group(1).isascii(), f"{page.url}: {match.group(1)}"


def test_headings_have_permalinks_with_swedish_title(site: Site) -> None:
    html = site.page("riktlinjen/").html
    assert 'href="#mal" title="Länk till det här avsnittet"' in html


def test_every_page_shows_last_updated_date(site: Site) -> None:
    for page in site.content_pages():
        assert re.search(r"Senast uppdaterad: \d{4}-\d{2}-\d{2}", page.article_text), page.url


def test_pages_load_no_resource_from_another_host(site: Site) -> None:
    # Scripts, styles, images, fonts, frames: all must come from the site itself.
    pattern = re.compile(
        r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=\"(?:https?:)?//"
        r"|<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*rel=\"(?:stylesheet|preload|preconnect|icon|modulepreload)"
        r"|<link\b[^>]*rel=\"(?:stylesheet|preload|preconnect|icon|modulepreload)\"[^>]*\bhref=\"(?:https?:)?//"
        r"|@import\s+url\(\"?https?:|fonts\.googleapis",
        re.IGNORECASE,
    )
    for page in site.pages():
        assert not pattern.search(page.html), f"{page.url} loads from another host"
    for css in site.root.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def test_site_url_comes_from_environment(tmp_path: Path) -> None:
    result = build_site(tmp_path, {"SITE_URL": "https://intranat.example/kompetens/"})
    assert result.returncode == 0, result.stderr
    index = (tmp_path / "riktlinjen" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://intranat.example/kompetens/riktlinjen/">' in index


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's sources to break on purpose."""
    dest = tmp_path / "project"
    shutil.copytree(
        ROOT, dest, ignore=shutil.ignore_patterns(".venv", "site", "dist", ".git", "*cache*")
    )
    return dest


def test_broken_data_file_fails_build_naming_file_field_and_problem(project_copy: Path) -> None:
    import subprocess
    import sys

    data = project_copy / "docs" / "data" / "planning_questions.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("text: Hur kommer vi dit?", "text: ''", 1),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project_copy / "out")],
        cwd=project_copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "planning_questions.yml" in output
    assert "questions[1].text" in output
    assert "should be non-empty" in output or "too short" in output
