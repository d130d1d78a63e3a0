"""How long the everyday commands take a newcomer, on a fresh clone.

- the first `make serve`: from the command to the first page answering, with
  the packages already in uv's cache (.venv is created and filled);
- `make test-fast`, with .venv present (linked from this work tree), and the
  CPU time it used (on a busy machine wall time mostly measures the others).

Prints the date, the machine's cores and load average with every figure;
asserts nothing. The README quotes what this prints (`make bench`).
The full suite's time is printed by `bash .ci/run` at its end.

Usage: python benchmarks/commands.py [--skip-serve] [--skip-fast]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def cpu_seconds() -> float:
    """CPU time (user + system) of the finished child processes so far: what a
    command costs whatever else the machine is doing."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def clone(dest: Path) -> Path:
    """A fresh clone of this work tree's HEAD (committed files only)."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True)
    return dest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def first_serve(work: Path) -> float:
    """Seconds from `make serve` on a fresh clone to the first page answering."""
    project = clone(work / "serve")
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while process.poll() is None:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).close()
                return time.monotonic() - started
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"make serve stopped with {process.returncode}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def test_fast(work: Path) -> tuple[float, str]:
    """Seconds of `make test-fast` on a fresh clone with .venv linked in."""
    project = clone(work / "fast")
    venv = ROOT / ".venv"
    if not (venv / ".dev").exists():
        raise SystemExit("Run `make .venv/.dev` first: the fast lane is timed with .venv present.")
    (project / ".venv").symlink_to(venv)
    # make's stamps are older than the fresh clone's locks: keep them newer.
    for stamp in (".created", ".runtime", ".dev"):
        (venv / stamp).touch()
    started = time.monotonic()
    cpu = cpu_seconds()
    result = subprocess.run(
        ["make", "test-fast"], cwd=project, capture_output=True, text=True, check=False
    )
    took = time.monotonic() - started
    cpu = cpu_seconds() - cpu
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-3000:])
        raise SystemExit("make test-fast failed")
    summary = result.stdout.strip().splitlines()[-1].strip("= ")
    return took, f"{cpu:.1f} s of CPU, {summary}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-fast", action="store_true")
    args = parser.parse_args()
    print(f"Commands on a fresh clone, {datetime.now():%Y-%m-%d %H:%M}:")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        if not args.skip_serve:
            before = load()
            seconds = first_serve(work)
            print(f"  first make serve to first page (uv cache warm): {seconds:.1f} s ({before})")
        if not args.skip_fast:
            before = load()
            seconds, summary = test_fast(work)
            print(f"  make test-fast with .venv present: {seconds:.1f} s, {summary} ({before})")
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
