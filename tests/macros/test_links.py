"""The intranet link list: data to full URLs and checked links."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import DataError
from macros.links import load_links, page_path, page_title, relative_url, render_links_markdown
from macros.questions import load_questions
from tests.conftest import ROOT
from tests.macros.breakage import copy_data_file

DOCS = ROOT / "docs"
QUESTIONS = load_questions(DOCS / "data" / "planning_questions.yml")


@pytest.mark.parametrize(
    "md,path",
    [
        ("index.md", ""),
        ("riktlinjen/index.md", "riktlinjen/"),
        ("planera/checklista.md", "planera/checklista/"),
        ("lankar.md", "lankar/"),
    ],
)
def test_page_path_follows_directory_urls(md: str, path: str) -> None:
    assert page_path(md) == path


def test_page_title_comes_from_front_matter() -> None:
    assert page_title(DOCS / "planera" / "checklista.md") == "Checklista för att planera utbildning"


def test_full_urls_are_built_from_site_url_and_links_are_relative() -> None:
    groups = load_links(DOCS / "data" / "links.yml", DOCS, QUESTIONS)
    markdown = render_links_markdown(groups, "https://intranat.example/kompetens/", "lankar.md")
    assert "https://intranat.example/kompetens/riktlinjen/#mal" in markdown
    assert "[Mål för kompetensutveckling i VGR](riktlinjen/index.md#mal)" in markdown
    assert "https://intranat.example/kompetens/planera/checklista/#fraga-hur" in markdown
    assert 'data-copy="https://intranat.example/kompetens/#chef"' in markdown


def test_question_anchors_come_from_the_questions_file() -> None:
    groups = load_links(DOCS / "data" / "links.yml", DOCS, QUESTIONS)
    planera = next(g for g in groups if g["page"] == "planera/index.md")
    assert [a["id"] for a in planera["anchors"]] == [
        f"fraga-{q['id']}" for q in QUESTIONS["questions"]
    ]


def test_link_to_missing_page_is_refused(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "links.yml", "links.schema.json")
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("page: lankar", "page: finns-inte", 1)
        .replace("page: planera/bildspel.md", "page: planera/bildspelet.md"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_links(path, DOCS, QUESTIONS)
    assert caught.value.field.startswith("pages[") and caught.value.field.endswith("].page")
    assert "planera/bildspelet.md" in caught.value.problem


@pytest.mark.parametrize(
    "src,dest,url",
    [
        ("planera/checklista.md", "om-webbplatsen.md", "../../om-webbplatsen/"),
        ("index.md", "riktlinjen/index.md", "riktlinjen/"),
        ("riktlinjen/index.md", "index.md", "../"),
        ("lankar.md", "lankar.md", "./"),
    ],
)
def test_relative_url_between_directory_urls(src: str, dest: str, url: str) -> None:
    assert relative_url(src, dest) == url


@pytest.mark.parametrize(
    "src,dest,url",
    [
        ("planera/checklista.md", "om-webbplatsen.md", "../om-webbplatsen.html"),
        ("index.md", "riktlinjen/index.md", "riktlinjen/index.html"),
        ("riktlinjen/index.md", "index.md", "../index.html"),
    ],
)
def test_relative_url_between_files_of_the_offline_build(src: str, dest: str, url: str) -> None:
    assert relative_url(src, dest, directory_urls=False) == url
