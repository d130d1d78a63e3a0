"""Build the site from Python, and run the steps that follow a build.

    python scripts/build.py [SITE_DIR]                    mkdocs build --strict
    python scripts/build.py --post-build SITE_DIR [--offline]

The hooks in mkdocs.yml run the post-build steps after ``mkdocs build``.
``--post-build`` runs the same functions on a site another generator has
written, for one that does not run mkdocs.yml's hooks (Zensical ignores
``hooks:``): Material's markup fixes, the vendored offline shim (``--offline``),
compacted scripts and styles (inlined and merged), the CSP hashes, and the check that every address
in links.yml exists. One implementation, two callers.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.compact_assets import compact_site  # noqa: E402
from hooks.csp import write_csp  # noqa: E402
from hooks.offline import use_local_shim  # noqa: E402
from hooks.page_assets import process_site  # noqa: E402
from hooks.theme_fixes import fix_site  # noqa: E402
from macros.site import Site, check_built_site  # noqa: E402


def build_site(dest: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` into dest and return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def post_build(site_dir: Path, offline: bool = False, docs_dir: Path = ROOT / "docs") -> None:
    """The steps after a build, in the order the hooks run them. The offline
    copy has no directory URLs (page.html, not page/)."""
    fix_site(site_dir)
    if offline:
        use_local_shim(site_dir)
    write_csp(site_dir)
    compact_site(site_dir)
    process_site(site_dir)
    check_built_site(Site.load(docs_dir), site_dir, directory_urls=not offline)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--post-build", action="store_true", help="only the steps after a build")
    parser.add_argument("--offline", action="store_true", help="the site is an offline copy")
    args = parser.parse_args(argv)
    if args.post_build:
        post_build(args.site_dir.resolve(), offline=args.offline)
        return 0
    result = build_site(args.site_dir.resolve(), {"OFFLINE": "true"} if args.offline else None)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
