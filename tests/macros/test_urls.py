"""Addresses between pages: one helper module for every link the macros write."""

from __future__ import annotations

import pytest

from macros.urls import asset_url, full_url, page_path, relative_link, relative_url


@pytest.mark.parametrize(
    "md,path,offline",
    [
        ("index.md", "", "index.html"),
        ("riktlinjen/index.md", "riktlinjen/", "riktlinjen/index.html"),
        ("planera/checklista.md", "planera/checklista/", "planera/checklista.html"),
        ("lankar.md", "lankar/", "lankar.html"),
    ],
)
def test_page_path_follows_directory_urls(md: str, path: str, offline: str) -> None:
    assert page_path(md) == path
    assert page_path(md, directory_urls=False) == offline


@pytest.mark.parametrize(
    "src,dest,offline,url",
    [
        ("planera/checklista.md", "om-webbplatsen.md", False, "../../om-webbplatsen/"),
        ("index.md", "riktlinjen/index.md", False, "riktlinjen/"),
        ("riktlinjen/index.md", "index.md", False, "../"),
        ("lankar.md", "lankar.md", False, "./"),
        ("lankar.md", "riktlinjen/i-korthet.md", False, "../riktlinjen/i-korthet/"),
        ("planera/checklista.md", "om-webbplatsen.md", True, "../om-webbplatsen.html"),
        ("index.md", "riktlinjen/index.md", True, "riktlinjen/index.html"),
        ("riktlinjen/index.md", "index.md", True, "../index.html"),
    ],
)
def test_relative_url_between_pages_online_and_offline(
    src: str, dest: str, offline: bool, url: str
) -> None:
    assert relative_url(src, dest, directory_urls=not offline) == url


@pytest.mark.parametrize(
    "page,offline,url",
    [
        ("riktlinjen/i-korthet.md", False, "../../javascripts/x.js"),
        ("index.md", False, "javascripts/x.js"),
        ("riktlinjen/i-korthet.md", True, "../javascripts/x.js"),
        ("index.md", True, "javascripts/x.js"),
    ],
)
def test_asset_url_from_a_page(page: str, offline: bool, url: str) -> None:
    assert asset_url("javascripts/x.js", page, directory_urls=not offline) == url


def test_relative_link_between_page_sources() -> None:
    assert relative_link("riktlinjen/i-korthet.md", "riktlinjen/x.md") == "x.md"
    assert relative_link("lankar.md", "planera/bildspel.md") == "planera/bildspel.md"
    assert relative_link("planera/bildspel.md", "index.md") == "../index.md"


def test_full_url_under_a_sub_path() -> None:
    base = "https://intranat.example/kompetens"
    assert full_url(base, "riktlinjen/index.md", "mal") == (
        "https://intranat.example/kompetens/riktlinjen/#mal"
    )
    assert full_url(base + "/", "index.md") == "https://intranat.example/kompetens/"
