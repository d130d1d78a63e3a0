"""The page about personal data tells the truth: what the site stores in the
browser is what docs/data/privacy.yml lists, and the server log holds the
fields it lists, with the address shortened (deploy/nginx.conf, run for real)."""

from __future__ import annotations

import re
import urllib.request

import pytest

from hooks.csp import csp_conf_path
from macros.privacy import load_privacy
from scripts.nginx import ACCESS_LOG, NginxServer
from tests.conftest import ROOT
from tests.site import Site, goto_settled

PRIVACY = load_privacy(ROOT / "docs" / "data" / "privacy.yml")
NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")


def declared(key: str) -> bool:
    """Is a storage key one the privacy page lists?"""
    return any(
        key.startswith(item.get("key_prefix", "\0")) or key.endswith(item.get("key_suffix", "\0"))
        for item in PRIVACY["browser_storage"]
    )


def test_browser_storage_is_only_what_the_page_lists(browser, base_url: str, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    stored = "Object.keys(localStorage).concat(Object.keys(sessionStorage))"
    try:
        for built in site.content_pages():
            goto_settled(page, base_url + built.url)
            assert all(declared(k) for k in page.evaluate(stored)), (
                built.url,
                page.evaluate(stored),
            )
        assert page.evaluate(stored), (
            "the theme no longer stores its colour scheme: update the page"
        )
        goto_settled(page, base_url + "planera/checklista/")
        page.locator("textarea").first.fill("Ett svar")
        prefix = next(i["key_prefix"] for i in PRIVACY["browser_storage"] if "key_prefix" in i)
        page.wait_for_function(f"Object.keys(localStorage).some(k => k.startsWith({prefix!r}))")
        page.locator("summary", has_text="Fler val").first.click()
        page.get_by_role("button", name="Ny plan").first.click()  # the tab remembers its plan
        page.wait_for_function("Object.keys(sessionStorage).length > 0")
        assert all(declared(k) for k in page.evaluate(stored)), page.evaluate(stored)
    finally:
        context.close()


def test_privacy_page_shows_every_fact(site: Site) -> None:
    text = site.page("om-webbplatsen/").article_text
    assert f"{PRIVACY['controller']} är personuppgiftsansvarig" in text
    for item in PRIVACY["browser_storage"]:
        assert item["name"] in text and item["when"].split()[0] in text
    for field in PRIVACY["server_log"]["fields"]:
        assert field["text"] in text
    for button in ("”Ta bort planen”", "”Ta bort alla planer”", "”Skriv ut planen”"):
        assert button in text


def test_privacy_notice_gives_what_article_13_asks_from_data(site: Site) -> None:
    page = site.page("om-webbplatsen/")
    text = page.article_text
    for contact in (PRIVACY["contact"], PRIVACY["data_protection_officer"]):
        assert f'<a href="{contact["url"]}">{contact["label"]}</a>' in page.html
    assert "dataskyddsombudet" in text
    log = PRIVACY["server_log"]
    assert f"Varför: loggen används {log['purpose']}." in text
    assert f"Rättslig grund: vi får göra det eftersom {log['legal_basis']}." in text
    assert f"Hur länge: loggen sparas i {log['kept']}" in text
    assert f"Vem som kan läsa den: {log['recipients']}." in text
    rights = text.split("Era rättigheter", 1)[1]
    for right in PRIVACY["rights"]:
        assert f"rätt att {right}" in rights
    assert f"kontakta oss via {PRIVACY['contact']['label']}" in rights
    authority = PRIVACY["supervisory_authority"]
    assert authority["name"].startswith("Integritetsskyddsmyndigheten")
    assert f"rätt att klaga hos {authority['name']}" in text
    assert f"{authority['name']} {authority['address']}" in text
    assert f'href="{authority["url"]}"' in page.html
    plans = "Planerna ni skriver i checklistan lämnar aldrig er webbläsare."
    assert f"{plans} {PRIVACY['controller']} tar inte emot dem och behandlar dem inte" in text


def log_format() -> str:
    match = re.search(r"log_format vgr_anonymised ((?:'[^']*'\s*)+);", NGINX_CONF)
    assert match, "deploy/nginx.conf has no log_format vgr_anonymised"
    return "".join(re.findall(r"'([^']*)'", match.group(1)))


def test_server_log_fields_are_the_ones_the_page_lists() -> None:
    assert set(re.findall(r"\$[a-z_]+", log_format())) == {
        f["nginx"] for f in PRIVACY["server_log"]["fields"]
    }
    assert f"access_log {ACCESS_LOG} vgr_anonymised;" in NGINX_CONF


def test_nginx_logs_a_shortened_address_and_no_query(
    site: Site, tmp_path_factory: pytest.TempPathFactory
) -> None:
    work = tmp_path_factory.mktemp("nginx-log")
    with NginxServer(site.root, csp_conf_path(str(site.root)), work) as server:
        urllib.request.urlopen(server.url + "riktlinjen/?h=chef", timeout=10).close()
        server.close()  # nginx writes its log lines before it exits
    line = server.access_log_path.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert line.startswith("127.0.0.0 [")
    assert '"GET /riktlinjen/index.html" 200 ' in line
    assert "127.0.0.1" not in line and "chef" not in line
