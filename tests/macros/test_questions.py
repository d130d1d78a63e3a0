"""The planning questions: data file to Markdown, and bad data to clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import DataError
from macros.questions import load_questions, render_questions_markdown
from tests.conftest import ROOT
from tests.macros.breakage import copy_data_file, error_after_edit

DATA = ROOT / "docs" / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the questions file next to its schema."""
    return copy_data_file(tmp_path, "planning_questions.yml", "planning_questions.schema.json")


def test_renders_four_questions_in_order_with_fixed_ids() -> None:
    markdown = render_questions_markdown(load_questions(DATA / "planning_questions.yml"))
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Varför ska vi göra den här utbildningen? { #fraga-varfor }",
        "## 2. Hur kommer vi dit? { #fraga-hur }",
        "## 3. Vilka kunskaper och färdigheter behöver deltagarna för att lyckas i "
        "situationerna och beteendet ovan? { #fraga-kunskaper }",
        "## 4. Hur kan vi göra lärandet motiverande, aktiverande, inkluderande och hållbart? "
        "{ #fraga-larandet }",
    ]


def test_renders_every_sub_question_under_its_question() -> None:
    markdown = render_questions_markdown(load_questions(DATA / "planning_questions.yml"))
    second = markdown.split("## 2.")[1].split("## 3.")[0]
    assert second.count("\n- ") == 4
    assert (
        "- Vad och hur gör de som är bäst på att genomföra önskvärda arbetssituationer?" in second
    )


def test_text_is_escaped_not_interpreted_as_html() -> None:
    data = {
        "version": 1,
        "intro": "Intro <b>",
        "questions": [{"id": "a", "text": "<script>x</script>", "sub_questions": []}],
    }
    markdown = render_questions_markdown(data)
    assert "<script>" not in markdown
    assert "&lt;script&gt;" in markdown


def test_heading_level_is_configurable() -> None:
    data = load_questions(DATA / "planning_questions.yml")
    assert "### 1. " in render_questions_markdown(data, heading_level=3)


@pytest.mark.parametrize(
    "old,new,field,problem",
    [
        ("  - id: hur\n", "  - id: Hur kommer\n", "questions[1].id", "does not match"),
        ("text: Hur kommer vi dit?", "text: ''", "questions[1].text", "non-empty"),
        (
            "      - id: hur-deltagaren\n",
            "      - id: hur-forandringar\n",
            "questions[1].sub_questions[1].id",
            "används redan",
        ),
        ("version: 1", "version: one", "version", "not of type 'integer'"),
        ("    sub_questions: []\n", "", "questions[3]", "'sub_questions' is a required property"),
    ],
)
def test_bad_data_names_file_field_and_problem(
    data_copy: Path, old: str, new: str, field: str, problem: str
) -> None:
    error = error_after_edit(data_copy, old, new, load_questions)
    assert error.path.endswith("planning_questions.yml")
    assert error.field == field
    assert problem in error.problem


def test_yaml_syntax_error_names_line(data_copy: Path) -> None:
    data_copy.write_text("version: 1\nquestions: [\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_questions(data_copy)
    assert "planning_questions.yml" in str(caught.value)
    assert "rad " in caught.value.field
    assert "ogiltig YAML" in caught.value.problem
