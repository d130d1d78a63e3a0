"""The accessibility gate: axe-core on every built page, in both colour
schemes, at 1280 and 320 px; keyboard reach and visible focus; reflow.

The page list comes from the build, so a new page is covered automatically.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.statement import load_statement
from tests.conftest import ROOT
from tests.site import Site, Watched, settle

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules excluded from the gate, each with its reason. Every entry must also be
# listed as a known shortcoming in docs/data/accessibility.yml.
EXCLUDED_RULES: dict[str, str] = {}

SCHEMES = ["light", "dark"]
WIDTHS = [1280, 320]

# Material animates colour changes; measure the settled page, not a frame of a transition.
SETTLE_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def settle_for_axe(page) -> None:
    """Transitions off, then fonts, components and two painted frames.

    The page is checked after its load event, not after network idle: what
    arrives later (the search index, the sitemap for instant navigation)
    changes nothing axe checks, and the smoke test still watches those requests.
    """
    page.add_style_tag(content=SETTLE_CSS)
    settle(page)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def assert_no_axe_violations(
    browser, base_url: str, site: Site, axe: Axe, scheme: str, width: int
) -> None:
    """axe on every page of a site served at base_url; no console error, no
    request to another host. Shared with the Zensical build's test."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, locale="sv-SE"
    )
    # axe-core comes with each page instead of being injected after it loads.
    context.add_init_script(axe.axe_script)
    watched = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:"))
    page = watched.page
    failures = []
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": False} for rule in EXCLUDED_RULES},
        "resultTypes": ["violations"],
    }
    try:
        for built in site.pages():
            page.goto(base_url + built.url, wait_until="load")
            settle_for_axe(page)
            results = page.evaluate("options => axe.run(document, options)", options)
            for violation in results["violations"]:
                targets = [n["target"] for n in violation["nodes"]][:4]
                failures.append(f"{built.url or '/'}: {violation['id']} {targets}")
        assert failures == [], "\n".join(failures)
        watched.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(
    browser, base_url: str, site: Site, axe: Axe, scheme: str, width: int
) -> None:
    assert_no_axe_violations(browser, base_url, site, axe, scheme, width)


STATEMENT = ROOT / "docs" / "data" / "accessibility.yml"


class TestStatementStaysTrue:
    """The statement's method and shortcomings are those of this test suite."""

    def test_method_in_statement_is_the_method_tested(self) -> None:
        auto = load_statement(STATEMENT)["assessment"]["automated"]
        assert auto["standards"] == AXE_TAGS
        assert auto["schemes"] == SCHEMES
        assert auto["widths"] == WIDTHS

    def test_axe_version_in_statement_is_the_one_that_runs(self, axe: Axe) -> None:
        bundled = re.search(r'axe\.version="([\d.]+)"', axe.axe_script).group(1)
        stated = load_statement(STATEMENT)["assessment"]["automated"]["tool_version"]
        assert bundled.startswith(stated + "."), (bundled, stated)

    def test_every_excluded_rule_is_a_listed_shortcoming(self) -> None:
        data = load_statement(STATEMENT)
        assert sorted(data["excluded_rules"]) == sorted(EXCLUDED_RULES)
        listed = {s.get("rule") for s in data["shortcomings"]}
        assert set(EXCLUDED_RULES) <= listed

    def test_status_is_not_full_compliance_while_a_shortcoming_is_known(self) -> None:
        data = load_statement(STATEMENT)
        assert not (data["status"] == "helt" and data["shortcomings"])


def test_statement_page_follows_diggs_outline(site: Site) -> None:
    page = site.page("tillganglighet/")
    text = page.article_text
    for part in ("delvis förenlig", "Kända brister", "Hur vi har testat", "Rapportera brister"):
        assert part in text
    assert 'href="https://www.digg.se/tdosanmalan"' in page.html
    assert re.search(r"Redogörelsen uppdaterades senast \d{4}-\d\d-\d\d", text)


def test_every_page_links_statement_and_privacy_page_from_footer(site: Site) -> None:
    for built in site.pages():
        footer = built.html.split('<footer class="md-footer">', 1)[1]
        assert ">Tillgänglighetsredogörelse</a>" in footer, built.url
        assert ">Om webbplatsen och personuppgifter</a>" in footer, built.url


def test_checklist_privacy_notice_links_privacy_page(site: Site) -> None:
    html = site.page("planera/checklista/").html
    notice = html.split('class="vgr-privacy', 1)[1].split("</div>", 1)[0]
    assert 'href="../../om-webbplatsen/"' in notice
