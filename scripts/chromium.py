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

# Chromium on Linux takes its interface language (which also sets how a date
# field reads: åååå-mm-dd) from the environment, and needs Debian's
# chromium-l10n for Swedish; without it, it falls back to American English.
SWEDISH_ENV = {"LANGUAGE": "sv", "LANG": "sv_SE.UTF-8"}

MISSING = (
    f"No Chromium at {CHROMIUM}: the tests drive Debian's Chromium there. Install it as "
    "root: apt-get install chromium chromium-l10n (or, as root, make test "
    "INSTALL_SYSTEM_DEPS=1). Set CHROMIUM=/path/to/chromium to use another build."
)


def launch(playwright, **options):
    """Start Chromium headless through Playwright with the shared flags, in
    Swedish. Give contexts locale="sv-SE" and timezone_id="Europe/Stockholm"."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(MISSING)
    env = {**os.environ, **SWEDISH_ENV}
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=env, **options
    )
