"""The site's widget scripts as components on the shared boot: one class per
widget, state per instance, no globals, failures kept to their own element."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.questions import load_questions
from macros.scenes import load_presentation, render_presentation
from scripts.serve import serve
from tests.conftest import ROOT
from tests.site import Site, Watched, goto_settled

DOCS = ROOT / "docs"
QUESTIONS = load_questions(DOCS / "data" / "planning_questions.yml")
ASSETS = {"css": "presentation.css", "js": "presentation.js"}


def page_with_two_presentations(folder: Path) -> Path:
    """A page holding both presentations, with the boot and the presentation script."""
    import markdown

    parts = [
        render_presentation(
            load_presentation(DOCS / "data" / f"{n}.yml", QUESTIONS), "x.md", ASSETS
        )
        for n in ("i_korthet", "planera_bildspel")
    ]
    body = markdown.markdown("\n\n".join(parts), extensions=["attr_list", "md_in_html"])
    (folder / "index.html").write_text(
        '<!doctype html><html lang="sv" class="js"><head><meta charset="utf-8"><title>Två</title>'
        '<link rel="stylesheet" href="extra.css"><script src="boot.js" defer></script></head>'
        f'<body><main class="md-typeset">{body}</main></body></html>',
        encoding="utf-8",
    )
    for name in ("boot.js", "presentation.js"):
        shutil.copy(DOCS / "javascripts" / name, folder / name)
    for name in ("extra.css", "presentation.css"):  # extra.css: the data-js rule
        shutil.copy(DOCS / "stylesheets" / name, folder / name)
    return folder


@pytest.fixture
def two(browser, tmp_path: Path) -> Iterator[Watched]:
    server, url = serve(page_with_two_presentations(tmp_path))
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="sv-SE")
    watched = Watched.attach(context, allowed_prefixes=(url,))
    watched.page.goto(url, wait_until="load")
    watched.page.wait_for_function(
        "document.querySelectorAll('[data-module=vgr-presentation][data-ready]').length === 2"
    )
    yield watched
    context.close()
    server.shutdown()


def test_two_presentations_on_one_page_keep_their_own_state(two: Watched) -> None:
    page = two.page
    first, second = page.locator("[data-module='vgr-presentation']").all()
    second_total = second.locator("[data-scene]").count()
    second.get_by_role("button", name="Visa som bildspel").click()
    assert second.get_attribute("role") == "dialog" and first.get_attribute("role") is None
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert second.locator("[data-count]").text_content() == f"Bild 3 av {second_total}"
    assert first.locator("[data-count]").text_content().startswith("Bild 1 av ")
    assert first.locator("[data-scene]:visible").count() == first.locator("[data-scene]").count()
    page.keyboard.press("Escape")
    assert second.get_attribute("role") is None

    first.get_by_role("button", name="Visa som bildspel").click()
    page.keyboard.press("End")
    first_total = first.locator("[data-scene]").count()
    assert first.locator("[data-count]").text_content() == f"Bild {first_total} av {first_total}"
    assert second.locator("[data-scene]:visible").count() == second_total
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.dataset.action") == "start"
    two.assert_clean()


def test_broken_widget_fails_alone_with_an_error(browser, tmp_path: Path) -> None:
    folder = page_with_two_presentations(tmp_path)
    html = (folder / "index.html").read_text(encoding="utf-8")
    # The first presentation loses its counter text: that one must not start.
    html = html.replace('data-count-format="Bild {number} av {total}"', "", 1)
    (folder / "index.html").write_text(html, encoding="utf-8")
    server, url = serve(folder)
    context = browser.new_context()
    watched = Watched.attach(context, allowed_prefixes=(url,))
    try:
        watched.page.goto(url, wait_until="load")
        watched.page.wait_for_selector("[data-module='vgr-presentation'][data-ready]")
        first, second = watched.page.locator("[data-module='vgr-presentation']").all()
        assert first.get_attribute("data-module-failed") == ""
        assert first.locator("[data-action='start']").is_hidden()  # stays the plain article
        assert second.locator("[data-action='start']").is_visible()
        assert len(watched.console_errors) == 1
        assert watched.console_errors[0].startswith("Error: Presentation:")
    finally:
        context.close()
        server.shutdown()


def test_site_scripts_set_no_globals(browser, base_url: str, site: Site) -> None:
    """Boot, menu, copy and presentation scripts (the checklist is another change's)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        for url in ("", "riktlinjen/i-korthet/", "lankar/"):
            goto_settled(page, base_url + url)
            page.wait_for_selector("[data-module][data-ready]", state="attached")
            names = page.evaluate("Object.keys(window).filter(k => /^vgr/i.test(k))")
            assert names == [], (url, names)  # widgets talk by events, not globals
    finally:
        context.close()


@pytest.fixture
def narrow(browser) -> Iterator[object]:
    """A page on a narrow screen, where Material's navigation is a drawer."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_menu_button_works_on_every_page(narrow, base_url: str, site: Site) -> None:
    for built in site.pages():
        goto_settled(narrow, base_url + built.url)
        menu = narrow.get_by_role("button", name="Meny")
        states = [menu.get_attribute("aria-expanded")]
        menu.click()
        states.append(menu.get_attribute("aria-expanded"))
        narrow.keyboard.press("Escape")
        states.append(menu.get_attribute("aria-expanded"))
        assert states == ["false", "true", "false"], built.url
        assert narrow.locator(".vgr-menu-button").count() == 1, built.url


def test_menu_is_not_made_twice_after_instant_navigation(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 320, "height": 640})
    goto_settled(page, base_url)
    page.evaluate("window.__samePage = true")
    page.get_by_role("button", name="Meny").click()
    page.locator(".md-sidebar--primary a", has_text="Länkar för intranätet").click()
    page.wait_for_selector("[data-module='vgr-copy'][data-ready]")
    assert page.evaluate("window.__samePage") is True
    assert page.locator(".vgr-menu-button").count() == 1
    assert page.locator("[data-module='vgr-copy']:visible").count() > 0
    watched.assert_clean()
