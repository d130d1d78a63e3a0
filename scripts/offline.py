"""Build the offline copy and write it as one zip.

Usage: python scripts/offline.py [ZIP]   (default: dist/kompetensutveckling-offline.zip)

The zip holds one folder, kompetensutveckling/; unzip it anywhere and open
index.html. Built with Material's offline plugin (OFFLINE=true) and the
vendored iframe-worker shim, so nothing is requested from another host.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build import build_site  # noqa: E402

FOLDER = "kompetensutveckling"


def build_offline(dest: Path) -> None:
    """Run the strict build with the offline plugin enabled into dest."""
    result = build_site(dest, {"OFFLINE": "true"})
    if result.returncode:
        sys.exit(f"offline build failed:\n{result.stderr}")


def write_zip(site: Path, target: Path) -> int:
    """Zip the built site under one folder; return the number of files."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # 404.html serves a web server's missing pages with root-relative links:
    # from file:// it is never shown and could not load its assets, so leave it out.
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != "404.html")
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
