"""Presentations made of scenes: loading and the article view."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from .data import check_unique_ids, load

Presentation = dict[str, Any]


def load_presentation(path: Path) -> Presentation:
    """Load a presentation file and check that scene ids are unique."""
    data = load(path, path.with_name("presentation.schema.json"))
    check_unique_ids(
        ((f"scenes[{i}].id", scene["id"]) for i, scene in enumerate(data["scenes"])), path
    )
    return data


def render_scene_body(scene: dict[str, Any]) -> str:
    """The on-screen lines and list of one scene as HTML, without its heading."""
    html = "".join(f"<p>{escape(line)}</p>" for line in scene.get("lines", []))
    if scene.get("items"):
        html += "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in scene["items"]) + "</ul>"
    return html


def render_article_markdown(data: Presentation, anchor: str, heading_level: int = 2) -> str:
    """Render a presentation as a plain article section: the first scene's
    heading becomes a section heading with a fixed id, the rest is prose."""
    scenes = data["scenes"]
    title = scenes[0].get("heading", data["title"])
    parts = [f"{'#' * heading_level} {escape(title)} {{ #{anchor} }}", ""]
    for scene in scenes:
        if scene is not scenes[0] and scene.get("heading"):
            parts += [f"<p><strong>{escape(scene['heading'])}</strong></p>"]
        body = render_scene_body(scene)
        if body:
            parts.append(body)
    return "\n".join(parts) + "\n"
