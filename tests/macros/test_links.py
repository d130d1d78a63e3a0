"""The intranet link list: data to full URLs, raw links, and anchors checked
against the built pages (reported in links.yml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import DataError
from macros.links import load_links, missing_anchor, render_links_markdown
from macros.pages import scan_pages
from macros.questions import load_questions, numbered
from tests.macros.breakage import copy_data_file
from tests.site import Site

DOCS = Path(__file__).resolve().parents[2] / "docs"
QUESTIONS = load_questions(DOCS / "data" / "planning_questions.yml")
TITLES = {uri: p.title for uri, p in scan_pages(DOCS).items() if p.title}


def links(path: Path = DOCS / "data" / "links.yml") -> list[dict]:
    return load_links(path, TITLES, QUESTIONS)


def test_titles_come_from_the_pages() -> None:
    checklist = next(g for g in links() if g["page"] == "planera/checklista.md")
    assert checklist["title"] == TITLES["planera/checklista.md"]


def test_full_urls_are_built_from_site_url_and_links_are_relative() -> None:
    markdown = render_links_markdown(links(), "https://intranat.example/kompetens/", "lankar.md")
    assert '<a href="../riktlinjen/#mal">Mål för kompetensutveckling i VGR</a>' in markdown
    assert (
        '<code class="vgr-url">https://intranat.example/kompetens/riktlinjen/#mal</code>'
        in markdown
    )
    assert 'data-copy="https://intranat.example/kompetens/#chef"' in markdown


def test_offline_copy_links_to_html_files() -> None:
    markdown = render_links_markdown(
        links(), "https://x.example/", "lankar.md", directory_urls=False
    )
    assert '<a href="riktlinjen/index.html#mal">' in markdown


def test_question_anchors_and_labels_come_from_the_questions_file() -> None:
    planera = next(g for g in links() if g["page"] == "planera/index.md")
    assert [a["id"] for a in planera["anchors"]] == [q["anchor"] for q in numbered(QUESTIONS)]
    markdown = render_links_markdown([planera], "https://x.example/", "lankar.md")
    for q in numbered(QUESTIONS):
        assert f">Fråga {q['number']}: {q['text']}</a>" in markdown


def test_every_row_has_a_copy_button_with_its_contract() -> None:
    markdown = render_links_markdown(links(), "https://x.example/", "lankar.md")
    rows = re.findall(r"<li>.*?</li>", markdown)
    assert rows and all('data-module="vgr-copy"' in r and " data-js>" in r for r in rows)
    assert all('data-copied="' in r and 'data-failed="' in r for r in rows)


def test_link_to_missing_page_is_refused_in_links_yml(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "links.yml", "links.schema.json")
    text = path.read_text(encoding="utf-8").replace(
        "page: planera/bildspel.md", "page: planera/bildspelet.md"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        links(path)
    assert caught.value.path == str(path)
    assert caught.value.line == text.split("planera/bildspelet.md")[0].count("\n") + 1
    assert re.fullmatch(r"pages nr \d+ › page", caught.value.field)
    assert "planera/bildspelet.md" in caught.value.problem


def test_anchor_missing_from_built_page_is_reported_against_links_yml(
    tmp_path: Path, site: Site
) -> None:
    assert missing_anchor(links(), site.root, directory_urls=True) is None
    path = copy_data_file(tmp_path, "links.yml", "links.schema.json")
    text = path.read_text(encoding="utf-8").replace("{id: mal,", "{id: malen,")
    path.write_text(text, encoding="utf-8")
    error = missing_anchor(links(path), site.root, directory_urls=True)
    assert error is not None and error.path == str(path)
    assert error.line == text.split("{id: malen,")[0].count("\n") + 1
    assert "”malen”" in error.problem and "riktlinjen/index.md" in error.problem
