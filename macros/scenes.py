"""Presentations made of scenes: loading, the article view, the presentation
view and the described version (syntolkning), all from one data file."""

from __future__ import annotations

import posixpath
from html import escape as _escape
from pathlib import Path
from typing import Any

from .data import DataError, check_unique_ids, load
from .questions import Questions
from .visuals import VISUALS, render_visual

Presentation = dict[str, Any]


def escape(text: str) -> str:
    """Escape text for HTML element content (quotes may stay as they are)."""
    return _escape(text, quote=False)


def load_presentation(path: Path, questions: Questions, docs_dir: Path) -> Presentation:
    """Load a presentation, check it, and fill scenes that take their text
    from the planning questions."""
    data = load(path, path.with_name("presentation.schema.json"))
    scenes = data["scenes"]
    check_unique_ids(((f"scenes[{i}].id", s["id"]) for i, s in enumerate(scenes)), path)
    for key in ("page", "described_page"):
        if not (docs_dir / data[key]).is_file():
            raise DataError(path, key, f"sidan '{data[key]}' finns inte i {docs_dir}")
    numbers = {q["id"]: n for n, q in enumerate(questions["questions"], start=1)}
    by_id = {q["id"]: q for q in questions["questions"]}
    for i, scene in enumerate(scenes):
        if scene["visual"] not in VISUALS:
            known = ", ".join(sorted(VISUALS))
            raise DataError(
                path, f"scenes[{i}].visual", f"okänd bild '{scene['visual']}' ({known})"
            )
        if "question" in scene:
            if scene["question"] not in by_id:
                raise DataError(
                    path, f"scenes[{i}].question", f"ingen planeringsfråga '{scene['question']}'"
                )
            question = by_id[scene["question"]]
            scene["number"] = numbers[question["id"]]
            scene.setdefault("heading", f"Fråga {scene['number']}")
            scene["lines"] = [question["text"], *scene.get("lines", [])]
            subs = [s["text"] for s in question["sub_questions"]]
            if subs:
                scene["items"] = subs
        if scene.get("question_intro"):
            scene["lines"] = [questions["intro"], *scene.get("lines", [])]
    return data


# What every scene looks like; each scene's description adds its own picture.
LAYOUT = (
    "Alla scener har samma form: en mörkblå yta med vit text och en vit symbol. På en bred "
    "skärm står symbolen till vänster om texten, på en smal skärm ovanför den."
)


def relative_link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one docs page to another (both relative to docs/)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def on_screen_text(scene: dict[str, Any]) -> list[str]:
    """Every text a scene shows, in reading order."""
    heading = [scene["heading"]] if scene.get("heading") else []
    return heading + scene.get("lines", []) + scene.get("items", [])


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


def render_scene(scene: dict[str, Any], number: int, total: int) -> str:
    """One scene: picture and on-screen text, readable as part of an article."""
    heading = f"<h2>{escape(scene['heading'])}</h2>" if scene.get("heading") else ""
    label = f"Scen {number} av {total}"
    visual = render_visual(scene["visual"], scene.get("number"))
    return (
        f'<section class="vgr-scene" id="scen-{_escape(scene["id"])}" '
        f'aria-label="{label}" data-scene>'
        f'<div class="vgr-scene__visual">{visual}</div>'
        f'<div class="vgr-scene__text">{heading}{render_scene_body(scene)}</div>'
        "</section>"
    )


def render_presentation(data: Presentation, described_link: str, assets: str = "") -> str:
    """The presentation page's content: a link to the described version before
    it, then every scene in order. Works as an article without JavaScript;
    ``presentation.js`` adds a one-scene-at-a-time full-screen mode."""
    scenes = data["scenes"]
    total = len(scenes)
    body = "".join(render_scene(s, n, total) for n, s in enumerate(scenes, start=1))
    title = escape(data["title"])
    return (
        f"Allt som visas i bildspelet finns beskrivet i text i "
        f"[Syntolkning: {title}]({described_link}).\n{{ .vgr-described-link }}\n\n"
        f'<div class="vgr-presentation" data-module="vgr-presentation" '
        f'data-title="{_escape(data["title"])}">'
        '<p class="vgr-pres-start" data-js hidden>'
        '<button type="button" class="md-button md-button--primary" data-action="start">'
        "Visa som bildspel</button> "
        "<span>Bläddra med piltangenterna eller knapparna. Esc avslutar.</span></p>"
        f'<div class="vgr-scenes">{body}</div>'
        '<div class="vgr-pres-bar" data-bar hidden>'
        '<button type="button" class="md-button" data-action="prev">Föregående</button>'
        f'<span class="vgr-pres-count" data-count aria-live="polite">Scen 1 av {total}</span>'
        '<button type="button" class="md-button" data-action="next">Nästa</button>'
        '<button type="button" class="md-button" data-action="close">Avsluta bildspelet</button>'
        f"</div></div>{assets}\n"
    )


def render_described_markdown(data: Presentation, presentation_link: str) -> str:
    """The described version: for each scene "Scen N", what the picture
    shows (Bild) and the exact on-screen text in order (Text i bild)."""
    title = escape(data["title"])
    parts = [
        f"Det här är en syntolkning av bildspelet [{title}]({presentation_link}): för varje "
        "scen beskrivs bilden och den text som står i bilden, i den ordning den visas.",
        "",
        LAYOUT,
        "",
    ]
    for number, scene in enumerate(data["scenes"], start=1):
        parts += [
            f"## Scen {number} {{ #scen-{scene['id']} }}",
            "",
            f"**Bild:** {escape(scene['description'])}",
            "",
            "**Text i bild:**",
            "",
        ]
        texts = [escape(t) for t in [scene.get("heading")] + scene.get("lines", []) if t]
        parts += [f"<p>{t}</p>" for t in texts]
        if scene.get("items"):
            parts.append("")
            parts += [f"- {escape(item)}" for item in scene["items"]]
        parts.append("")
    parts.append(f"[Tillbaka till bildspelet {title}]({presentation_link})")
    return "\n".join(parts) + "\n"
