"""Presentations: data to scenes, described versions, and bad data to errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import DataError
from macros.questions import load_questions
from macros.scenes import (
    load_presentation,
    on_screen_text,
    relative_link,
    render_described_markdown,
    render_presentation,
)
from tests.conftest import ROOT
from tests.macros.breakage import copy_data_file, error_after_edit

DOCS = ROOT / "docs"
DATA = DOCS / "data"
QUESTIONS = load_questions(DATA / "planning_questions.yml")


def load(name: str) -> dict:
    return load_presentation(DATA / f"{name}.yml", QUESTIONS, DOCS)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data_file(tmp_path, "i_korthet.yml", "presentation.schema.json")


def test_workshop_scenes_take_questions_from_the_questions_file() -> None:
    scenes = load("planera_bildspel")["scenes"]
    assert scenes[0]["lines"] == [QUESTIONS["intro"]]
    for number, question in enumerate(QUESTIONS["questions"], start=1):
        scene = scenes[number]
        assert scene["heading"] == f"Fråga {number}"
        assert scene["lines"] == [question["text"]]
        assert scene.get("items", []) == [s["text"] for s in question["sub_questions"]]
    source = (DATA / "planera_bildspel.yml").read_text(encoding="utf-8")
    assert QUESTIONS["questions"][1]["text"] not in source  # not a second copy


def test_presentation_renders_every_scene_in_order_with_counter() -> None:
    data = load("i_korthet")
    html = render_presentation(data, "i-korthet-syntolkning.md")
    ids = re.findall(r'<section class="vgr-scene" id="scen-([a-z-]+)"', html)
    assert ids == [s["id"] for s in data["scenes"]]
    assert f'aria-label="Scen 1 av {len(ids)}"' in html
    for scene in data["scenes"]:
        for text in on_screen_text(scene):
            assert text in html


def test_presentation_links_to_described_version_before_the_scenes() -> None:
    html = render_presentation(load("i_korthet"), "i-korthet-syntolkning.md")
    assert html.index("(i-korthet-syntolkning.md)") < html.index("data-scene")


def test_described_version_gives_scene_picture_and_exact_text_in_order() -> None:
    data = load("planera_bildspel")
    markdown = render_described_markdown(data, "bildspel.md")
    sections = markdown.split("\n## ")[1:]
    assert len(sections) == len(data["scenes"])
    for number, (section, scene) in enumerate(zip(sections, data["scenes"], strict=True), 1):
        assert section.startswith(f"Scen {number} {{ #scen-{scene['id']} }}")
        assert f"**Bild:** {scene['description']}" in section
        text_part = section.split("**Text i bild:**")[1]
        positions = [text_part.index(t) for t in on_screen_text(scene)]
        assert positions == sorted(positions)
    assert markdown.rstrip().endswith("(bildspel.md)")


def test_relative_link_between_pages() -> None:
    assert relative_link("riktlinjen/i-korthet.md", "riktlinjen/x.md") == "x.md"
    assert relative_link("lankar.md", "planera/bildspel.md") == "planera/bildspel.md"
    assert relative_link("planera/bildspel.md", "index.md") == "../index.md"


@pytest.mark.parametrize(
    "old,new,field,problem",
    [
        ("visual: compass", "visual: rocket", "scenes[2].visual", "okänd bild 'rocket'"),
        ("  - id: guide\n", "  - id: stod\n", "scenes[2].id", "används redan"),
        ("page: riktlinjen/i-korthet.md", "page: saknas.md", "page", "finns inte"),
    ],
)
def test_bad_presentation_data_names_file_field_and_problem(
    data_copy: Path, old: str, new: str, field: str, problem: str
) -> None:
    error = error_after_edit(data_copy, old, new, lambda p: load_presentation(p, QUESTIONS, DOCS))
    assert error.path.endswith("i_korthet.yml")
    assert error.field == field
    assert problem in error.problem


def test_scene_without_description_is_refused(data_copy: Path) -> None:
    text = data_copy.read_text(encoding="utf-8")
    start = text.index("    description:", text.index("id: guide"))
    end = text.index("  - id: vi-kan")
    data_copy.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_presentation(data_copy, QUESTIONS, DOCS)
    assert caught.value.field == "scenes[2]"
    assert "'description' is a required property" in caught.value.problem


def test_scene_naming_unknown_question_is_refused(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "planera_bildspel.yml", "presentation.schema.json")
    path.write_text(
        path.read_text(encoding="utf-8").replace("question: hur", "question: hurr"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_presentation(path, QUESTIONS, DOCS)
    assert caught.value.field == "scenes[2].question"
