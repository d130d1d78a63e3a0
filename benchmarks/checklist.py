"""Checklist figures: gzipped size of its own JS+CSS, and the time to restore
50 saved plans with four 5,000-character answers each. Prints; asserts nothing.

Usage: python benchmarks/checklist.py [SITE_DIR]   (builds the site when omitted)
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build import build_site  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.serve import serve  # noqa: E402

KEY = "vgr-kompetensutveckling:checklista:v1"
OWN_ASSETS = ["javascripts/checklist.js", "stylesheets/checklist.css"]


def gzipped(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in paths)


def fifty_plans() -> str:
    answer = ("Lärande i det dagliga arbetet. " * 200)[:5000]
    plans = {}
    for i in range(50):
        pid = f"p{i:03d}"
        plans[pid] = {
            "id": pid,
            "details": {"name": f"Plan {i}"},
            "answers": {k: answer for k in ("varfor", "hur", "kunskaper", "larandet")},
            "done": {},
            "orphans": [],
            "updated": 1_700_000_000_000 + i,
        }
    return json.dumps({"plans": plans, "current": "p000"})


def restore_ms(browser, url: str, state: str | None, runs: int = 7) -> list[float]:
    """Milliseconds from the checklist script starting to the plan being shown."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        if state is not None:
            context.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(state)})")
        context.add_init_script(
            """new MutationObserver((list, obs) => {
                 const el = document.querySelector('[data-module=vgr-checklist][data-ready]');
                 if (el) { window.__ready = performance.now(); obs.disconnect(); }
               }).observe(document, {subtree: true, attributes: true, childList: true});"""
        )
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function("window.__ready !== undefined")
        start = page.evaluate(
            "performance.getEntriesByType('resource')"
            ".find(e => e.name.endsWith('checklist.js')).responseEnd"
        )
        times.append(page.evaluate("window.__ready") - start)
        context.close()
    return times


def main() -> None:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp(prefix="bench-site-"))
        result = build_site(site)
        if result.returncode:
            sys.exit(result.stderr)
    size = gzipped([site / p for p in OWN_ASSETS])
    print(f"checklist JS+CSS, gzipped: {size} bytes ({size / 1024:.1f} KiB; budget 10 KiB)")

    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        url = base + "planera/checklista/"
        empty = restore_ms(browser, url, None)
        full = restore_ms(browser, url, fifty_plans())
        browser.close()
    server.shutdown()
    for label, times in (("no saved plans", empty), ("50 plans x 4 x 5,000 chars", full)):
        print(
            f"restore, {label}: median {statistics.median(times):.1f} ms "
            f"(min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs)"
        )


if __name__ == "__main__":
    main()
