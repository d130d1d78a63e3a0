"""The planning checklist: the view model of ``templates/widgets/checklist.html``.

The page works without JavaScript (every question and field is there to read,
fill in and print); ``docs/javascripts/checklist.js`` enhances the element
marked ``data-module="vgr-checklist"`` with saving, several plans, review,
export, import and printing. What the script needs from the questions is
embedded in the ``data-checklist`` attribute at build time. Python only shapes
data here: the markup and its Swedish text live in the template, and the words
both the template and the script use live once in ``checklist_words.yml``
(given to the template as ``words`` and to the script in ``data-checklist``).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .data import DataError, parse_yaml
from .questions import Questions, question_anchor
from .templates import render

# Plan details, in order: (id, input type). All optional. Their labels are in
# the template; the script gets the ids through data-checklist.
DETAILS = (("name", "text"), ("unit", "text"), ("responsible", "text"), ("date", "date"))


def answer_fields(question: dict[str, Any]) -> list[dict[str, str]]:
    """The prompts of a question that get an answer: the question itself,
    then each of its sub-questions, in order."""
    fields = [{"id": question["id"], "text": question["text"]}]
    fields += [{"id": s["id"], "text": s["text"], **_hint(s)} for s in question["sub_questions"]]
    fields[0].update(_hint(question))
    return fields


def _hint(item: dict[str, Any]) -> dict[str, str]:
    return {"hint": item["hint"]} if item.get("hint") else {}


@functools.cache
def words() -> dict[str, Any]:
    """The words template and script share (macros/checklist_words.yml)."""
    return parse_yaml(Path(__file__).with_name("checklist_words.yml")).data


def fill(template: str, /, **values: Any) -> str:
    """A shared word with its ``{name}`` values filled in, as the script does."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def checklist_payload(data: Questions) -> dict[str, Any]:
    """The data the checklist script needs, to embed in the page."""
    return {
        "words": words(),
        "questionsVersion": data["version"],
        "details": [key for key, _ in DETAILS],
        "questions": [
            {
                "id": q["id"],
                "text": q["text"],
                "fields": [{"id": f["id"], "text": f["text"]} for f in answer_fields(q)],
            }
            for q in data["questions"]
        ],
    }


def css_pages(text: str) -> Markup:
    """The words "Sida {page} av {pages}" as a CSS content value with page counters."""
    parts = re.split(r"(\{pages?\})", text)
    counters = {"{page}": "counter(page)", "{pages}": "counter(pages)"}
    return Markup(" ".join(counters.get(p) or str(css_string(p)) for p in parts if p))


def css_string(text: str) -> Markup:
    """A CSS string literal, safe inside a <style> element."""
    return Markup('"' + re.sub(r'[\\"<>&\n\r]', lambda m: f"\\{ord(m.group()):x} ", text) + '"')


def _check_ids(data: Questions) -> None:
    """Answers and plan details share the script's field names: no clashes."""
    taken = {key for key, _ in DETAILS}
    for i, question in enumerate(data["questions"]):
        for field in answer_fields(question):
            if field["id"] in taken:
                raise DataError(
                    "planning_questions.yml",
                    f"questions[{i}].id",
                    f"id '{field['id']}' är reserverad för planens uppgifter",
                )


def checklist_view(
    data: Questions,
    page_url: str,
    privacy_url: str | None = None,
    assets: str = "",
    files_url: str = "",
    instance: str = "",
) -> dict[str, Any]:
    """Everything the template needs. ``instance`` prefixes the ids of a second
    checklist on a page; the default keeps the fixed anchors ``fraga-<id>``."""
    _check_ids(data)
    prefix = f"{instance}-" if instance else ""
    questions = []
    for number, q in enumerate(data["questions"], start=1):
        fields = [
            {
                **f,
                "hint": f.get("hint", ""),
                "own": i == 0,
                "input_id": f"{prefix}vgr-a-{f['id']}",
                "hint_id": f"{prefix}vgr-h-{f['id']}",
            }
            for i, f in enumerate(answer_fields(q))
        ]
        questions.append(
            {
                "number": number,
                "id": q["id"],
                "text": q["text"],
                "hint": q.get("hint", ""),
                "anchor": prefix + question_anchor(q),
                "status_id": f"{prefix}vgr-status-{q['id']}",
                "done_id": f"{prefix}vgr-done-{q['id']}",
                "fields": fields,
            }
        )
    details = [
        {"id": key, "type": kind, "input_id": f"{prefix}vgr-d-{key}"} for key, kind in DETAILS
    ]
    payload = json.dumps(checklist_payload(data), ensure_ascii=False, separators=(",", ":"))
    return {
        "instance": instance,
        "prefix": prefix,
        "details": details,
        "questions": questions,
        "payload": payload,
        "page_url": page_url,
        "css_string": css_string,
        "css_pages": css_pages,
        "privacy_url": privacy_url,
        "files_url": files_url,
        "assets": Markup(assets),
        "words": words(),
        "fill": fill,
    }


def render_checklist_html(data: Questions, page_url: str, *args: Any, **options: Any) -> str:
    """The whole checklist, from the view model (the same arguments as
    ``checklist_view``: ``assets`` holds the page's own <link>/<script> tags
    for it; ``files_url`` is its on-demand file tools, relative to the page)."""
    return render("checklist.html", **checklist_view(data, page_url, *args, **options))
