"""Take screenshots of built pages in light and dark schemes at 1280 and 320 px.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR [URL ...]

Chromium as in the tests (CHROMIUM= names another build), with a Swedish
locale and time zone, so dates show as åååå-mm-dd as a reader in VGR sees them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.chromium import launch  # noqa: E402
from scripts.serve import StaticServer  # noqa: E402

LOCALE = "sv-SE"
TIMEZONE = "Europe/Stockholm"


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    urls = sys.argv[3:] or [""]
    out.mkdir(parents=True, exist_ok=True)
    with StaticServer(site) as server, sync_playwright() as pw:
        browser = launch(pw)
        for scheme in ("light", "dark"):
            for width in (1280, 320):
                context = browser.new_context(
                    viewport={"width": width, "height": 900},
                    color_scheme=scheme,
                    locale=LOCALE,
                    timezone_id=TIMEZONE,
                )
                page = context.new_page()
                for url in urls:
                    page.goto(server.url + url, wait_until="networkidle")
                    name = (url.strip("/").replace("/", "_") or "start") + f"-{scheme}-{width}.png"
                    page.screenshot(path=str(out / name), full_page=True)
                    print(out / name)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
