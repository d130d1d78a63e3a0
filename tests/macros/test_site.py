"""The whole site's sources: pages name the presentations they show, every
page's date comes from the files it uses, and broken pages are named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data import DataError
from macros.site import READS, Site
from tests.conftest import ROOT

DOCS = ROOT / "docs"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of docs/ to change."""
    return Path(shutil.copytree(DOCS, tmp_path / "docs"))


def load_error(docs: Path) -> DataError:
    """The error Site.load gives for a broken copy of docs/."""
    with pytest.raises(DataError) as caught:
        Site.load(docs)
    return caught.value


def sources(site: Site, page: str) -> set[str]:
    return {p.relative_to(site.docs_dir).as_posix() for p in site.page_sources()[page]}


def test_page_sources_are_its_markdown_and_the_data_its_macros_read() -> None:
    site = Site.load(DOCS)
    assert sources(site, "planera/bildspel.md") == {
        "planera/bildspel.md",
        "data/planera_bildspel.yml",
        "data/planning_questions.yml",  # its scenes take the questions from there
    }
    assert sources(site, "riktlinjen/i-korthet-syntolkning.md") == {
        "riktlinjen/i-korthet-syntolkning.md",
        "data/i_korthet.yml",
    }
    assert sources(site, "lankar.md") == {
        "lankar.md",
        "data/links.yml",
        "data/planning_questions.yml",
        "data/planera_bildspel.yml",
        "planera/index.md",
        "data/guideline.yml",
    }
    assert sources(site, "tillganglighet.md") == {"tillganglighet.md", "data/accessibility.yml"}
    assert sources(site, "om-webbplatsen.md") == {"om-webbplatsen.md", "data/privacy.yml"}


def test_every_macro_a_page_calls_declares_what_it_reads() -> None:
    site = Site.load(DOCS)
    called = {name for page in site.pages.values() for name, _, _ in page.calls}
    assert called <= READS.keys() | {"context", "now"}


def test_a_new_presentation_needs_a_data_file_and_two_pages(docs: Path) -> None:
    shutil.copy(docs / "data" / "i_korthet.yml", docs / "data" / "nytt.yml")
    (docs / "nytt.md").write_text('# Nytt\n\n{{ presentation("nytt") }}\n', encoding="utf-8")
    (docs / "nytt-syntolkning.md").write_text('# Syntolkning\n\n{{ described("nytt") }}\n')
    site = Site.load(docs)
    assert "nytt" in site.presentations
    assert sources(site, "nytt.md") == {"nytt.md", "data/nytt.yml"}


def test_presentation_no_page_shows_is_named(docs: Path) -> None:
    shutil.copy(docs / "data" / "i_korthet.yml", docs / "data" / "nytt.yml")
    error = load_error(docs)
    assert error.path.endswith("nytt.yml")
    assert '{{ presentation("nytt") }}' in error.problem


def test_presentation_without_described_version_is_named(docs: Path) -> None:
    page = docs / "planera" / "bildspel-syntolkning.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('described("planera_bildspel")', '"x"')
    )
    error = load_error(docs)
    assert error.path.endswith("planera_bildspel.yml") and "described()" in error.problem


def test_page_naming_an_unknown_presentation_is_named_with_its_line(docs: Path) -> None:
    page = docs / "riktlinjen" / "i-korthet.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('presentation("i_korthet")', 'presentation("i_kortet")'))
    error = load_error(docs)
    assert error.path == str(page)
    assert error.line == text.split('presentation("i_korthet")')[0].count("\n") + 1
    assert "”i_kortet”" in error.problem and "i_korthet" in error.problem


def test_page_not_saved_as_utf8_is_named(docs: Path) -> None:
    page = docs / "lankar.md"
    page.write_bytes(page.read_text(encoding="utf-8").replace("ni", "ni ö", 1).encode("latin-1"))
    error = load_error(docs)
    assert error.path == str(page)
    assert "är inte sparad som UTF-8" in error.problem


def test_page_with_broken_macro_call_is_named_with_its_line(docs: Path) -> None:
    page = docs / "tillganglighet.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("{{ accessibility_statement() }}", "{{ accessibility_statement( }}")
    )
    error = load_error(docs)
    assert error.path == str(page)
    assert error.line == text.split("{{ accessibility")[0].count("\n") + 1
