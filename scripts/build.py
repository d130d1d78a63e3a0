"""Build the site from Python, and run the steps that follow a build.

    python scripts/build.py [SITE_DIR]                    mkdocs build --strict
    python scripts/build.py --engine zensical [--offline] zensical build, then the steps
    python scripts/build.py --post-build SITE_DIR [--offline]

The hooks in mkdocs.yml run the post-build steps after ``mkdocs build``.
``--post-build`` runs the same functions on a site another generator has
written, for one that does not run mkdocs.yml's hooks (Zensical ignores
``hooks:``): Material's markup fixes, the vendored offline shim (``--offline``),
compacted scripts and styles (inlined and merged), the CSP hashes, and the check that every address
in links.yml exists. One implementation, two callers. After each step a check
(hooks/checks.py) makes sure the step found what it changes; if not, the
build stops with one line naming the step.

``--engine zensical`` runs Zensical (installed in .venv-zensical by ``make
build ENGINE=zensical``) on the same mkdocs.yml. Zensical writes into the
project's own ``site/`` (it refuses a site_dir outside the project), so
SITE_DIR must be left out; run this file with that venv's Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks import checks  # noqa: E402
from hooks.compact_assets import compact_site  # noqa: E402
from hooks.csp import write_csp  # noqa: E402
from hooks.offline import use_local_shim  # noqa: E402
from hooks.page_assets import AssetStepFailed, process_site  # noqa: E402
from hooks.theme_fixes import ThemeMarkupChanged, fix_site  # noqa: E402
from macros.data import DataError  # noqa: E402
from macros.downloads.build import build_downloads, write_downloads  # noqa: E402
from macros.publication import check_build  # noqa: E402
from macros.site import Site, check_built_site, stop  # noqa: E402
from scripts.zensical_search import translate_search  # noqa: E402


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


# Zensical's theme already names its search dialog ("Sök"); the site names it
# "Sök på webbplatsen" in both builds, so that markup is first brought back to
# Material's, which theme_fixes.py then fixes as it does for MkDocs.
ZENSICAL_MARKUP = [
    (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Sök">',
        '<div class="md-search" data-md-component="search" role="dialog">',
    ),
]


def zensical_build(extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``zensical build --strict`` on mkdocs.yml into ROOT/site."""
    env = {**os.environ, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def site_url() -> str:
    """mkdocs.yml's site_url as both engines read it: SITE_URL, else its default."""
    return str(mkdocs_setting("site_url"))


def preflight(docs_dir: Path = ROOT / "docs") -> str | None:
    """What the macros check at build start (every data file, the downloads'
    data, the publication gate), run before Zensical: Zensical shows an error
    raised inside it as a long traceback, MkDocs as the one line. Returns that
    line, or None when the build may go on."""
    try:
        Site.load(docs_dir)
        build_downloads(docs_dir, site_name())
        check_build(site_url(), docs_dir / "data")
    except DataError as err:
        return str(stop(err).code)
    except SystemExit as gate:
        return str(gate.code)
    return None


def as_material_markup(site_dir: Path) -> None:
    """Zensical's few differences in markup, made Material's (see ZENSICAL_MARKUP)."""
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        fixed = html
        for theirs, material in ZENSICAL_MARKUP:
            fixed = fixed.replace(theirs, material)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")


def mkdocs_setting(name: str) -> object:
    """One setting of mkdocs.yml, with its !ENV tag read as the engines read it
    (the first variable set, else the default); other tags are not needed here."""

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        *names, default = loader.construct_sequence(node)
        return next((os.environ[n] for n in names if os.environ.get(n)), default)

    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", env)
    loader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), loader)[name]


def site_name() -> str:
    """mkdocs.yml's site_name."""
    return str(mkdocs_setting("site_name"))


def post_build(site_dir: Path, offline: bool = False, docs_dir: Path = ROOT / "docs") -> None:
    """The steps after a build, in the order the hooks run them, each followed
    by its check. The offline copy has no directory URLs (page.html, not page/).
    The downloads first: MkDocs' macros wrote them already (the same bytes),
    Zensical does not run the macros' on_post_build."""
    write_downloads(build_downloads(docs_dir, site_name()), site_dir)
    as_material_markup(site_dir)
    fix_site(site_dir)
    checks.check_theme_fixes(site_dir)
    if offline:
        use_local_shim(site_dir)
        checks.check_offline(site_dir)
    write_csp(site_dir)
    checks.check_csp(site_dir)
    compact_site(site_dir)
    checks.check_compact(site_dir)
    process_site(site_dir)
    checks.check_page_assets(site_dir)
    # The CSP again: inlining styles and merging scripts changed no inline
    # script, so the hashes written above still hold (checked, not assumed).
    checks.check_csp(site_dir)
    check_built_site(Site.load(docs_dir), site_dir, directory_urls=not offline)


# The errors a step raises when the pages do not have what it changes.
STEP_ERRORS = (
    checks.StepFailed,
    ThemeMarkupChanged,
    AssetStepFailed,
    FileNotFoundError,
)


def run_post_build(site_dir: Path, offline: bool) -> int:
    """post_build with one line on stderr, not a traceback, when a step fails."""
    try:
        post_build(site_dir, offline=offline)
    except STEP_ERRORS as err:
        sys.stderr.write(f"The steps after the build stopped: {err}\n")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--post-build", action="store_true", help="only the steps after a build")
    parser.add_argument("--offline", action="store_true", help="the site is an offline copy")
    parser.add_argument(
        "--engine", choices=("mkdocs", "zensical"), default="mkdocs", help="the generator"
    )
    args = parser.parse_args(argv)
    offline_env = {"OFFLINE": "true"} if args.offline else None
    if args.post_build:
        return run_post_build(args.site_dir.resolve(), offline=args.offline)
    if args.engine == "zensical":
        if args.site_dir.resolve() != ROOT / "site":
            parser.error("Zensical writes into the project's site/: leave SITE_DIR out")
        stop = preflight()
        if stop:
            sys.stderr.write(stop + "\n")
            return 1
        result = zensical_build(offline_env)
        sys.stderr.write(result.stdout + result.stderr)
        if result.returncode != 0:
            return result.returncode
        try:
            translate_search(ROOT / "site")
        except checks.StepFailed as err:
            sys.stderr.write(f"The steps after the build stopped: {err}\n")
            return 1
        return run_post_build(ROOT / "site", offline=args.offline)
    result = build_site(args.site_dir.resolve(), offline_env)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
