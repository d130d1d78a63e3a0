"""Build the offline copy and write it as one zip.

Usage: python scripts/offline.py [ZIP]   (default: dist/kompetensutveckling-offline.zip)

The zip holds one folder, kompetensutveckling/; unzip it anywhere and open
index.html. Built with Material's offline plugin (OFFLINE=true) and the
vendored iframe-worker shim, so nothing is requested from another host.

The copy names no local address: without a public SITE_URL (unset, or a
loopback address such as the default http://127.0.0.1:8000/) it is built with
no site address at all, so pages carry no canonical link and the link page
shows page paths. With a public SITE_URL the copy is a build for publication,
held back by the same gate as any (macros/publication.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.publication import is_public  # noqa: E402
from scripts.build import build_site  # noqa: E402

FOLDER = "kompetensutveckling"


def offline_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The build's environment: the offline plugin on; SITE_URL kept only
    when it is a public address (an empty one means no site address)."""
    site_url = (os.environ if environ is None else environ).get("SITE_URL", "")
    return {"OFFLINE": "true", "SITE_URL": site_url if is_public(site_url) else ""}


def build_offline(dest: Path) -> None:
    """Run the strict build with the offline plugin enabled into dest."""
    result = build_site(dest, offline_env())
    if result.returncode:
        sys.exit(f"offline build failed:\n{result.stderr}")


# Files a copy opened from file:// has no use for: 404.html serves a web
# server's missing pages with root-relative links (from file:// it is never
# shown and could not load its assets); the sitemaps list public addresses
# (none without SITE_URL); source maps are for the theme's developers (and
# Material's mentions localhost).
LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def left_out(path: Path) -> bool:
    return path.name in LEFT_OUT or path.suffix == ".map"


def write_zip(site: Path, target: Path) -> int:
    """Zip the built site under one folder; return the number of files."""
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file() and not left_out(p))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
    return len(files)


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / f"{FOLDER}-offline.zip"
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site = Path(tmp) / FOLDER
        build_offline(site)
        count = write_zip(site, target)
    print(f"{target} ({count} files, {target.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
