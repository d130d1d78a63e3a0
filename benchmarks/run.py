"""Performance figures for the site, in one run on this machine. Prints;
asserts nothing (targets are printed beside the figures).

- build time, median of several runs, beside a plain Material build of the
  same Markdown with macros (and the site's hooks) off, as a ratio: as a
  later build runs (what the previous build kept: compiled templates, data
  files found valid) and as a first build (an empty TMPDIR each time);
- per page: requests and gzipped bytes of a first visit, with Material's own
  JS/CSS and the site's own JS/CSS apart;
- the checklist's gzipped JS+CSS.

Usage: python benchmarks/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.checklist import OWN_ASSETS, gzipped  # noqa: E402
from scripts.chromium import launch  # noqa: E402
from scripts.serve import StaticServer  # noqa: E402

# A plain Material site: only language: sv and search, and the site's
# Markdown syntax. benchmarks/pages.py compares against the same.
PLAIN_CONFIG = """\
site_name: Kompetensutveckling i VGR
site_url: {url}
theme:
  name: material
  language: sv
  font: false  # Material's default loads Google Fonts: another host
plugins:
  - search  # in the theme's language, sv
markdown_extensions:  # the site's Markdown syntax, nothing of its theme
  - toc:
      permalink: true
  - attr_list
  - md_in_html
  - def_list
  - admonition
  - pymdownx.details
  - pymdownx.superfences
"""


def timed_build(config: Path, dest: Path, temp: Path | None = None) -> float:
    """Seconds for one build; with ``temp`` as TMPDIR (an empty one: a first build)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"TMPDIR": str(temp)} if temp else {})}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
        cwd=config.parent,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def plain_project(work: Path) -> Path:
    """The same Markdown as a plain Material site: no macros, hooks or extras."""
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("data"))
    config = work / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG.format(url="http://127.0.0.1:8000/"), encoding="utf-8")
    return config


def build_times(runs: int, work: Path) -> tuple[list[float], list[float], list[float]]:
    """Later builds of this site, first builds of this site, plain builds."""
    plain = plain_project(work / "plain")
    site_times, first_times, plain_times = [], [], []
    timed_build(ROOT / "mkdocs.yml", work / "warm-site")  # warm-up: imports, caches
    timed_build(plain, work / "warm-plain")
    for i in range(runs):  # alternate, so drift affects all alike
        site_times.append(timed_build(ROOT / "mkdocs.yml", work / f"site-{i}"))
        plain_times.append(timed_build(plain, work / f"plain-{i}"))
        (work / f"tmp-{i}").mkdir()
        first_times.append(timed_build(ROOT / "mkdocs.yml", work / f"first-{i}", work / f"tmp-{i}"))
    return site_times, first_times, plain_times


def load() -> str:
    one, five, fifteen = os.getloadavg()
    when = time.strftime("%Y-%m-%d %H:%M")
    return f"{when}, load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def kind(path: str) -> str:
    if path.startswith("assets/") and path.endswith((".js", ".css")):
        return "material"
    if path.startswith(("javascripts/", "stylesheets/")):
        return "own"
    return "other"


def page_urls(site_dir: Path) -> list[str]:
    """Every page of the build but the 404 page, as URLs relative to the root."""
    urls = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        urls.append(rel[: -len("index.html")])
    return urls


def first_visits(site_dir: Path) -> list[tuple[str, int, dict[str, int]]]:
    """For each page: requests of a first visit and gzipped bytes by kind."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    rows = []
    with StaticServer(site_dir) as server, sync_playwright() as pw:
        base = server.url
        browser = launch(pw)
        for page_url in page_urls(site_dir):
            context = browser.new_context()
            tab = context.new_page()
            seen: list[str] = []
            tab.on("requestfinished", lambda r, seen=seen: seen.append(r.url))
            tab.goto(base + page_url, wait_until="networkidle")
            sizes = {"html": 0, "material": 0, "own": 0, "other": 0}
            for url in seen:
                rel = url[len(base) :].split("?")[0].split("#")[0]
                file = site_dir / rel
                if rel == "" or rel.endswith("/"):
                    file, group = file / "index.html", "html"
                else:
                    group = kind(rel)
                if file.is_file():
                    sizes[group] += len(gzip.compress(file.read_bytes(), compresslevel=6))
            rows.append((page_url or "/", len(seen), sizes))
            context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        site_times, first_times, plain_times = build_times(args.runs, work)
        print(f"Build, median of {args.runs} runs (min-max), {load()}:")
        for label, times in (
            ("this site", site_times),
            ("  first build", first_times),
            ("plain Material", plain_times),
        ):
            print(
                f"  {label:16} {statistics.median(times):6.2f} s  "
                f"({min(times):.2f}-{max(times):.2f})"
            )
        for label, times in (("ratio", site_times), ("  first build", first_times)):
            ratio = statistics.median(s / p for s, p in zip(times, plain_times, strict=True))
            print(f"  {label:16} {ratio:6.2f}x  (target: at most 1.5x)")

        site_dir = work / "site-0"
        print("\nFirst visit per page, gzipped KiB (level 6):")
        print(f"  {'page':36} {'req':>4} {'html':>6} {'Material':>9} {'own':>6} {'other':>6}")
        worst_own = 0
        for url, requests, sizes in first_visits(site_dir):
            worst_own = max(worst_own, sizes["own"])
            print(
                f"  {url:36} {requests:4d} {sizes['html'] / 1024:6.1f} "
                f"{sizes['material'] / 1024:9.1f} {sizes['own'] / 1024:6.1f} "
                f"{sizes['other'] / 1024:6.1f}"
            )
        print(
            f"  site's own JS+CSS on any page, at most: {worst_own / 1024:.1f} KiB "
            "(target: at most 10 KiB above Material's)"
        )
        checklist = gzipped([site_dir / p for p in OWN_ASSETS])
        print(f"\nChecklist JS+CSS gzipped: {checklist / 1024:.1f} KiB (target: at most 10 KiB)")


if __name__ == "__main__":
    main()
