"""The accessibility gate: axe-core on every built page, in both colour
schemes, at 1280 and 320 px; keyboard reach and visible focus; reflow.

The page list comes from the build, so a new page is covered automatically.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site import Site, Watched

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules excluded from the gate, each with its reason. Every entry must also be
# listed as a known shortcoming in docs/data/accessibility.yml.
EXCLUDED_RULES: dict[str, str] = {}

SCHEMES = ["light", "dark"]
WIDTHS = [1280, 320]

# Material animates colour changes; measure the settled page, not a frame of a transition.
SETTLE_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def settle(page) -> None:
    page.add_style_tag(content=SETTLE_CSS)
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(50)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(
    browser, base_url: str, site: Site, axe: Axe, scheme: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, locale="sv-SE"
    )
    watched = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:"))
    page = watched.page
    failures = []
    try:
        for built in site.pages():
            page.goto(base_url + built.url, wait_until="networkidle")
            settle(page)
            options = {
                "runOnly": {"type": "tag", "values": AXE_TAGS},
                "rules": {rule: {"enabled": False} for rule in EXCLUDED_RULES},
                "resultTypes": ["violations"],
            }
            for violation in axe.run(page, options=options).response["violations"]:
                targets = [n["target"] for n in violation["nodes"]][:4]
                failures.append(f"{built.url or '/'}: {violation['id']} {targets}")
        assert failures == [], "\n".join(failures)
        watched.assert_clean()
    finally:
        context.close()
