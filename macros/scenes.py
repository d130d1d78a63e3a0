"""Presentations made of scenes: loading and view models for the article view,
the presentation view and the described version (syntolkning).

A data file in ``docs/data/`` that names ``presentation.schema.json`` on its
first line is a presentation, called by its file name (``i_korthet.yml`` is
``i_korthet``). Pages name the presentation they show:
``{{ presentation("i_korthet") }}`` and ``{{ described("i_korthet") }}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .data import check_unique_ids, data_files, declared_schema, load
from .questions import Questions
from .templates import render_markdown, template_macros

Presentation = dict[str, Any]
SCHEMA = "presentation.schema.json"
PICTURES = "visuals.html"


def picture_names() -> dict[str, str]:
    """The pictures a scene can name (``box-arrow``), to their template macro (``box_arrow``)."""
    return {name.replace("_", "-"): name for name in template_macros(PICTURES)}


def load_presentation(path: Path, questions: Questions) -> Presentation:
    """Load a presentation and check it; scenes that take their text from the
    planning questions get it filled in. Returns the view model."""
    doc = load(path, SCHEMA)
    data = doc.data
    scenes = data["scenes"]
    check_unique_ids(doc, ((("scenes", i, "id"), s["id"]) for i, s in enumerate(scenes)))
    pictures = picture_names()
    by_id = {q["id"]: (n, q) for n, q in enumerate(questions["questions"], start=1)}
    view = []
    for i, scene in enumerate(scenes):
        if scene["visual"] not in pictures:
            known = ", ".join(sorted(pictures))
            raise doc.error(
                ("scenes", i, "visual"), "data.unknown_visual", name=scene["visual"], known=known
            )
        shown = {
            "id": scene["id"],
            "heading": scene.get("heading"),
            "lines": list(scene.get("lines", [])),
            "items": list(scene.get("items", [])),
            "picture": pictures[scene["visual"]],
            "number": None,
            "description": scene["description"],
        }
        if "question" in scene:
            if scene["question"] not in by_id:
                known = ", ".join(by_id)
                raise doc.error(
                    ("scenes", i, "question"),
                    "data.unknown_question",
                    id=scene["question"],
                    known=known,
                )
            number, question = by_id[scene["question"]]
            if not shown["heading"] and "question_heading" not in data:
                raise doc.error(("scenes", i), "data.question_heading")
            shown["number"] = number
            shown["description"] = shown["description"].replace("{number}", str(number))
            shown["heading"] = shown["heading"] or data["question_heading"].replace(
                "{number}", str(number)
            )
            shown["lines"].insert(0, question["text"])
            shown["items"] = [s["text"] for s in question["sub_questions"]] or shown["items"]
        if scene.get("question_intro"):
            shown["lines"].insert(0, questions["intro"])
        shown["texts"] = on_screen(shown)
        view.append(shown)
    uses_questions = any("question" in s or s.get("question_intro") for s in scenes)
    return {
        "name": path.stem,
        "path": path,
        "title": data["title"],
        "scenes": view,
        "uses_questions": uses_questions,
    }


def load_presentations(data_dir: Path, questions: Questions) -> dict[str, Presentation]:
    """Every presentation in the data folder, by name."""
    return {
        path.stem: load_presentation(path, questions)
        for path in data_files(data_dir)
        if declared_schema(path) == SCHEMA
    }


def on_screen(scene: dict[str, Any]) -> list[dict[str, str]]:
    """Every text a scene shows, in reading order, each with its kind
    (heading, line, item): what every template of a scene renders."""
    heading = [{"kind": "heading", "text": scene["heading"]}] if scene["heading"] else []
    lines = [{"kind": "line", "text": line} for line in scene["lines"]]
    return heading + lines + [{"kind": "item", "text": item} for item in scene["items"]]


def on_screen_text(scene: dict[str, Any]) -> list[str]:
    """Every text a scene shows, in reading order."""
    return [part["text"] for part in scene["texts"]]


def render_article_markdown(data: Presentation, anchor: str, heading_level: int = 2) -> str:
    """A presentation as a plain article section: the first scene's heading
    becomes a section heading with a fixed id, the rest is prose."""
    scenes = data["scenes"]
    return render_markdown(
        "article.md",
        title=scenes[0]["heading"] or data["title"],
        first=scenes[0],
        rest=scenes[1:],
        anchor=anchor,
        hashes="#" * heading_level,
    )


def render_presentation(data: Presentation, described_link: str, assets: dict[str, str]) -> str:
    """The presentation page's content: a link to the described version, then
    every scene in order. It reads as an article without JavaScript;
    ``presentation.js`` adds a one-scene-at-a-time full-screen mode."""
    return render_markdown(
        "presentation.md", presentation=data, described_link=described_link, assets=assets
    )


def render_described_markdown(data: Presentation, presentation_link: str) -> str:
    """The described version: for each scene "Bild N", what the scene looks
    like (Så ser bilden ut) and the exact on-screen text in order (Text i bild)."""
    return render_markdown("described.md", presentation=data, presentation_link=presentation_link)
