"""Facts awaiting confirmation, and the publication gate that holds them back.

Some facts on the site are the region's to give (a contact, a retention
period, a legal basis). Until the owner has confirmed one, its data file says
so where the fact stands, as data the build reads:

    kept:
      value: cirka två veckor
      confirmed: false
      note: Hur länge servern sparar loggen.

A group of fields (a contact with ``label`` and ``url``) carries the two marker
fields itself. The loaders (``macros/privacy.py``, ``macros/statement.py``)
hand the templates the plain values (``plain``) and the list of facts still
awaiting confirmation (``unconfirmed``).

The gate: a build for publication (``site_url`` a public address, not a
loopback one) stops at its start while any fact awaits confirmation, one
Swedish line per fact naming file and line. ``PREVIEW=1`` builds anyway, and
each page that holds such a fact says ”Utkast” at the top. Local builds and
``mkdocs serve`` (a loopback address, or none) are not held back.

``python -m macros.publication`` lists the facts (``make unconfirmed``).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .data import DataError, Document, Where, data_files, field_name, message, parse_yaml
from .templates import render

MARKER = "confirmed"
NOTE = "note"
# Lines the gate may print, all told (the heading line and the facts).
MAX_LINES = 20
# The environment variable that builds a preview (draft) anyway.
PREVIEW = "PREVIEW"
_YES = {"1", "true", "yes", "ja", "on"}

log = logging.getLogger("mkdocs.publication")


@dataclass(frozen=True)
class Fact:
    """One fact awaiting confirmation: where it stands and what to confirm."""

    path: Path
    line: int
    field: str
    note: str

    def __str__(self) -> str:
        return str(DataError(self.path, self.field, self.note, self.line))


def _walk(data: Any, where: Where = ()) -> list[tuple[Where, dict[str, Any]]]:
    """Every mapping that carries the marker field, with its place, in file order."""
    found: list[tuple[Where, dict[str, Any]]] = []
    if isinstance(data, dict):
        if MARKER in data:
            found.append((where, data))
        for key, value in data.items():
            found += _walk(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _walk(value, (*where, index))
    return found


def unconfirmed(doc: Document) -> list[Fact]:
    """The facts in a parsed data file still marked ``confirmed: false``."""
    return [
        Fact(
            doc.path,
            doc.line(where),
            field_name(where),
            str(marked.get(NOTE) or "").strip() or message("publication.no_note"),
        )
        for where, marked in _walk(doc.data)
        if marked[MARKER] is not True
    ]


def plain(data: Any) -> Any:
    """The data as the pages use it: ``{value, confirmed, note}`` becomes its
    value; a group drops its marker fields."""
    if isinstance(data, dict):
        if MARKER in data and "value" in data:
            return plain(data["value"])
        return {
            k: plain(v) for k, v in data.items() if not (MARKER in data and k in (MARKER, NOTE))
        }
    if isinstance(data, list):
        return [plain(item) for item in data]
    return data


def unconfirmed_facts(data_dir: Path) -> list[Fact]:
    """Every fact awaiting confirmation in the site's data files, file by file."""
    facts: list[Fact] = []
    for path in data_files(data_dir):
        if f"{MARKER}:" in path.read_text(encoding="utf-8"):
            facts += unconfirmed(parse_yaml(path))
    return facts


def is_public(site_url: str | None) -> bool:
    """Is the site built for a public address (not a loopback one, not none)?"""
    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return not (address.is_loopback or address.is_unspecified)


def preview_requested(environ: dict[str, str] | None = None) -> bool:
    """Was a preview (a draft with unconfirmed facts) asked for: ``PREVIEW=1``?"""
    value = (os.environ if environ is None else environ).get(PREVIEW, "")
    return value.strip().lower() in _YES


def gate_message(site_url: str, facts: list[Fact]) -> str:
    """The lines a refused build prints: one heading, one line per fact
    (at most MAX_LINES in all; the rest counted on the last line)."""
    lines = [message("publication.refused", site_url=site_url, count=len(facts))]
    room = MAX_LINES - 1
    shown = facts if len(facts) <= room else facts[: room - 1]
    lines += [f"  {fact}" for fact in shown]
    if len(shown) < len(facts):
        lines.append("  " + message("publication.more", count=len(facts) - len(shown)))
    return "\n".join(lines)


def check_build(
    site_url: str | None, data_dir: Path, environ: dict[str, str] | None = None
) -> None:
    """The gate, at build start: stop a build for publication while a fact
    awaits confirmation, unless a preview was asked for."""
    if not is_public(site_url):
        return
    facts = unconfirmed_facts(data_dir)
    if not facts:
        return
    if preview_requested(environ):
        log.info(message("publication.preview", count=len(facts)))
        return
    raise SystemExit(gate_message(str(site_url), facts))


def draft_notice(facts: list[Fact], draft: bool | None = None) -> str:
    """The ”Utkast” notice for a page holding these facts: only in a preview
    (``draft`` None: as ``PREVIEW`` says) and only when there are facts."""
    if draft is None:
        draft = preview_requested()
    if not draft or not facts:
        return ""
    return render("draft.html", notes=[fact.note for fact in facts]) + "\n\n"


def main(argv: list[str] | None = None) -> int:
    """List the facts awaiting confirmation (``make unconfirmed``)."""
    data_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs" / "data"
    facts = unconfirmed_facts(data_dir)
    if not facts:
        print(message("publication.none"))
        return 0
    print(message("publication.listed", count=len(facts)))
    for fact in facts:
        print(f"  {fact}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
