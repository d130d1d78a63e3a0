"""deploy/nginx.conf, run for real: a real nginx on 127.0.0.1 serves the built
site with gzip, caching, MIME types, a 404 page and security headers, and every
page loads in Chromium with no CSP violation; the checklist works through it."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from overrides.hooks.csp import csp_conf_path
from tests.conftest import ROOT, free_port
from tests.site import Site, Watched

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
INSTALL = "/srv/kompetensutveckling"


def render_config(site: Path, port: int, work: Path) -> str:
    """deploy/ as shipped, with only the install paths and the port changed."""
    deploy = work / "deploy"
    deploy.mkdir()
    headers = (ROOT / "deploy" / "security-headers.conf").read_text(encoding="utf-8")
    assert f"include {INSTALL}/site-csp.conf;" in headers
    (deploy / "security-headers.conf").write_text(
        headers.replace(f"{INSTALL}/site-csp.conf", str(csp_conf_path(str(site)))),
        encoding="utf-8",
    )
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        (f"root {INSTALL}/site;", f"root {site};"),
        (f"{INSTALL}/deploy/", f"{deploy}/"),
    ]:
        assert old in server, f"deploy/nginx.conf no longer has {old!r}"
        server = server.replace(old, new)
    return server


@pytest.fixture(scope="module")
def nginx(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx running deploy/nginx.conf on a free loopback port. Never skipped."""
    if not Path(NGINX).exists():
        pytest.fail(
            "nginx is not installed. Run `make test` as root (it installs Debian's "
            "nginx-light), or: sudo apt-get install nginx-light",
            pytrace=False,
        )
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (work / "server.conf").write_text(render_config(site.root, port, work), encoding="utf-8")
    # As root, workers would run as "nobody" and could not read the test's
    # private temporary folders; run them as the test's own user.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"""daemon off;
{user}pid {work}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/server.conf;
}}
""",
        encoding="utf-8",
    )
    command = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    log = (work / "error.log").open("w")
    process = subprocess.Popen(command, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def asset(site: Site, pattern: str) -> str:
    return next(site.root.glob(pattern)).relative_to(site.root).as_posix()


def test_security_headers_on_every_response(nginx: str, site: Site) -> None:
    for path in [
        "",
        "planera/checklista/",
        asset(site, "assets/javascripts/bundle.*.js"),
        "javascripts/checklist.js",
        "finns-inte/",
    ]:
        _, headers, _ = fetch(nginx + path)
        csp = headers["content-security-policy"]
        script_src = next(d for d in csp.split("; ") if d.startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src, path
        assert "frame-ancestors 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]


def test_caching_long_for_hashed_assets_short_for_the_rest(nginx: str, site: Site) -> None:
    _, hashed, _ = fetch(nginx + asset(site, "assets/stylesheets/main.*.min.css"))
    assert hashed["cache-control"] == "public, max-age=31536000, immutable"
    _, own, _ = fetch(nginx + "javascripts/checklist.js")
    assert own["cache-control"] == "public, max-age=3600"
    _, page, _ = fetch(nginx + "riktlinjen/")
    assert page["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path,mime",
    [
        ("", "text/html"),
        ("javascripts/checklist.js", "application/javascript"),
        ("stylesheets/extra.css", "text/css"),
        ("search/search_index.json", "application/json"),
        ("sitemap.xml", "text/xml"),
    ],
)
def test_mime_types_and_gzip(nginx: str, path: str, mime: str) -> None:
    status, headers, body = fetch(nginx + path, gzip_ok=True)
    assert status == 200
    assert headers["content-type"].startswith(mime)
    assert headers.get("content-encoding") == "gzip"
    assert len(gzip.decompress(body)) > len(body)


def test_missing_page_gets_the_sites_404_page(nginx: str) -> None:
    status, _, body = fetch(nginx + "finns/inte/")
    assert status == 404
    assert "<html" in body.decode() and 'lang="sv"' in body.decode()


CSP_WATCH = """
  window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_loads_with_no_csp_violation(nginx: str, site: Site, browser) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    watched = Watched.attach(context, allowed_prefixes=(nginx, "data:", "blob:"))
    try:
        for built in site.pages():
            response = watched.page.goto(nginx + built.url, wait_until="networkidle")
            assert response is not None
            assert response.ok, built.url
            assert watched.page.evaluate("window.__csp") == [], built.url
        watched.page.goto(nginx + "riktlinjen/", wait_until="networkidle")
        watched.page.keyboard.press("/")
        watched.page.locator("input.md-search__input").press_sequentially("chef", delay=20)
        watched.page.locator(".md-search-result__item").first.wait_for()
        assert watched.page.evaluate("window.__csp") == []
        watched.assert_clean()
    finally:
        context.close()


def test_checklist_works_through_nginx(nginx: str, browser) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    watched = Watched.attach(context, allowed_prefixes=(nginx, "data:", "blob:"))
    page = watched.page
    try:
        page.goto(nginx + "planera/checklista/", wait_until="networkidle")
        page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
        page.fill("#vgr-a-varfor", "Genom nginx")
        # Every edit written: the checklist's count of unsaved changes. Polled from
        # outside the page: a string predicate would need eval, which CSP forbids.
        checklist = page.locator("[data-module='vgr-checklist']")
        expect(checklist).to_have_attribute("data-unsaved", "0")
        page.reload(wait_until="networkidle")
        page.wait_for_selector("[data-module='vgr-checklist'][data-ready]")
        assert page.input_value("#vgr-a-varfor") == "Genom nginx"
        page.click(".vgr-more summary")  # "Fler val"
        with page.expect_download() as info:
            page.click("[data-action=export-json]")  # loads the file tools under the CSP
        assert "Genom nginx" in Path(info.value.path()).read_text(encoding="utf-8")
        assert page.evaluate("window.__csp") == []
        watched.assert_clean()
    finally:
        context.close()
