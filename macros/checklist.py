"""The planning checklist: HTML form rendered from the planning questions.

The page works without JavaScript (every question and field is there to read
and print); ``docs/javascripts/checklist.js`` enhances the element marked
``data-module="vgr-checklist"`` with saving, several plans, export, import and
printing. The data that script needs is embedded in an attribute at build time.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from .questions import Questions, question_anchor

# Plan details: (key, label, input type). All optional.
DETAILS = [
    ("name", "Utbildningens namn", "text"),
    ("unit", "Verksamhet", "text"),
    ("responsible", "Ansvarig", "text"),
    ("date", "Datum", "date"),
]


def answer_fields(question: dict[str, Any]) -> list[dict[str, str]]:
    """The prompts of a question that get an answer: the question itself,
    then each of its sub-questions, in order."""
    fields = [{"id": question["id"], "text": question["text"]}]
    fields += [{"id": s["id"], "text": s["text"], **_hint(s)} for s in question["sub_questions"]]
    fields[0].update(_hint(question))
    return fields


def _hint(item: dict[str, Any]) -> dict[str, str]:
    return {"hint": item["hint"]} if item.get("hint") else {}


def checklist_payload(data: Questions) -> dict[str, Any]:
    """The data the checklist script needs, to embed in the page."""
    return {
        "questionsVersion": data["version"],
        "details": [{"id": key, "label": label} for key, label, _ in DETAILS],
        "questions": [
            {"id": q["id"], "text": q["text"], "fields": answer_fields(q)}
            for q in data["questions"]
        ],
    }


def _data_attribute(payload: dict[str, Any]) -> str:
    """JSON for an HTML attribute. (Not a <script> data block: Material re-runs
    the scripts of a page it loads by instant navigation, data blocks too.)"""
    return escape(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), quote=True)


def render_field(field: dict[str, str], label: str | None = None) -> str:
    """One answer: label, textarea and the print-only block that mirrors it.
    ``label`` replaces the field's text as label (the legend already asks it)."""
    fid = escape(field["id"])
    hint_id = f"vgr-h-{fid}"
    hint = (
        f'<p class="vgr-hint" id="{hint_id}">{escape(field["hint"])}</p>'
        if field.get("hint")
        else ""
    )
    described = f' aria-describedby="{hint_id}"' if hint else ""
    own = ' class="vgr-own"' if label else ""
    return (
        '<div class="vgr-field">'
        f'<label for="vgr-a-{fid}"{own}>'
        f"{escape(label or field['text'])}</label>{hint}"
        f'<textarea id="vgr-a-{fid}" name="{fid}" rows="4"{described}></textarea>'
        f'<div class="vgr-print-answer" data-print-for="{fid}" aria-hidden="true"></div>'
        "</div>"
    )


def render_question(number: int, question: dict[str, Any]) -> str:
    """A question as a fieldset: legend with its number, fields, a done box."""
    qid = escape(question["id"])
    main, *subs = answer_fields(question)
    fields = render_field(main, f"Ert svar på fråga {number}") + "".join(map(render_field, subs))
    return (
        f'<fieldset class="vgr-question" id="{question_anchor(question)}">'
        f'<legend><span class="vgr-num">Fråga {number}</span> {escape(question["text"])}</legend>'
        f"{fields}"
        '<div class="vgr-done">'
        f'<input type="checkbox" id="vgr-done-{qid}" name="done-{qid}">'
        f'<label for="vgr-done-{qid}">Klar med fråga {number}</label>'
        "</div></fieldset>"
    )


def render_details() -> str:
    """The optional plan details: name, unit, responsible person and date."""
    rows = "".join(
        '<div class="vgr-detail">'
        f'<label for="vgr-d-{key}">{label}</label>'
        f'<input type="{kind}" id="vgr-d-{key}" name="{key}" autocomplete="off">'
        f'<span class="vgr-print-answer" data-print-for="{key}" aria-hidden="true"></span>'
        "</div>"
        for key, label, kind in DETAILS
    )
    return f'<fieldset class="vgr-details"><legend>Om utbildningen</legend>{rows}</fieldset>'


def render_toolbar() -> str:
    """Controls that need JavaScript; hidden until the script enables them."""

    def button(action: str, text: str, extra: str = "") -> str:
        attrs = f'type="button" class="md-button" data-action="{action}"{extra}'
        return f"<button {attrs}>{text}</button>"

    return (
        '<div class="vgr-toolbar" data-js hidden>'
        '<div class="vgr-plans">'
        '<label for="vgr-plan-select">Sparade planer</label>'
        '<select id="vgr-plan-select"></select>'
        '<div class="vgr-buttons" role="group" aria-label="Planer">'
        + button("new", "Ny plan")
        + button("duplicate", "Kopiera plan")
        + button("delete", "Ta bort plan")
        + "</div></div>"
        '<div class="vgr-buttons" role="group" aria-label="Dela och skriv ut">'
        + button("export-json", "Ladda ned (JSON)")
        + button("export-md", "Ladda ned som text (Markdown)")
        + button("copy-text", "Kopiera som text")
        + '<input type="file" id="vgr-import" accept=".json,application/json" class="vgr-file">'
        '<label for="vgr-import" class="md-button">Importera plan (JSON)</label>'
        + button("print", "Skriv ut")
        + button("print-blank", "Skriv ut tom checklista")
        + "</div>"
        '<p class="vgr-status" role="status"><span data-status></span> '
        + button("undo", "Ångra", " hidden")
        + "</p>"
        '<div class="vgr-error" role="alert" data-error></div>'
        "</div>"
    )


def render_privacy(privacy_url: str | None) -> str:
    """The notice that answers stay in this browser, and how to delete them."""
    link = (
        f'<p>Läs mer på <a href="{escape(privacy_url)}">Om webbplatsen och personuppgifter</a>.</p>'
        if privacy_url
        else ""
    )
    return (
        '<div class="vgr-privacy admonition info">'
        '<p class="admonition-title">Dina svar stannar i din webbläsare</p>'
        "<p>Det du skriver sparas bara i den här webbläsaren, på den här datorn. "
        "Inget skickas till VGR eller någon annan. Vill du dela planen laddar du ned "
        "den eller skriver ut den. Du tar bort en plan med <em>Ta bort plan</em>, "
        "eller alla planer på en gång:"
        ' <button type="button" class="vgr-link-button" data-action="delete-all" data-js hidden>'
        "Radera alla sparade planer</button>.</p>"
        f"{link}"
        "</div>"
    )


def render_checklist_html(
    data: Questions, page_url: str, privacy_url: str | None = None, assets: str = ""
) -> str:
    """The whole checklist: notices, toolbar, form and print footer.
    ``assets`` holds the page's own <link>/<script> tags for the checklist."""
    questions = "".join(
        render_question(number, q) for number, q in enumerate(data["questions"], start=1)
    )
    return (
        '<div class="vgr-checklist" data-module="vgr-checklist" '
        f'data-checklist="{_data_attribute(checklist_payload(data))}">'
        '<noscript><p class="vgr-nojs">JavaScript är avstängt. Du kan läsa frågorna, skriva '
        "och skriva ut, men för att spara svaren i webbläsaren, hantera flera planer och "
        "ladda ned eller importera en plan behövs JavaScript.</p></noscript>"
        f"{render_privacy(privacy_url)}"
        '<div class="vgr-storage-warning admonition warning" role="alert" '
        "data-storage-warning hidden>"
        '<p class="admonition-title">Svaren kan inte sparas i den här webbläsaren</p>'
        "<p>Webbläsaren tillåter inte att sidan sparar (lagringen är avstängd eller full). "
        "Du kan fortsätta skriva, men ladda ned eller skriv ut planen innan du stänger sidan, "
        "annars försvinner svaren.</p></div>"
        f"{render_toolbar()}"
        '<h2 class="vgr-print-title" id="planen">Utbildningsplan<span data-print-name></span></h2>'
        '<form class="vgr-plan" novalidate autocomplete="off" aria-labelledby="planen">'
        f"{render_details()}"
        '<p class="vgr-progress" data-progress aria-live="polite">'
        f"0 av {len(data['questions'])} frågor klara</p>"
        f"{questions}"
        '<fieldset class="vgr-orphans" data-orphans hidden>'
        "<legend>Svar på frågor som inte längre finns i checklistan</legend>"
        "<p>Planen har svar på frågor som har ändrats eller tagits bort sedan den gjordes. "
        "Svaren finns kvar här så att inget går förlorat.</p>"
        "<div data-orphan-list></div></fieldset>"
        "</form>"
        '<p class="vgr-print-meta">Utskrift från '
        f"<span data-print-url>{escape(page_url)}</span><span data-print-date></span></p>"
        f"</div>{assets}"
    )
