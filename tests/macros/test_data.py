"""Editors' errors: one Swedish line naming file, line (from 1), field and problem."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.data import TRANSLATED, DataError, declared_schema, field_name, load, read_text
from macros.questions import load_questions
from tests.macros.breakage import DATA, copy_data_file, error_after_edit

# jsonschema's own English, which an editor must never see.
ENGLISH = re.compile(
    r"is a required property|is not of type|does not match|should be|too short|\^\["
)


@pytest.fixture
def questions_copy(tmp_path: Path) -> Path:
    return copy_data_file(tmp_path, "planning_questions.yml", "planning_questions.schema.json")


def line_of(path: Path, text: str) -> int:
    """The line (from 1) where text first stands in a file."""
    return path.read_text(encoding="utf-8").split(text)[0].count("\n") + 1


def assert_one_swedish_line(error: DataError) -> None:
    text = str(error)
    assert "\n" not in text and not ENGLISH.search(text), text


def test_a_key_written_twice_fails_naming_both_lines(questions_copy: Path) -> None:
    first = line_of(questions_copy, "text: Hur kommer vi dit?")
    error = error_after_edit(
        questions_copy,
        "text: Hur kommer vi dit?",
        "text: Hur kommer vi dit?\n    text: Igen",
        load_questions,
    )
    assert error.line == first + 1
    assert error.field == "questions nr 2 › text"
    assert f"rad {first} och på rad {first + 1}" in error.problem
    assert_one_swedish_line(error)


def test_file_not_saved_as_utf8_is_named_with_its_line(questions_copy: Path) -> None:
    text = questions_copy.read_text(encoding="utf-8")
    questions_copy.write_bytes(text.encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_questions(questions_copy)
    first_non_ascii = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    assert caught.value.line == first_non_ascii
    assert str(caught.value).startswith(str(questions_copy))
    assert "är inte sparad som UTF-8" in caught.value.problem


def test_yaml_syntax_error_is_swedish_with_line(questions_copy: Path) -> None:
    line = line_of(questions_copy, "    text: Hur kommer")
    error = error_after_edit(
        questions_copy, "    text: Hur kommer", "\ttext: Hur kommer", load_questions
    )
    assert error.line == line
    assert "tabbtecken" in error.problem
    assert_one_swedish_line(error)


def test_unknown_yaml_problem_still_gives_swedish_advice(questions_copy: Path) -> None:
    error = error_after_edit(questions_copy, "intro: ", "intro: [", load_questions)
    assert error.problem.startswith("YAML-filen går inte att läsa")
    assert_one_swedish_line(error)


@pytest.mark.parametrize(
    "old,new,at,field,problem",
    [
        (
            "  - id: hur\n",
            "  - id: Hur kommer\n",
            "  - id: Hur",
            "questions nr 2 › id",
            "små bokstäver",
        ),
        (
            "text: Hur kommer vi dit?",
            "text: ''",
            "text: ''",
            "questions nr 2 › text",
            "får inte vara tom",
        ),
        (
            "version: 1",
            "version: one",
            "version:",
            "version",
            "ska vara ett heltal, men är en text",
        ),
        (
            "    sub_questions: []\n",
            "",
            "  - id: larandet",
            "questions nr 4",
            "”sub_questions” saknas",
        ),
        ("version: 1\n", "version: 1\nversio: 2\n", "versio: 2", "versio", "hör inte hemma här"),
    ],
)
def test_schema_errors_name_line_and_field_counted_from_one(
    questions_copy: Path, old: str, new: str, at: str, field: str, problem: str
) -> None:
    error = error_after_edit(questions_copy, old, new, load_questions)
    assert error.line == line_of(questions_copy, at)
    assert error.field == field
    assert problem in error.problem
    assert_one_swedish_line(error)


def test_error_line_reads_file_line_field_problem(questions_copy: Path) -> None:
    error = error_after_edit(questions_copy, "text: Hur kommer vi dit?", "text: ''", load_questions)
    line = line_of(questions_copy, "text: ''")
    assert str(error) == (
        f"{questions_copy}, rad {line}, fält questions nr 2 › text: får inte vara tom."
    )


def test_field_names_count_list_positions_from_one() -> None:
    assert field_name(("questions", 0, "sub_questions", 3, "id")) == (
        "questions nr 1 › sub_questions nr 4 › id"
    )


def test_every_data_file_names_a_schema_next_to_it() -> None:
    for path in sorted(DATA.glob("*.yml")):
        schema = declared_schema(path)
        assert schema and (DATA / schema).is_file(), path.name
        load(path)  # and follows it


def test_file_without_schema_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(path)
    assert "yaml-language-server" in caught.value.problem


def schema_nodes(node: dict):
    """Every schema object in a JSON Schema document."""
    yield node
    for key in ("properties", "$defs"):
        for child in node.get(key, {}).values():
            yield from schema_nodes(child)
    if isinstance(node.get("items"), dict):
        yield from schema_nodes(node["items"])
    for key in ("anyOf", "oneOf"):
        for child in node.get(key, []):
            yield from schema_nodes(child)


@pytest.mark.parametrize("schema", sorted(p.name for p in DATA.glob("*.schema.json")))
def test_schemas_use_only_rules_with_swedish_messages(schema: str) -> None:
    document = json.loads((DATA / schema).read_text(encoding="utf-8"))
    annotations = {"$schema", "$id", "$defs", "$ref", "title", "description", "errorMessage"}
    for node in schema_nodes(document):
        if "type" in node or "$ref" in node or "enum" in node or "properties" in node:
            rules = set(node) - annotations
            assert rules <= TRANSLATED, (schema, rules - TRANSLATED)
        if "pattern" in node:  # a regular expression is never shown: the schema says it in words
            assert "pattern" in node.get("errorMessage", {}), (schema, node["pattern"])


def test_read_text_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_text(tmp_path / "saknas.yml")
    assert "går inte att läsa" in caught.value.problem
