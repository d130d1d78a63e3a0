"""Debian's headless Chromium, launched one way by tests, benchmarks and screenshots.

CHROMIUM= names another build; the default is Debian's /usr/bin/chromium
(Playwright's own browser download does not work on the machines we run on).
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

# No sandbox (CI runs as root), no GPU, and none of Chromium's own traffic to
# other hosts: the site must work without any, and a closed network refuses it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

MISSING = (
    f"No Chromium at {CHROMIUM}. Run `make test` (as root it installs Debian's chromium), "
    "or install it as root: apt-get install chromium. "
    "Set CHROMIUM=/path/to/chromium to use another build."
)


def launch(playwright, **options):
    """Start Chromium headless through Playwright with the shared flags."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(MISSING)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, **options)
