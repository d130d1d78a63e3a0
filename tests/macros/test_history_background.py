"""Page dates: git's history is read while the build reads its files
(macros/updated.py, read_in_background), with the same dates as before."""

from __future__ import annotations

import pytest

from macros import updated
from macros.site import Site
from tests.conftest import ROOT


def test_history_read_in_the_background_gives_the_same_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = Site.load(ROOT / "docs").page_sources()
    updated.clear_cache()
    expected = updated.page_dates(sources)
    updated.clear_cache()
    try:
        updated.read_in_background(ROOT / "docs")()
        later: list[list[str]] = []
        real = updated._git
        monkeypatch.setattr(
            updated, "_git", lambda args, cwd: later.append(args) or real(args, cwd)
        )
        assert updated.page_dates(sources) == expected
        assert later == []  # every folder of pages and data was read already
    finally:
        updated.clear_cache()
