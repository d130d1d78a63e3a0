"""Presentations: data to view models, the presentation and the described
version from templates, and bad data to errors in the data file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import DataError
from macros.questions import load_questions
from macros.scenes import (
    load_presentation,
    load_presentations,
    on_screen_text,
    picture_names,
    render_article_markdown,
    render_described_markdown,
    render_presentation,
)
from tests.macros.breakage import DATA, copy_data_file, error_after_edit

QUESTIONS = load_questions(DATA / "planning_questions.yml")
ASSETS = {"css": "../../stylesheets/presentation.css", "js": "../../javascripts/presentation.js"}


def load(name: str) -> dict:
    return load_presentation(DATA / f"{name}.yml", QUESTIONS)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data_file(tmp_path, "i_korthet.yml", "presentation.schema.json")


def test_presentations_are_found_from_their_schema_line() -> None:
    found = load_presentations(DATA, QUESTIONS)
    declared = [
        p.stem
        for p in sorted(DATA.glob("*.yml"))
        if "$schema=presentation.schema.json" in p.read_text(encoding="utf-8")
    ]
    assert sorted(found) == declared and len(declared) >= 2


def test_a_new_data_file_is_a_new_presentation(tmp_path: Path) -> None:
    copy_data_file(tmp_path, "i_korthet.yml", "presentation.schema.json")
    (tmp_path / "i_korthet.yml").rename(tmp_path / "nytt_bildspel.yml")
    assert list(load_presentations(tmp_path, QUESTIONS)) == ["nytt_bildspel"]


def test_workshop_scenes_take_questions_from_the_questions_file() -> None:
    scenes = load("planera_bildspel")["scenes"]
    assert scenes[0]["lines"] == [QUESTIONS["intro"]]
    for number, question in enumerate(QUESTIONS["questions"], start=1):
        scene = scenes[number]
        assert scene["heading"] == f"Fråga {number}"
        assert scene["lines"] == [question["text"]]
        assert scene["items"] == [s["text"] for s in question["sub_questions"]]
        assert f"siffran {number} " in scene["description"]
    source = (DATA / "planera_bildspel.yml").read_text(encoding="utf-8")
    assert QUESTIONS["questions"][1]["text"] not in source  # not a second copy


def test_presentation_renders_every_scene_in_order_with_its_text() -> None:
    data = load("i_korthet")
    html = render_presentation(data, "i-korthet-syntolkning.md", ASSETS)
    sections = re.findall(
        r'<section class="vgr-scene" id="scen-([a-z-]+)".*?</section>', html, re.S
    )
    assert sections == [s["id"] for s in data["scenes"]]
    total = len(sections)
    assert (
        f'aria-label="Bild 1 av {total}"' in html
        and f'aria-label="Bild {total} av {total}"' in html
    )
    for scene, body in zip(
        data["scenes"], re.findall(r"<section.*?</section>", html, re.S), strict=True
    ):
        shown = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<(?:h2|p|li)>(.*?)</", body)]
        assert shown == on_screen_text(scene)


def test_presentation_writes_its_dom_contract_and_assets() -> None:
    html = render_presentation(load("i_korthet"), "i-korthet-syntolkning.md", ASSETS)
    for part in (
        'data-module="vgr-presentation"',
        'data-dialog-label="Bildspel: Riktlinjen i korthet"',
        'data-count-format="Bild {number} av {total}"',
        "data-bar hidden",
        "data-count ",
        'data-action="start"',
        f'<script src="{ASSETS["js"]}" defer></script>',
    ):
        assert part in html, part


def test_presentation_links_to_described_version_before_the_scenes() -> None:
    html = render_presentation(load("i_korthet"), "i-korthet-syntolkning.md", ASSETS)
    assert html.index("(i-korthet-syntolkning.md)") < html.index("data-scene")


def test_each_scene_draws_its_picture() -> None:
    data = load("planera_bildspel")
    html = render_presentation(data, "x.md", ASSETS)
    assert html.count('<svg class="vgr-visual"') == len(data["scenes"])
    assert ">2</text>" in html  # the second question's number in its ring


def test_described_version_gives_look_then_exact_text_in_order() -> None:
    data = load("planera_bildspel")
    markdown = render_described_markdown(data, "bildspel.md")
    sections = markdown.split("\n## ")[1:]
    assert len(sections) == len(data["scenes"])
    for number, (section, scene) in enumerate(zip(sections, data["scenes"], strict=True), 1):
        assert section.startswith(f"Bild {number} {{ #scen-{scene['id']} }}")
        look, text = section.split("**Text i bild:**")
        assert scene["description"] in look
        positions = [text.index(t) for t in on_screen_text(scene)]
        assert positions == sorted(positions)
    assert markdown.rstrip().endswith("(bildspel.md)")


def test_described_version_says_how_long_a_list_is() -> None:
    data = load("i_korthet")
    markdown = render_described_markdown(data, "i-korthet.md")
    listed = next(s for s in data["scenes"] if s["items"])
    look = markdown.split(f"#scen-{listed['id']} }}")[1].split("**Text i bild:**")[0]
    assert "punktlista med" in look
    words = ["en punkt", "två punkter", "tre punkter", "fyra punkter", "fem punkter"]
    assert words[len(listed["items"]) - 1] in look


def test_descriptions_describe_rather_than_repeat_the_text() -> None:
    for name in ("i_korthet", "planera_bildspel"):
        for scene in load(name)["scenes"]:
            for text in on_screen_text(scene):
                assert text not in scene["description"], (name, scene["id"])
            assert "Teckningen" in scene["description"], (name, scene["id"])


def test_article_view_has_fixed_id_and_every_text() -> None:
    data = load("i_korthet")
    markdown = render_article_markdown(data, "varfor-en-riktlinje")
    assert markdown.startswith(f"## {data['scenes'][0]['heading']} {{ #varfor-en-riktlinje }}")
    for scene in data["scenes"]:
        for text in on_screen_text(scene):
            assert text in markdown


def test_every_picture_in_the_data_is_drawn() -> None:
    names = picture_names()
    assert {"box-arrow", "number", "question"} <= set(names)
    for name in ("i_korthet", "planera_bildspel"):
        assert all(s["picture"] in names.values() for s in load(name)["scenes"])


@pytest.mark.parametrize(
    "old,new,field,problem",
    [
        (
            "visual: compass",
            "visual: rocket",
            "scenes nr 3 › visual",
            "ingen bild som heter ”rocket”",
        ),
        (
            "  - id: guide\n",
            "  - id: stod\n",
            "scenes nr 3 › id",
            "används redan i scenes nr 2 › id",
        ),
        ("  - id: guide\n", "  - id: Guide\n", "scenes nr 3 › id", "små bokstäver"),
    ],
)
def test_bad_presentation_data_names_file_line_field_and_problem(
    data_copy: Path, old: str, new: str, field: str, problem: str
) -> None:
    line = data_copy.read_text(encoding="utf-8").split(old)[0].count("\n") + 1
    error = error_after_edit(data_copy, old, new, lambda p: load_presentation(p, QUESTIONS))
    assert error.path == str(data_copy)
    assert error.line == line
    assert error.field == field
    assert problem in error.problem


def test_scene_without_description_is_refused(data_copy: Path) -> None:
    text = data_copy.read_text(encoding="utf-8")
    start = text.index("    description:", text.index("id: guide"))
    end = text.index("  - id: vi-kan")
    data_copy.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_presentation(data_copy, QUESTIONS)
    assert caught.value.field == "scenes nr 3"
    assert caught.value.problem == "fältet ”description” saknas."


@pytest.mark.parametrize(
    "old,new,field,problem",
    [
        ("question: hur\n", "question: hurr\n", "scenes nr 3 › question", "”hurr”"),
        ("question_heading: Fråga {number}\n", "", "scenes nr 2", "question_heading"),
    ],
)
def test_bad_question_scene_is_refused(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    path = copy_data_file(tmp_path, "planera_bildspel.yml", "presentation.schema.json")
    error = error_after_edit(path, old, new, lambda p: load_presentation(p, QUESTIONS))
    assert error.field == field
    assert problem in error.problem
