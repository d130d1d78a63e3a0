"""Lighthouse (mobile) on this site beside plain Material, in one run.

Builds a plain Material site of the same two source pages (the start page and
the guideline page, theme with only `language: sv`, plugins only search) and
this site, serves both with deploy/nginx.conf through a real nginx (as
tests/test_nginx.py does; the plain site gets the same CSP, hashed from its own
inline scripts), and runs Lighthouse's mobile audit on each page, the runs
interleaved so that a change in the machine's load hits both alike. Prints the
medians and the ratio to plain, with the machine's load; then the targets of
issue 19: layout shift (CLS) 0 in every run of every page, and the median
Total Blocking Time within plain Material's plus an allowance (the checklist
+50 ms, other pages +100 ms); and where the main thread's time goes (Lighthouse's
main-thread breakdown and script boot-up, medians). Asserts nothing, but stops
if a page requests anything from another host.

Lighthouse comes from benchmarks/lighthouse/ (npm ci there; `make bench-pages`
does it) and drives Debian's Chromium (CHROMIUM=).

Usage: python benchmarks/pages.py [--runs N] [--all]
(--all: every page of this site, each beside plain Material's guideline page)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import PLAIN_CONFIG  # noqa: E402
from hooks.csp import csp_conf_path, write_csp  # noqa: E402
from scripts.build import build_site  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.nginx import NginxServer, bind_loopback  # noqa: E402

LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
ATTEMPTS = 3  # per run, when Lighthouse itself fails
RUNS = 4  # interleaved rounds (issue 19: "4 interleaved rounds against plain Material")

# Issue 19's allowance over plain Material's median TBT, per page of this site.
TBT_ALLOWANCE = {"planera/checklista/": 50.0}
TBT_ALLOWANCE_OTHERS = 100.0

# (label, path on this site, path of the plain page it is compared with)
PAGES = [
    ("start", "", ""),
    ("riktlinjen", "riktlinjen/", "riktlinjen/"),
    ("planera/checklista", "planera/checklista/", "riktlinjen/"),
]


@dataclass
class Result:
    scores: dict[str, float]
    fcp: float  # ms
    lcp: float  # ms
    tbt: float  # ms
    cls: float
    bytes: float
    requests: int
    # Lighthouse's main-thread breakdown (group -> ms) and script boot-up (url -> ms).
    work: dict[str, float] = field(default_factory=dict)
    scripts: dict[str, float] = field(default_factory=dict)


def plain_project(work: Path, url: str) -> Path:
    """The two source pages as a plain Material site (macro calls left out)."""
    docs = work / "docs"
    (docs / "riktlinjen").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "index.md", docs / "index.md")
    guideline = (ROOT / "docs" / "riktlinjen" / "index.md").read_text(encoding="utf-8")
    plain = "\n".join(line for line in guideline.splitlines() if "{{" not in line)
    (docs / "riktlinjen" / "index.md").write_text(plain, encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG.format(url=url), encoding="utf-8")
    return config


def build_plain(config: Path, dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)]
    subprocess.run(command, cwd=config.parent, env=env, check=True, capture_output=True)
    write_csp(dest)


def lighthouse(url: str, out: Path) -> Result:
    """One Lighthouse mobile run (its default form factor and throttling)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        report = json.loads(out.read_text(encoding="utf-8")) if done.returncode == 0 else {}
        if done.returncode == 0 and not report.get("runtimeError"):
            break
        # On a loaded machine Lighthouse sometimes loses its trace (NO_NAVSTART);
        # its own advice is to run it again.
        problem = report.get("runtimeError") or done.stderr.strip().splitlines()[-1:]
        print(f"  Lighthouse failed on {url} (attempt {attempt}): {problem}", flush=True)
    else:
        sys.exit(f"Lighthouse failed {ATTEMPTS} times on {url}:\n{done.stderr[-3000:]}")
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    origin = url.split("/", 3)[:3]
    outside = [r["url"] for r in requests if r["url"].split("/", 3)[:3] != origin]
    outside = [u for u in outside if not u.startswith(("data:", "blob:"))]
    if outside:
        sys.exit(f"{url} requested other hosts: {outside}")
    return Result(
        scores={c: report["categories"][c]["score"] for c in CATEGORIES},
        fcp=audits["first-contentful-paint"]["numericValue"],
        lcp=audits["largest-contentful-paint"]["numericValue"],
        tbt=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=audits["total-byte-weight"]["numericValue"],
        requests=len(requests),
        work={
            item["groupLabel"]: item["duration"]
            for item in audits["mainthread-work-breakdown"]["details"]["items"]
        },
        scripts={
            item["url"].rsplit("/", 1)[-1] or item["url"]: item["total"]
            for item in audits["bootup-time"]["details"]["items"]
        },
    )


def median(results: list[Result]) -> Result:
    def med(values):
        return statistics.median(values)

    return Result(
        scores={c: med([r.scores[c] for r in results]) for c in CATEGORIES},
        fcp=med([r.fcp for r in results]),
        lcp=med([r.lcp for r in results]),
        tbt=med([r.tbt for r in results]),
        cls=med([r.cls for r in results]),
        bytes=med([r.bytes for r in results]),
        requests=round(med([r.requests for r in results])),
        work={k: med([r.work.get(k, 0.0) for r in results]) for k in results[0].work},
        scripts={k: med([r.scripts.get(k, 0.0) for r in results]) for k in results[0].scripts},
    )


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def ratio(site: float, plain: float) -> str:
    if plain == 0:
        return "  =  " if site == 0 else "  ∞  "
    return f"{site / plain:4.2f}x"


def every_page(site_dir: Path) -> list[tuple[str, str, str]]:
    """Every page of the built site (but the 404 page): the start page beside
    plain Material's start page, the others beside its guideline page."""
    pages = [
        p.relative_to(site_dir).as_posix()[: -len("index.html")]
        for p in sorted(site_dir.rglob("index.html"))
    ]
    return [(page or "start", page, page and "riktlinjen/") for page in pages]


def print_table(
    site: dict[str, Result], plain: dict[str, Result], runs: int, pages: list[tuple[str, str, str]]
) -> None:
    head = (
        f"{'page':32} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'FCP':>7} {'LCP':>7} "
        f"{'TBT':>7} {'CLS':>6} {'KiB':>7} {'req':>4}"
    )
    print(f"\nLighthouse mobile, median of {runs} runs per page (nginx, deploy/nginx.conf):")
    print(head)
    print("-" * len(head))

    def row(label: str, r: Result) -> str:
        s = r.scores
        return (
            f"{label:32} {s['performance']:5.2f} {s['accessibility']:5.2f} "
            f"{s['best-practices']:5.2f} {s['seo']:5.2f} {r.fcp / 1000:6.2f}s {r.lcp / 1000:6.2f}s "
            f"{r.tbt:5.0f}ms {r.cls:6.3f} {r.bytes / 1024:7.1f} {r.requests:4d}"
        )

    for _, site_path, plain_path in pages:
        p, s = plain[plain_path], site[site_path]
        print(row(f"plain /{plain_path}", p))
        print(row(f"this site /{site_path}", s))
        print(
            f"{'  ratio to plain':32} {'':5} {'':5} {'':5} {'':5} {ratio(s.fcp, p.fcp):>7} "
            f"{ratio(s.lcp, p.lcp):>7} {ratio(s.tbt, p.tbt):>7} {'':6} "
            f"{ratio(s.bytes, p.bytes):>7} {ratio(s.requests, p.requests):>4}"
        )
    print("KiB: transferred (gzip), as Lighthouse counts it; req: requests of the page load.")


def print_targets(
    found: dict[tuple[str, str], list[Result]], pages: list[tuple[str, str, str]]
) -> None:
    """Issue 19's targets, page by page: CLS 0 in every run, median TBT within
    plain Material's plus the allowance."""
    print("\nTargets (issue 19): CLS 0 in every run; median TBT <= plain + allowance")
    head = f"{'page':24} {'CLS per run':28} {'TBT':>7} {'plain':>7} {'over':>7} {'allowed':>8}  met"
    print(head)
    print("-" * len(head))
    for label, site_path, plain_path in pages:
        runs = found[("site", site_path)]
        tbt = statistics.median(r.tbt for r in runs)
        plain_tbt = statistics.median(r.tbt for r in found[("plain", plain_path)])
        allowed = TBT_ALLOWANCE.get(site_path, TBT_ALLOWANCE_OTHERS)
        cls = " ".join(f"{r.cls:.3f}" for r in runs)
        met = all(r.cls == 0 for r in runs) and tbt - plain_tbt <= allowed
        print(
            f"{label:24} {cls:28} {tbt:5.0f}ms {plain_tbt:5.0f}ms {tbt - plain_tbt:+5.0f}ms "
            f"{allowed:+6.0f}ms  {'yes' if met else 'NO'}"
        )


def print_work(site: dict[str, Result], plain: dict[str, Result], pages) -> None:
    """Where the main thread's time goes (Lighthouse's 4x CPU slowdown), medians."""
    columns = [(f"plain /{p}", plain[p]) for p in dict.fromkeys(p for _, _, p in pages)]
    columns += [(f"/{s}", site[s]) for _, s, _ in pages]
    groups = sorted(
        {g for _, r in columns for g in r.work},
        key=lambda g: -max(r.work.get(g, 0) for _, r in columns),
    )
    print("\nMain-thread work, ms (Lighthouse's breakdown, median):")
    print(f"{'':28}" + "".join(f"{name[-20:]:>21}" for name, _ in columns))
    for group in groups:
        print(f"{group[:28]:28}" + "".join(f"{r.work.get(group, 0):21.0f}" for _, r in columns))
    print(f"{'total':28}" + "".join(f"{sum(r.work.values()):21.0f}" for _, r in columns))
    print("\nScript boot-up, ms (evaluation + parse/compile, median), by file:")
    for name, r in columns:
        top = sorted(r.scripts.items(), key=lambda kv: -kv[1])[:5]
        print(f"  {name:26} " + ", ".join(f"{k} {v:.0f}" for k, v in top))


# --- Main-thread CPU time from a Chromium trace ---------------------------------
# Lighthouse times tasks by the wall clock: on a busy machine a task that waits
# for a core looks long. A trace also records each event's thread time (tdur):
# the CPU the page's main thread used. From it: time by kind of work, and the
# blocking time the tasks would have at Lighthouse's 4x slowdown,
# sum(max(0, 4 x task - 50 ms)) over the tasks from first paint on.
CPU_SLOWDOWN = 4
KINDS = {
    "script": ("EvaluateScript", "FunctionCall", "TimerFire", "EventDispatch", "v8.compile"),
    "style+layout": ("UpdateLayoutTree", "Layout"),
    "parse HTML": ("ParseHTML",),
    "paint": ("Paint", "PrePaint", "Layerize"),
}
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"]


def cpu_work(browser, url: str, trace: Path) -> dict[str, float]:
    """One load of url (phone-sized window); ms of main-thread CPU by kind."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, locale="sv-SE")
    page = context.new_page()
    try:
        browser.start_tracing(page=page, path=str(trace), categories=TRACE_CATEGORIES)
        page.goto(url, wait_until="load")
        page.evaluate("() => new Promise(r => requestIdleCallback(r, { timeout: 2000 }))")
        browser.stop_tracing()
    finally:
        context.close()
    data = json.loads(trace.read_text(encoding="utf-8"))
    events = data["traceEvents"] if isinstance(data, dict) else data
    threads: dict[tuple, int] = {}
    for e in events:
        if e.get("name") == "ParseHTML":
            key = (e["pid"], e["tid"])
            threads[key] = threads.get(key, 0) + 1
    main_thread = max(threads, key=threads.get)
    mine = [e for e in events if (e.get("pid"), e.get("tid")) == main_thread]
    fcp = min(
        (e["ts"] for e in mine if e.get("name") == "firstContentfulPaint"),
        default=min(e["ts"] for e in mine if "ts" in e),
    )
    timed = [e for e in mine if e.get("ph") == "X" and "tdur" in e]
    found = {kind: 0.0 for kind in KINDS}
    for e in timed:
        for kind, names in KINDS.items():
            if e["name"] in names:
                found[kind] += e["tdur"] / 1000
    tasks = [e for e in timed if e["name"] in TASKS]
    found["all tasks"] = sum(e["tdur"] for e in tasks) / 1000
    found["longest task"] = max((e["tdur"] for e in tasks), default=0) / 1000
    found["blocking at 4x"] = sum(
        max(0.0, CPU_SLOWDOWN * e["tdur"] / 1000 - 50) for e in tasks if e["ts"] >= fcp
    )
    return found


def print_cpu(found: dict[tuple[str, str], list[dict[str, float]]]) -> None:
    kinds = [*KINDS, "all tasks", "longest task", "blocking at 4x"]
    print("\nMain-thread CPU time, ms (thread time from a Chromium trace, median; phone size):")
    print(f"{'page':30}" + "".join(f"{k:>15}" for k in kinds))
    for (kind, path), runs in found.items():
        label = f"{kind} /{path}"
        print(
            f"{label[:30]:30}"
            + "".join(f"{statistics.median(r[k] for r in runs):15.0f}" for k in kinds)
        )
    print(
        "blocking at 4x: sum(max(0, 4 x task - 50 ms)) over tasks from first paint on"
        " (a task before the first paint does not count, as in Lighthouse's TBT)."
    )


def measure_cpu(urls: dict[str, str], targets, runs: int, work: Path) -> None:
    from playwright.sync_api import sync_playwright

    from scripts.chromium import launch

    found: dict[tuple[str, str], list[dict[str, float]]] = {t: [] for t in targets}
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            for _ in range(runs):
                for kind, path in targets:  # interleaved like Lighthouse's runs
                    found[(kind, path)].append(
                        cpu_work(browser, urls[kind] + path, work / "trace.json")
                    )
        finally:
            browser.close()
    print_cpu(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--all", action="store_true", help="every page of this site")
    parser.add_argument(
        "--cpu-only", action="store_true", help="only the main-thread CPU time (no Lighthouse)"
    )
    args = parser.parse_args()
    if not args.cpu_only and not LIGHTHOUSE.exists():
        sys.exit(
            "Lighthouse is not installed: run `make bench-pages` (npm ci in benchmarks/lighthouse)."
        )
    print(f"Start: {load()}")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        work = Path(tmp)
        sockets = {"site": bind_loopback(), "plain": bind_loopback()}
        urls = {k: f"http://127.0.0.1:{s.getsockname()[1]}/" for k, s in sockets.items()}

        site_dir = work / "site"
        built = build_site(site_dir, {"SITE_URL": urls["site"]})
        if built.returncode:
            sys.exit(f"site build failed:\n{built.stderr}")
        plain_dir = work / "plain-site"
        build_plain(plain_project(work / "plain", urls["plain"]), plain_dir)

        (work / "nginx-site").mkdir()
        (work / "nginx-plain").mkdir()
        with (
            NginxServer(
                site_dir, csp_conf_path(str(site_dir)), work / "nginx-site", sockets["site"]
            ),
            NginxServer(
                plain_dir, csp_conf_path(str(plain_dir)), work / "nginx-plain", sockets["plain"]
            ),
        ):
            pages = every_page(site_dir) if args.all else PAGES
            targets = [("plain", p) for p in dict.fromkeys(p for _, _, p in PAGES)]
            targets += [("site", s) for _, s, _ in pages]
            measure_cpu(urls, targets, args.runs, work)
            found: dict[tuple[str, str], list[Result]] = {t: [] for t in targets}
            for run in range(0 if args.cpu_only else args.runs):
                for kind, path in targets:  # interleaved: plain, site, plain, site …
                    result = lighthouse(urls[kind] + path, work / "report.json")
                    found[(kind, path)].append(result)
                    print(
                        f"  run {run + 1}/{args.runs} {kind:5} /{path:22} "
                        f"perf {result.scores['performance']:.2f} "
                        f"LCP {result.lcp / 1000:.2f}s TBT {result.tbt:.0f}ms",
                        flush=True,
                    )
    if not args.cpu_only:
        plain = {p: median(found[("plain", p)]) for kind, p in found if kind == "plain"}
        site = {s: median(found[("site", s)]) for kind, s in found if kind == "site"}
        print_table(site, plain, args.runs, pages)
        print_targets(found, pages)
        print_work(site, plain, pages)
    print(f"End: {load()}; {time.monotonic() - started:.0f} s in all.")
    print("Pages other than the start page are compared with plain Material's guideline page.")


if __name__ == "__main__":
    main()
