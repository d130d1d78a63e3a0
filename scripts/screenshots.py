"""Take screenshots of built pages in light and dark schemes at 1280 and 320 px.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR [URL ...]
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def main() -> None:
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    urls = sys.argv[3:] or [""]
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for scheme in ("light", "dark"):
            for width in (1280, 320):
                ctx = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                page = ctx.new_page()
                for url in urls:
                    page.goto(base + url, wait_until="networkidle")
                    name = (url.strip("/").replace("/", "_") or "start") + f"-{scheme}-{width}.png"
                    page.screenshot(path=str(out / name), full_page=True)
                ctx.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
