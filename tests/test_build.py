"""The strict build and what every built page carries."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.questions import load_questions, numbered
from tests.conftest import ROOT
from tests.site import Site

QUESTIONS = load_questions(ROOT / "docs" / "data" / "planning_questions.yml")

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
    "planera/": [q["anchor"] for q in numbered(QUESTIONS)],
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


def test_every_page_shows_when_the_page_was_updated(site: Site) -> None:
    for page in site.content_pages():
        assert re.search(r"Sidan uppdaterad: \d{4}-\d{2}-\d{2}", page.article_text), page.url


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


def test_site_url_comes_from_environment(site: Site, site_url: str) -> None:
    # The shared build was given the test server's address as SITE_URL
    # (tests/conftest.py); the sub-path build is checked in test_subpath.py.
    assert site_url not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    html = site.page("riktlinjen/").html
    assert f'<link rel="canonical" href="{site_url}riktlinjen/">' in html


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's sources to break on purpose (no git history:
    dates come from the files' times)."""
    dest = tmp_path / "project"
    shutil.copytree(
        ROOT,
        dest,
        ignore=shutil.ignore_patterns(
            ".venv", "site", "dist", ".git", "*cache*", "node_modules", "assets"
        ),
    )
    return dest


def mkdocs_build(project: Path, *extra: str, env: dict[str, str] | None = None):
    """``mkdocs build --strict`` in a project copy."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


def assert_fails_with_one_line(result: subprocess.CompletedProcess, *parts: str) -> str:
    """The build stopped, and its last line names every part (no traceback)."""
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    last = output.strip().splitlines()[-1]
    for part in parts:
        assert part in last, (part, last)
    return last


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split(text)[0].count("\n") + 1


def test_broken_data_file_fails_build_naming_file_line_field_and_problem(
    project_copy: Path,
) -> None:
    data = project_copy / "docs" / "data" / "planning_questions.yml"
    second = QUESTIONS["questions"][1]["text"]
    data.write_text(
        data.read_text(encoding="utf-8").replace(f"text: {second}", "text: ''", 1),
        encoding="utf-8",
    )
    assert_fails_with_one_line(
        mkdocs_build(project_copy, "-d", str(project_copy / "out")),
        "docs/data/planning_questions.yml",
        f"rad {line_of(data, 'text: ' + repr(''))}",
        "questions nr 2 › text",
        "får inte vara tom",
    )


def test_a_second_text_key_fails_the_build_naming_both_lines(project_copy: Path) -> None:
    data = project_copy / "docs" / "data" / "planning_questions.yml"
    fourth = QUESTIONS["questions"][3]["text"]
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            f"text: {fourth}", f"text: {fourth}\n    text: En annan fråga", 1
        ),
        encoding="utf-8",
    )
    first = line_of(data, f"text: {fourth}")
    assert_fails_with_one_line(
        mkdocs_build(project_copy, "-d", str(project_copy / "out")),
        "planning_questions.yml",
        f"rad {first} och på rad {first + 1}",
    )


def test_page_not_saved_as_utf8_fails_the_build_naming_it(project_copy: Path) -> None:
    page = project_copy / "docs" / "om-webbplatsen.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("latin-1"))
    assert_fails_with_one_line(
        mkdocs_build(project_copy, "-d", str(project_copy / "out")),
        "docs/om-webbplatsen.md",
        "är inte sparad som UTF-8",
    )


def test_changed_anchor_in_links_yml_is_reported_against_links_yml(project_copy: Path) -> None:
    links = project_copy / "docs" / "data" / "links.yml"
    links.write_text(
        links.read_text(encoding="utf-8").replace("{id: chef,", "{id: chefer,"), encoding="utf-8"
    )
    last = assert_fails_with_one_line(
        mkdocs_build(project_copy, "-d", str(project_copy / "out")),
        "docs/data/links.yml",
        f"rad {line_of(links, '{id: chefer,')}",
        "”chefer”",
    )
    assert "lankar.md" not in last


def without_hooks(project: Path) -> None:
    """Take the hooks out of the copy's mkdocs.yml, as Zensical ignores them."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hooks = re.search(r"^hooks:\n(?:  - .*\n)+", text, re.MULTILINE)
    assert hooks, "mkdocs.yml has no hooks: block"
    config.write_text(text.replace(hooks.group(0), ""), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a built site (but the compressed sitemap, which holds a time)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".gz"
    }


@pytest.mark.slow  # four whole builds: the Zensical path, not what an editor needs
@pytest.mark.parametrize("offline", [False, True])
def test_post_build_steps_run_the_same_from_scripts_build_py(
    project_copy: Path, offline: bool
) -> None:
    env = {"OFFLINE": "true"} if offline else {}
    with_hooks = mkdocs_build(project_copy, "-d", str(project_copy / "a" / "site"), env=env)
    assert with_hooks.returncode == 0, with_hooks.stderr
    without_hooks(project_copy)
    plain = mkdocs_build(project_copy, "-d", str(project_copy / "b" / "site"), env=env)
    assert plain.returncode == 0, plain.stderr
    assert not (project_copy / "b" / "site-csp.conf").exists()
    command = [sys.executable, "scripts/build.py", "--post-build", "b/site"]
    steps = subprocess.run(
        command + (["--offline"] if offline else []), cwd=project_copy, capture_output=True
    )
    assert steps.returncode == 0, steps.stderr
    a, b = tree(project_copy / "a" / "site"), tree(project_copy / "b" / "site")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    csp = [(project_copy / d / "site-csp.conf").read_text() for d in "ab"]
    assert csp[0] == csp[1] and "'sha256-" in csp[0]
