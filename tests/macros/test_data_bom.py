"""A data file saved with a UTF-8 byte order mark (as some Windows editors
save) is read like any other: held-out defect 8 of issue 18, where such a
planning_questions.yml got "filen säger inte vilket schema den följer"."""

from __future__ import annotations

from pathlib import Path

from macros.data import declared_schema, load, read_text
from macros.questions import load_questions
from tests.macros.test_data import questions_copy  # noqa: F401  (fixture)


def test_a_byte_order_mark_is_not_part_of_the_text(questions_copy: Path) -> None:  # noqa: F811
    questions_copy.write_bytes(b"\xef\xbb\xbf" + questions_copy.read_bytes())
    assert not read_text(questions_copy).startswith("\ufeff")
    assert declared_schema(questions_copy) == "planning_questions.schema.json"
    assert load(questions_copy).data["questions"]
    assert load_questions(questions_copy)["questions"]
