"""When a page last changed, for its "Sidan uppdaterad" line: the newest date of
the files the page is made from (its Markdown and the data files it shows)."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


@functools.cache
def _toplevel(folder: Path) -> Path | None:
    top = _git(["rev-parse", "--show-toplevel"], folder)
    return Path(top.strip()) if top else None


@functools.cache
def _history(root: Path) -> tuple[dict[Path, dt.date], frozenset[Path]] | None:
    """One pass over the history: the last commit date of every file, and the
    files with uncommitted changes."""
    log = _git(["log", "--format=%x00%cs", "--name-only", "--no-renames"], root)
    status = _git(["status", "--porcelain", "--untracked-files=all"], root)
    if log is None or status is None:
        return None
    dates: dict[Path, dt.date] = {}
    for entry in log.split("\0")[1:]:
        stamp, *names = entry.strip().splitlines()
        day = dt.date.fromisoformat(stamp)
        for name in names:
            dates.setdefault(root / name, day)  # newest first: keep the first seen
    dirty = frozenset(root / line[3:].strip().strip('"') for line in status.splitlines())
    return dates, dirty


def _repository_dates(folder: Path) -> tuple[dict[Path, dt.date], frozenset[Path]] | None:
    """History of the checkout that holds folder; None outside a git checkout."""
    root = _toplevel(folder)
    return _history(root) if root else None


def read_in_background(folder: Path) -> Callable[[], None]:
    """Start reading the history of every folder under ``folder`` that holds
    pages or data (git runs while the build reads its files); returns the
    function that waits until it is read."""
    folders = [folder, *(p for p in sorted(folder.rglob("*")) if p.is_dir())]
    wanted = [f.resolve() for f in folders if any(f.glob("*.md")) or any(f.glob("*.yml"))]

    def read() -> None:
        for each in wanted:
            _repository_dates(each)

    thread = threading.Thread(target=read, name="git-history", daemon=True)
    thread.start()
    return thread.join


def clear_cache() -> None:
    """Forget what was read from git (tests; a long-running serve)."""
    _toplevel.cache_clear()
    _history.cache_clear()


def last_changed(path: Path) -> dt.date:
    """The date of the last commit that touched ``path``.

    Falls back to the file's modification time when the file has uncommitted
    changes (a local edit) or there is no git history (an exported copy).
    """
    path = path.resolve()
    known = _repository_dates(path.parent)
    if known is not None:
        dates, dirty = known
        if path in dates and path not in dirty:
            return dates[path]
    return dt.date.fromtimestamp(path.stat().st_mtime)


def page_dates(sources: dict[str, list[Path]]) -> dict[str, str]:
    """Each page's date (ISO), the last change of any file it is made from."""
    return {page: max(map(last_changed, files)).isoformat() for page, files in sources.items()}
