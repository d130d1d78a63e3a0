"""Checklist figures: gzipped size of its own JS+CSS on first load and of the
file tools it loads on demand, and the time to restore 50 saved plans with four
5,000-character answers each (and to migrate them from the old format). Prints;
asserts nothing.

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

KEY = "vgr-kompetensutveckling:checklista:v2"
OLD_KEY = "vgr-kompetensutveckling:checklista:v1"
# What the checklist page loads first, and what it loads when a file tool is used.
OWN_ASSETS = ["javascripts/checklist.js", "stylesheets/checklist.css"]
ON_DEMAND = ["javascripts/checklist-files.js"]
BUDGET = 10 * 1024


def gzipped(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in paths)


def fifty_plans(old: bool = False) -> tuple[str, str]:
    """(key, stored value): 50 plans, four 5,000-character answers each."""
    answer = ("Lärande i det dagliga arbetet. " * 200)[:5000]
    plans = {}
    for i in range(50):
        pid = f"p{i:03d}"
        plans[pid] = {
            "id": pid,
            "details": {"name": f"Plan {i}"},
            "answers": {k: answer for k in ("varfor", "hur", "kunskaper", "larandet")},
            "done": {},
            "updated": 1_700_000_000_000 + i,
            **({"orphans": []} if old else {"questions": {}, "conflicts": {}}),
        }
    state = {"plans": plans, "current": "p000", **({} if old else {"version": 2})}
    return (OLD_KEY if old else KEY), json.dumps(state)


def restore_ms(browser, url: str, stored: tuple[str, str] | None, runs: int = 7) -> list[float]:
    """Milliseconds from the checklist script arriving to the plan being shown."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        if stored is not None:
            key, value = stored
            context.add_init_script(
                f"if (!sessionStorage.getItem('seeded')) {{ localStorage.setItem({key!r}, "
                f"{json.dumps(value)}); sessionStorage.setItem('seeded', '1'); }}"
            )
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
    print(
        f"checklist JS+CSS on first load, gzipped: {size} bytes ({size / 1024:.1f} KiB; "
        f"budget {BUDGET / 1024:.0f} KiB)"
    )
    for path in OWN_ASSETS + ON_DEMAND:
        print(f"  {path}: {gzipped([site / path])} bytes gzipped")
    later = gzipped([site / p for p in ON_DEMAND])
    print(f"file tools (Word, text, JSON, rarer actions), loaded on demand: {later} bytes gzipped")

    server, base = serve(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        url = base + "planera/checklista/"
        cases = [
            ("no saved plans", restore_ms(browser, url, None)),
            ("50 plans x 4 x 5,000 chars", restore_ms(browser, url, fifty_plans())),
            ("the same, migrated from v1", restore_ms(browser, url, fifty_plans(old=True))),
        ]
        browser.close()
    server.shutdown()
    for label, times in cases:
        print(
            f"restore, {label}: median {statistics.median(times):.1f} ms "
            f"(min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs)"
        )


if __name__ == "__main__":
    main()
