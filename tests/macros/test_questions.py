"""The planning questions: data file to Markdown. Expectations come from the
data file itself, so adding or rewording a question breaks no test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import DataError
from macros.questions import load_questions, numbered, render_questions_markdown
from tests.macros.breakage import DATA, copy_data_file, error_after_edit

QUESTIONS = load_questions(DATA / "planning_questions.yml")


def test_renders_every_question_in_order_with_its_fixed_id() -> None:
    markdown = render_questions_markdown(QUESTIONS)
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        f"## {n}. {q['text']} {{ #fraga-{q['id']} }}"
        for n, q in enumerate(QUESTIONS["questions"], start=1)
    ]


def test_renders_every_sub_question_under_its_question() -> None:
    sections = re.split(r"^## ", render_questions_markdown(QUESTIONS), flags=re.MULTILINE)[1:]
    for section, question in zip(sections, QUESTIONS["questions"], strict=True):
        items = [line[2:] for line in section.splitlines() if line.startswith("- ")]
        assert items == [s["text"] for s in question["sub_questions"]]


def test_numbered_view_counts_from_one_and_carries_anchors() -> None:
    view = numbered(QUESTIONS)
    assert [q["number"] for q in view] == list(range(1, len(QUESTIONS["questions"]) + 1))
    assert [q["anchor"] for q in view] == [f"fraga-{q['id']}" for q in QUESTIONS["questions"]]


def test_text_is_escaped_not_interpreted_as_html() -> None:
    data = {
        "version": 1,
        "intro": "Intro <b>",
        "questions": [
            {"id": "a", "text": "<script>x</script>", "hint": "<i>", "sub_questions": []}
        ],
    }
    markdown = render_questions_markdown(data)
    assert "<script>" not in markdown and "<b>" not in markdown and "<i>" not in markdown
    assert "&lt;script&gt;" in markdown


def test_heading_level_is_configurable() -> None:
    assert "### 1. " in render_questions_markdown(QUESTIONS, heading_level=3)


def test_a_sub_question_id_used_twice_is_refused(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "planning_questions.yml", "planning_questions.schema.json")
    first, second = QUESTIONS["questions"][1]["sub_questions"][:2]
    error = error_after_edit(path, f"id: {second['id']}\n", f"id: {first['id']}\n", load_questions)
    assert error.field == "questions nr 2 › sub_questions nr 2 › id"
    assert "används redan i questions nr 2 › sub_questions nr 1 › id" in error.problem


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "planning_questions.yml", "planning_questions.schema.json")
    path.write_text("# yaml-language-server: $schema=planning_questions.schema.json\n")
    with pytest.raises(DataError) as caught:
        load_questions(path)
    assert "tom" in caught.value.problem
