"""The guideline's planning questions: loading and the article view."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from .data import check_unique_ids, load

Questions = dict[str, Any]


def load_questions(path: Path) -> Questions:
    """Load the planning questions and check that every id is unique."""
    data = load(path, path.with_name("planning_questions.schema.json"))
    pairs = []
    for i, question in enumerate(data["questions"]):
        pairs.append((f"questions[{i}].id", question["id"]))
        for j, sub in enumerate(question["sub_questions"]):
            pairs.append((f"questions[{i}].sub_questions[{j}].id", sub["id"]))
    check_unique_ids(pairs, path)
    return data


def question_anchor(question: dict[str, Any]) -> str:
    """The fixed id of a question's heading, e.g. ``fraga-varfor``."""
    return f"fraga-{question['id']}"


def render_questions_markdown(data: Questions, heading_level: int = 2) -> str:
    """Render the questions as Markdown: a heading with a fixed id per question
    and its sub-questions as a list, in the order they are to be answered."""
    hashes = "#" * heading_level
    parts = [escape(data["intro"]), ""]
    for number, question in enumerate(data["questions"], start=1):
        parts.append(
            f"{hashes} {number}. {escape(question['text'])} {{ #{question_anchor(question)} }}"
        )
        parts.append("")
        if question.get("hint"):
            parts += [f'<p class="vgr-hint">{escape(question["hint"])}</p>', ""]
        for sub in question["sub_questions"]:
            parts.append(f"- {escape(sub['text'])}")
            if sub.get("hint"):
                parts.append(f'  <span class="vgr-hint">{escape(sub["hint"])}</span>')
        parts.append("")
    return "\n".join(parts)
