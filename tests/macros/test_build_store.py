"""What a build keeps for the next (macros/store.py): data files found valid
and compiled widget templates. It may only save time: a file that changed is
checked again, and a template that changed is compiled again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import data, store, templates
from macros.data import DataError, load
from macros.site import Site
from tests.conftest import ROOT

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title"],
    "properties": {"title": {"type": "string", "minLength": 1}, "note": {"type": "string"}},
    "additionalProperties": False,
}
GOOD = "# yaml-language-server: $schema=x.schema.json\ntitle: Rubrik\nnote: Text\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache of its own, and a data file with its schema."""
    monkeypatch.setattr(store, "store_dir", lambda: tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    (tmp_path / "x.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (tmp_path / "x.yml").write_text(GOOD, encoding="utf-8")
    yield tmp_path


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every schema check that runs, by file."""
    seen: list[Path] = []
    real = data.validate

    def counted(doc: data.Document, schema: dict) -> None:
        seen.append(doc.path)
        real(doc, schema)

    monkeypatch.setattr(data, "validate", counted)
    return seen


def test_a_valid_file_is_checked_once_while_it_is_unchanged(folder: Path, checks: list) -> None:
    assert load(folder / "x.yml").data == {"title": "Rubrik", "note": "Text"}
    assert load(folder / "x.yml").data == {"title": "Rubrik", "note": "Text"}
    assert len(checks) == 1


def test_a_file_broken_after_it_was_found_valid_still_fails(folder: Path, checks: list) -> None:
    load(folder / "x.yml")
    (folder / "x.yml").write_text(GOOD.replace("title: Rubrik", "title: ''"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder / "x.yml")
    assert caught.value.field == "title" and caught.value.line == 2
    assert len(checks) == 2


def test_a_stricter_schema_checks_known_files_again(folder: Path, checks: list) -> None:
    load(folder / "x.yml")
    stricter = {**SCHEMA, "required": ["title", "owner"]}
    (folder / "x.schema.json").write_text(json.dumps(stricter), encoding="utf-8")
    with pytest.raises(DataError, match="owner"):
        load(folder / "x.yml")


def test_a_failing_file_is_never_remembered(folder: Path, checks: list) -> None:
    (folder / "x.yml").write_text(GOOD + "extra: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match="extra"):
            load(folder / "x.yml")
    assert len(checks) == 2
    assert not list((folder / "cache").glob("valid/*"))


def test_without_a_cache_folder_every_load_is_checked(
    folder: Path, checks: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "store_dir", lambda: None)
    load(folder / "x.yml")
    load(folder / "x.yml")
    assert len(checks) == 2


def test_the_sites_data_passes_with_an_empty_and_a_filled_cache(folder: Path, checks: list) -> None:
    Site.load(ROOT / "docs")
    first = len(checks)
    Site.load(ROOT / "docs")
    assert first == len(list((ROOT / "docs" / "data").glob("*.yml")))
    assert len(checks) == first  # the second time, nothing to check


@pytest.fixture
def widgets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A widget folder holding w.html, and an empty store in tmp_path/cache."""
    monkeypatch.setattr(store, "store_dir", lambda: tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    folder = tmp_path / "widgets"
    folder.mkdir()
    (folder / "w.html").write_text("<p>{{ a }}</p>", encoding="utf-8")
    templates.clear_cache()
    yield folder
    templates.clear_cache()


def test_an_edited_widget_template_is_compiled_again(widgets: Path, tmp_path: Path) -> None:
    assert templates.render("w.html", widgets, a="ett") == "<p>ett</p>"
    assert any((tmp_path / "cache").glob("widget-*"))  # compiled code kept
    templates.clear_cache()  # as a new build does
    assert templates.render("w.html", widgets, a="ett") == "<p>ett</p>"
    (widgets / "w.html").write_text("<b>{{ a }}</b>", encoding="utf-8")
    templates.clear_cache()
    assert templates.render("w.html", widgets, a="två") == "<b>två</b>"


def test_a_damaged_cache_entry_is_compiled_again(widgets: Path, tmp_path: Path) -> None:
    templates.render("w.html", widgets, a="x")
    for entry in (tmp_path / "cache").glob("widget-*"):
        entry.write_bytes(b"not compiled code")
    templates.clear_cache()
    assert templates.render("w.html", widgets, a="y") == "<p>y</p>"


def test_cache_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    store.clear_cache()
    try:
        folder = store.store_dir()
        assert folder is not None and folder.parent == tmp_path
        assert folder.stat().st_mode & 0o777 == 0o700
        folder.chmod(0o755)  # another user could write here: not used
        store.clear_cache()
        assert store.store_dir() is None
    finally:
        monkeypatch.undo()
        store.clear_cache()
