"""Content-Security-Policy for the built site, written at build time.

The theme has inline scripts (settings, colour scheme). Instead of allowing
'unsafe-inline', every inline script in the build is hashed and the hashes are
written into an nginx snippet next to the site directory, e.g. ``site`` ->
``site-csp.conf``, which ``deploy/security-headers.conf`` includes.

``CSP_FRAME_ANCESTORS`` (default ``'self'``) says who may show the site in a
frame: for intranet embedding set it to the intranet's origin, e.g.
``CSP_FRAME_ANCESTORS="'self' https://intranat.example"``.

Runs as a hook after ``mkdocs build``, and from scripts/build.py.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
# Data blocks are never executed, so CSP does not govern them.
DATA_TYPE = re.compile(r'type="(?!text/javascript|module)[^"]+"')


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-…') for the inline scripts of a page."""
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or DATA_TYPE.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def policy(hashes: set[str], frame_ancestors: str) -> str:
    """The whole policy: only this site, inline scripts by hash only."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(sorted(hashes)),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def csp_conf_path(site_dir: str) -> Path:
    """Where the snippet goes: beside the site directory."""
    return Path(os.path.normpath(site_dir) + "-csp.conf")


def write_csp(site_dir: Path) -> Path:
    """Hash the inline scripts of every page and write the nginx snippet."""
    hashes: set[str] = set()
    for page in sorted(site_dir.rglob("*.html")):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    ancestors = os.environ.get("CSP_FRAME_ANCESTORS", "'self'")
    target = csp_conf_path(str(site_dir))
    target.write_text(
        "# Written by the site build (hooks/csp.py). Do not edit: rebuild.\n"
        f'add_header Content-Security-Policy "{policy(hashes, ancestors)}" always;\n',
        encoding="utf-8",
    )
    return target


def on_post_build(config: MkDocsConfig) -> None:
    write_csp(Path(config.site_dir))
