"""Facts awaiting confirmation: read as data, listed for the owner, and held
back from a build for a public address unless a preview is asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.data import Document, parse_yaml
from macros.privacy import load_privacy
from macros.publication import (
    MAX_LINES,
    Fact,
    check_build,
    draft_notice,
    gate_message,
    is_public,
    plain,
    preview_requested,
    unconfirmed,
    unconfirmed_facts,
)
from macros.statement import load_statement
from tests.macros.breakage import DATA, copy_data_file

PUBLIC = "https://intranat.example/kompetens/"


def marked_lines(path: Path) -> list[int]:
    """The lines of the fields marked ``confirmed: false``, read from the text:
    the nearest line above the marker that is indented less (the value's key,
    or a group's first line)."""
    lines = path.read_text(encoding="utf-8").splitlines()

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    found = []
    for number, line in enumerate(lines, start=1):
        if line.strip() == "confirmed: false":
            above = number - 1
            while lines[above - 1].lstrip().startswith("#") or indent(lines[above - 1]) >= indent(
                line
            ):
                above -= 1
            found.append(above)
    return found


@pytest.mark.parametrize("name", ["privacy.yml", "accessibility.yml"])
def test_each_marker_is_a_fact_at_its_line_with_its_note(name: str) -> None:
    doc = parse_yaml(DATA / name)
    facts = unconfirmed(doc)
    assert [f.line for f in facts] == marked_lines(DATA / name) != []
    for fact in facts:
        assert fact.note, fact
        assert str(fact).startswith(f"docs/data/{name}, rad {fact.line}, fält ")


def test_the_pages_get_plain_values() -> None:
    privacy = load_privacy(DATA / "privacy.yml")
    assert isinstance(privacy["controller"], str)
    assert isinstance(privacy["server_log"]["kept"], str)
    assert set(privacy["contact"]) == {"label", "url"}
    statement = load_statement(DATA / "accessibility.yml")
    assert statement["status"] in ("helt", "delvis", "inte")
    assert all(set(c) == {"label", "url"} for c in statement["report"]["channels"])
    assert privacy["unconfirmed"] and statement["unconfirmed"]


def test_a_confirmed_fact_is_not_listed_and_keeps_its_value() -> None:
    data = {"kept": {"value": "14 dagar", "confirmed": True, "note": "Hur länge"}}
    assert plain(data) == {"kept": "14 dagar"}
    contact = {"label": "E-post", "url": "mailto:a@b.se", "confirmed": False, "note": "x"}
    assert plain({"contact": contact}) == {"contact": {"label": "E-post", "url": "mailto:a@b.se"}}


def test_a_marker_without_a_note_still_says_what_to_do() -> None:
    data = {"contact": {"label": "x", "confirmed": False}}
    doc = Document(DATA / "privacy.yml", data, {(): 1, ("contact",): 3})
    (fact,) = unconfirmed(doc)
    assert fact.field == "contact" and fact.note.startswith("bekräfta värdet")


def test_confirming_every_fact_empties_the_list(tmp_path: Path) -> None:
    for name, schema in (("privacy.yml", "privacy.schema.json"),
                         ("accessibility.yml", "accessibility.schema.json")):  # fmt: skip
        path = copy_data_file(tmp_path, name, schema)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("confirmed: false", "confirmed: true"), encoding="utf-8")
    assert unconfirmed_facts(tmp_path) == []
    check_build(PUBLIC, tmp_path, environ={})  # nothing left: the gate lets it through
    assert load_privacy(tmp_path / "privacy.yml")["unconfirmed"] == []


@pytest.mark.parametrize(
    ("url", "public"),
    [
        ("https://intranat.example/kompetens/", True),
        ("https://www.vgregion.se/", True),
        ("http://10.1.2.3/", True),
        ("http://127.0.0.1:8000/", False),
        ("http://127.1.2.3/", False),
        ("http://localhost:8000/", False),
        ("http://LOCALHOST/", False),
        ("http://app.localhost/", False),
        ("http://[::1]:8000/", False),
        ("http://0.0.0.0:8000/", False),
        ("", False),
        (None, False),
        ("/kompetens/", False),
    ],
)
def test_which_addresses_are_public(url: str | None, public: bool) -> None:
    assert is_public(url) is public


@pytest.mark.parametrize(
    ("value", "asked"), [("1", True), ("true", True), ("", False), ("0", False)]
)
def test_preview_is_asked_for_explicitly(value: str, asked: bool) -> None:
    assert preview_requested({"PREVIEW": value}) is asked
    assert preview_requested({}) is False


def test_the_gate_stops_a_public_build_naming_every_fact() -> None:
    facts = unconfirmed_facts(DATA)
    with pytest.raises(SystemExit) as stopped:
        check_build(PUBLIC, DATA, environ={})
    lines = str(stopped.value.code).splitlines()
    assert len(lines) == len(facts) + 1 <= MAX_LINES
    assert lines[0].startswith("Fel: bygget för publicering på " + PUBLIC)
    assert "PREVIEW=1" in lines[0] and "make unconfirmed" in lines[0]
    for fact, line in zip(facts, lines[1:], strict=True):
        assert f"{fact.path.name}, rad {fact.line}, fält {fact.field}: {fact.note}" in line


def test_the_gate_lets_local_builds_and_previews_through() -> None:
    check_build("http://127.0.0.1:8000/", DATA, environ={})
    check_build(None, DATA, environ={})
    check_build(PUBLIC, DATA, environ={"PREVIEW": "1"})


def test_many_facts_still_fit_in_twenty_lines() -> None:
    facts = [Fact(DATA / "privacy.yml", n, f"fält{n}", "Bekräfta.") for n in range(1, 31)]
    lines = gate_message(PUBLIC, facts).splitlines()
    assert len(lines) == MAX_LINES == 20
    assert "rad 18," in lines[-2] and "12 till" in lines[-1] and "make unconfirmed" in lines[-1]


def test_the_draft_notice_shows_only_in_a_preview_with_facts() -> None:
    facts = unconfirmed(parse_yaml(DATA / "privacy.yml"))
    notice = draft_notice(facts, draft=True)
    assert ">Utkast<" in notice and 'role="note"' in notice
    assert all(f"<li>{fact.note}</li>" in notice for fact in facts)
    assert draft_notice(facts, draft=False) == ""
    assert draft_notice([], draft=True) == ""


def test_make_unconfirmed_lists_file_line_and_what_to_confirm() -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "macros.publication"],
        cwd=DATA.parent.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    facts = unconfirmed_facts(DATA)
    assert listed[0].endswith(f": {len(facts)}")
    assert listed[1:] == [f"  {fact}" for fact in facts]
