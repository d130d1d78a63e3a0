"""The accessibility statement (tillgänglighetsredogörelse), from data."""

from __future__ import annotations

from html import escape as _escape
from pathlib import Path
from typing import Any

from .data import load

STATUS = {
    "helt": "helt förenlig",
    "delvis": "delvis förenlig",
    "inte": "inte förenlig",
}
STANDARDS = {
    "wcag2a": "WCAG 2.0 nivå A",
    "wcag2aa": "WCAG 2.0 nivå AA",
    "wcag21a": "WCAG 2.1 nivå A",
    "wcag21aa": "WCAG 2.1 nivå AA",
    "wcag22aa": "WCAG 2.2 nivå AA",
    "best-practice": "axe-cores rekommendationer (best practice)",
}
SCHEMES = {"light": "ljust", "dark": "mörkt"}


def escape(text: str) -> str:
    return _escape(str(text), quote=False)


def load_statement(path: Path) -> dict[str, Any]:
    """Load and validate the statement's facts."""
    return load(path, path.with_name("accessibility.schema.json"))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def render_statement_markdown(data: dict[str, Any]) -> str:
    """The statement as Markdown, in the order Digg's guidance uses."""
    auto = data["assessment"]["automated"]
    parts = [
        f"{escape(data['organisation'])} står bakom {escape(data['service'])}. Vi vill att så "
        "många som möjligt ska kunna använda webbplatsen. Den här redogörelsen beskriver hur "
        "webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända "
        "brister och hur du kan rapportera problem.",
        "",
        "## Hur tillgänglig är webbplatsen? { #status }",
        "",
        f"Webbplatsen är **{STATUS[data['status']]}** med lagen om tillgänglighet till digital "
        "offentlig service. Kraven i lagen motsvarar standarden EN 301 549, som bygger på "
        f"WCAG 2.1 nivå AA. {escape(data['status_reason'])}",
        "",
        "## Kända brister { #kanda-brister }",
        "",
    ]
    if not data["shortcomings"]:
        parts += ["Vi känner inte till några brister.", ""]
    for item in data["shortcomings"]:
        parts += [
            f"### {escape(item['title'])}",
            "",
            escape(item["description"]),
            "",
            f"Orsak: {escape(item['reason'])}",
            "",
        ]
    parts += [
        "## Hur vi har testat webbplatsen { #hur-vi-testat }",
        "",
        f"Varje gång webbplatsen byggs testas varje sida automatiskt med {escape(auto['tool'])} "
        f"{escape(auto['tool_version'])} mot {_and([STANDARDS[s] for s in auto['standards']])}, "
        f"i {_and([SCHEMES[s] for s in auto['schemes']])} färgtema och i "
        f"{_and([f'{w} pixlars' for w in auto['widths']])} bredd. Ingen sida får ha någon "
        "anmärkning för att en ny version ska publiceras.",
        "",
        "Dessutom:",
        "",
    ]
    parts += [f"- {escape(m)}" for m in data["assessment"]["manual"]]
    parts += [
        "",
        f"Webbplatsen granskades senast {data['assessment']['last_review']}.",
        "",
        "## Rapportera brister { #rapportera }",
        "",
        escape(data["report"]["contact"]),
        "",
        "## Tillsyn { #tillsyn }",
        "",
        "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om "
        "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
        "dina synpunkter kan du [anmäla det till Digg]"
        f"({data['report']['digg_url']}).",
        "",
        "## Om redogörelsen { #om-redogorelsen }",
        "",
        f"Webbplatsen publicerades {data['published']}. "
        f"Redogörelsen uppdaterades senast {data['statement_updated']}.",
        "",
    ]
    return "\n".join(parts)
