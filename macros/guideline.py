"""The guideline's own facts: who decided it, from when, where it is published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .data import load
from .templates import render

SCHEMA = "guideline.schema.json"

Guideline = dict[str, Any]


def load_guideline(path: Path) -> Guideline:
    """Load the facts and check that the date is a real day."""
    doc = load(path, SCHEMA)
    try:
        dt.date.fromisoformat(doc.data["valid_from"])
    except ValueError:
        raise doc.error(("valid_from",), "data.not_a_day", value=doc.data["valid_from"]) from None
    return doc.data


def short_address(url: str) -> str:
    """An address as the region writes it in text: no scheme, no "www.", no
    trailing slash (https://www.vgregion.se/x/ -> vgregion.se/x)."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    return (host + parts.path).rstrip("/")


def facts_view(data: Guideline) -> dict[str, Any]:
    """What the facts box shows, shaped for its template."""
    return {
        "title": data["title"],
        "decided_by": data["decided_by"],
        "valid_from": dt.date.fromisoformat(data["valid_from"]),
        "url": data["official_url"],
        "address": short_address(data["official_url"]),
    }


def render_guideline_facts(data: Guideline) -> str:
    """The facts box: a labelled list, the address a real link."""
    return render("guideline_facts.html", facts=facts_view(data))


def render_guideline_link(data: Guideline) -> str:
    """The official address as a link, for a sentence in a page."""
    return render("guideline_link.html", facts=facts_view(data))
