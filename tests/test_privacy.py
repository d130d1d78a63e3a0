"""The page about personal data tells the truth: what the site stores in the
browser is what docs/data/privacy.yml lists, and the server log holds the
fields it lists, with the address shortened (deploy/nginx.conf, run for real)."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from macros.privacy import load_privacy
from tests.conftest import ROOT, free_port
from tests.site import Site
from tests.test_nginx import NGINX, render_config

PRIVACY = load_privacy(ROOT / "docs" / "data" / "privacy.yml")
NGINX_CONF = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
LOG_PATH = "/var/log/nginx/kompetensutveckling.access.log"


def declared(key: str) -> bool:
    """Is a storage key one the privacy page lists?"""
    return any(
        key.startswith(item.get("key_prefix", "\0")) or key.endswith(item.get("key_suffix", "\0"))
        for item in PRIVACY["browser_storage"]
    )


def test_browser_storage_is_only_what_the_page_lists(browser, base_url: str, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    stored = "Object.keys(localStorage)"
    try:
        for built in site.content_pages():
            page.goto(base_url + built.url, wait_until="networkidle")
            assert all(declared(k) for k in page.evaluate(stored)), (
                built.url,
                page.evaluate(stored),
            )
        assert page.evaluate(stored), (
            "the theme no longer stores its colour scheme: update the page"
        )
        page.goto(base_url + "planera/checklista/", wait_until="networkidle")
        page.locator("textarea").first.fill("Ett svar")
        prefix = next(i["key_prefix"] for i in PRIVACY["browser_storage"] if "key_prefix" in i)
        page.wait_for_function(f"Object.keys(localStorage).some(k => k.startsWith({prefix!r}))")
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


def log_format() -> str:
    match = re.search(r"log_format vgr_anonymised ((?:'[^']*'\s*)+);", NGINX_CONF)
    assert match, "deploy/nginx.conf has no log_format vgr_anonymised"
    return "".join(re.findall(r"'([^']*)'", match.group(1)))


def test_server_log_fields_are_the_ones_the_page_lists() -> None:
    assert set(re.findall(r"\$[a-z_]+", log_format())) == {
        f["nginx"] for f in PRIVACY["server_log"]["fields"]
    }
    assert f"access_log {LOG_PATH} vgr_anonymised;" in NGINX_CONF


def test_nginx_logs_a_shortened_address_and_no_query(site: Site, tmp_path: Path) -> None:
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed (make test installs nginx-light)", pytrace=False)
    port = free_port()
    log = tmp_path / "access.log"
    server = render_config(site.root, port, tmp_path).replace(LOG_PATH, str(log))
    (tmp_path / "server.conf").write_text(server, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\n{user}pid {tmp_path}/nginx.pid;\nerror_log stderr warn;\n"
        "events { worker_connections 16; }\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/server.conf; }}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    try:
        url = f"http://127.0.0.1:{port}/riktlinjen/?h=chef"
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("nginx did not start")
                time.sleep(0.1)
        deadline = time.monotonic() + 10
        while not (log.exists() and log.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        line = log.read_text().strip().splitlines()[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert line.startswith("127.0.0.0 [")
    assert '"GET /riktlinjen/index.html" 200 ' in line
    assert "127.0.0.1" not in line and "chef" not in line
