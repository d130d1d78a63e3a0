"""The guideline's facts: loaded from data, checked, and shown as a labelled list."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.guideline import (
    load_guideline,
    render_guideline_facts,
    render_guideline_link,
    short_address,
)
from tests.macros.breakage import DATA, copy_data_file, error_after_edit


@pytest.fixture
def facts_copy(tmp_path: Path) -> Path:
    return copy_data_file(tmp_path, "guideline.yml", "guideline.schema.json")


def test_facts_box_shows_who_decided_from_when_and_the_official_page() -> None:
    html = render_guideline_facts(load_guideline(DATA / "guideline.yml"))
    assert "<dt>Beslutad av</dt>\n<dd>regionstyrelsen</dd>" in html
    assert '<time datetime="2021-01-01">1 januari 2021</time>' in html
    assert (
        '<a class="vgr-address" href="https://www.vgregion.se/riktlinje-kompetensutveckling">'
        "vgregion.se/riktlinje-kompetensutveckling</a>"
    ) in html


def test_link_is_the_address_as_the_region_writes_it() -> None:
    link = render_guideline_link(load_guideline(DATA / "guideline.yml"))
    assert link.endswith(">vgregion.se/riktlinje-kompetensutveckling</a>")


@pytest.mark.parametrize(
    "url,short",
    [
        (
            "https://www.vgregion.se/riktlinje-kompetensutveckling",
            "vgregion.se/riktlinje-kompetensutveckling",
        ),
        ("https://vgregion.se/a/b/", "vgregion.se/a/b"),
        ("https://intranat.example/", "intranat.example"),
    ],
)
def test_short_address(url: str, short: str) -> None:
    assert short_address(url) == short


def test_values_are_escaped(facts_copy: Path) -> None:
    text = facts_copy.read_text(encoding="utf-8")
    facts_copy.write_text(
        text.replace("decided_by: regionstyrelsen", 'decided_by: "<b>styrelsen</b>"'),
        encoding="utf-8",
    )
    html = render_guideline_facts(load_guideline(facts_copy))
    assert "&lt;b&gt;styrelsen&lt;/b&gt;" in html


def test_impossible_date_names_file_and_field(facts_copy: Path) -> None:
    err = error_after_edit(facts_copy, '"2021-01-01"', '"2021-02-30"', load_guideline)
    assert err.path.endswith("guideline.yml") and err.field == "valid_from"
    assert "2021-02-30" in err.problem


def test_date_in_another_form_is_refused(facts_copy: Path) -> None:
    err = error_after_edit(facts_copy, '"2021-01-01"', '"1 januari 2021"', load_guideline)
    assert err.field == "valid_from"


def test_address_must_be_https(facts_copy: Path) -> None:
    err = error_after_edit(
        facts_copy, "official_url: https://", "official_url: http://", load_guideline
    )
    assert err.field == "official_url"


def test_missing_fact_is_named(facts_copy: Path) -> None:
    err = error_after_edit(facts_copy, "decided_by: regionstyrelsen\n", "", load_guideline)
    assert "decided_by" in err.problem
