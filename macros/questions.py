"""The guideline's planning questions: loading, and the article view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import check_unique_ids, load
from .templates import render_markdown

Questions = dict[str, Any]
SCHEMA = "planning_questions.schema.json"


def load_questions(path: Path) -> Questions:
    """Load the planning questions and check that every id is unique."""
    doc = load(path, SCHEMA)
    pairs = []
    for i, question in enumerate(doc.data["questions"]):
        pairs.append((("questions", i, "id"), question["id"]))
        for j, sub in enumerate(question["sub_questions"]):
            pairs.append((("questions", i, "sub_questions", j, "id"), sub["id"]))
    check_unique_ids(doc, pairs)
    return doc.data


def question_anchor(question: dict[str, Any]) -> str:
    """The fixed id of a question's heading, e.g. ``fraga-varfor``."""
    return f"fraga-{question['id']}"


def numbered(data: Questions) -> list[dict[str, Any]]:
    """The questions in order, each with its number (from 1), anchor and hints."""
    return [
        {
            **q,
            "number": n,
            "anchor": question_anchor(q),
            "hint": q.get("hint"),
            "sub_questions": [{**s, "hint": s.get("hint")} for s in q["sub_questions"]],
        }
        for n, q in enumerate(data["questions"], start=1)
    ]


def render_questions_markdown(data: Questions, heading_level: int = 2) -> str:
    """The questions as Markdown: a heading with a fixed id per question and
    its sub-questions as a list, in the order they are to be answered."""
    return render_markdown(
        "questions.md", intro=data["intro"], questions=numbered(data), hashes="#" * heading_level
    )
