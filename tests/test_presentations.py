"""Presentations in Chromium: article without JavaScript, keyboard-driven
slide-show mode, and described versions that match what is shown."""

from __future__ import annotations

import re

import pytest

from tests.site import Site, Watched, goto_settled, normalize

SLIDESHOW = re.compile(r"^Bildspel: ")
PRESENTATIONS = [
    ("riktlinjen/i-korthet/", "riktlinjen/i-korthet-syntolkning/"),
    ("planera/bildspel/", "planera/bildspel-syntolkning/"),
]


def scene_texts(html: str) -> list[list[str]]:
    """On-screen text of each scene on a presentation page, in order."""
    scenes = re.findall(r'<section class="vgr-scene".*?</section>', html, re.DOTALL)
    return [
        [normalize(re.sub(r"<[^>]+>", "", t)) for t in re.findall(r"<(?:h2|p|li)>(.*?)</", s)]
        for s in scenes
    ]


@pytest.mark.parametrize("page_url,described_url", PRESENTATIONS)
def test_described_version_holds_every_on_screen_text_in_order(
    site: Site, page_url: str, described_url: str
) -> None:
    scenes = scene_texts(site.page(page_url).html)
    described = site.page(described_url)
    text = described.article_text
    assert len(scenes) >= 5
    for number, texts in enumerate(scenes, start=1):
        section = text.split(f"Bild {number} ")[1].split(f"Bild {number + 1} ")[0]
        assert "Så ser bilden ut:" in section
        shown = section.split("Text i bild:")[1]
        positions = [shown.index(t) for t in texts]
        assert positions == sorted(positions), f"scene {number} text out of order"


@pytest.mark.parametrize("page_url,described_url", PRESENTATIONS)
def test_presentation_and_described_version_link_both_ways(
    site: Site, page_url: str, described_url: str
) -> None:
    html = site.page(page_url).html
    described_href = "../" + described_url.split("/")[1] + "/"
    link = html.find(f'href="{described_href}"')
    assert 0 < link < html.index('data-module="vgr-presentation"')
    back = "../" + page_url.split("/")[1] + "/"
    assert f'href="{back}"' in site.page(described_url).html


@pytest.mark.parametrize("page_url", [p for p, _ in PRESENTATIONS])
def test_presentation_mode_by_keyboard(watched: Watched, base_url: str, page_url: str) -> None:
    page = watched.page
    goto_settled(page, base_url + page_url)
    total = page.locator("[data-scene]").count()
    start = page.get_by_role("button", name="Visa som bildspel")
    start.focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name=SLIDESHOW)
    assert dialog.get_attribute("aria-modal") == "true"
    visible = page.locator("[data-scene]:visible")
    assert visible.count() == 1
    assert page.locator("[data-count]").text_content() == f"Bild 1 av {total}"
    assert page.evaluate("document.activeElement.matches('[data-scene]')")
    first = visible.get_attribute("id")

    page.keyboard.press("ArrowRight")
    assert page.locator("[data-count]").text_content() == f"Bild 2 av {total}"
    assert page.locator("[data-scene]:visible").get_attribute("id") != first
    assert page.evaluate("document.activeElement.id") == visible.get_attribute("id")
    page.keyboard.press("ArrowLeft")
    assert page.locator("[data-scene]:visible").get_attribute("id") == first
    page.keyboard.press("ArrowLeft")  # stays on the first scene
    assert page.locator("[data-count]").text_content() == f"Bild 1 av {total}"
    page.keyboard.press("End")
    assert page.locator("[data-count]").text_content() == f"Bild {total} av {total}"

    # Tab stays inside the presentation's controls.
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('[data-bar]')")

    page.keyboard.press("Escape")
    assert page.get_by_role("dialog", name=SLIDESHOW).count() == 0
    assert page.locator("[data-scene]:visible").count() == total
    assert page.evaluate("document.activeElement.dataset.action") == "start"
    watched.assert_clean()


def test_buttons_move_between_scenes_without_autoplay(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.clock.install()  # the page's timers run on a clock the test moves
    goto_settled(page, base_url + "planera/bildspel/")  # the presentation has started
    page.get_by_role("button", name="Visa som bildspel").click()
    page.clock.run_for(60_000)  # a minute passes: no timer moves the slides on
    assert page.locator("[data-count]").text_content().startswith("Bild 1 ")
    page.get_by_role("button", name="Nästa").click()
    assert page.locator("[data-count]").text_content().startswith("Bild 2 ")
    page.get_by_role("button", name="Föregående").click()
    assert page.locator("[data-count]").text_content().startswith("Bild 1 ")
    page.get_by_role("button", name="Avsluta bildspelet").click()
    assert page.get_by_role("dialog", name=SLIDESHOW).count() == 0


def test_without_javascript_presentation_is_a_plain_article(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "riktlinjen/i-korthet/")
        scenes = page.locator("[data-scene]")
        assert scenes.count() == 7
        for i in range(7):
            assert scenes.nth(i).is_visible()
        assert not page.get_by_text("Visa som bildspel").is_visible()
        assert page.get_by_role("link", name="Syntolkning: Riktlinjen i korthet").first.is_visible()
    finally:
        context.close()


def test_presentation_starts_after_instant_navigation(watched: Watched, base_url: str) -> None:
    page = watched.page
    goto_settled(page, base_url)
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav--primary a", has_text="Bildspel").first.click()
    page.wait_for_selector("[data-module='vgr-presentation'][data-ready]")
    page.get_by_role("button", name="Visa som bildspel").click()
    assert page.get_by_role("dialog", name=SLIDESHOW).count() == 1
    assert page.evaluate("window.__samePage") is True
    watched.assert_clean()
