"""A private folder where a build leaves what the next build can use again:
compiled widget templates, and the data files already found valid.

Only speed depends on it. Each entry is found by a hash of everything its
result depends on, so a changed file is never served from it; without the
folder (no writable temp folder, or one another user could change) every
build does all the work and gives the same result. Set ``TMPDIR`` to an empty
folder to see a first build's time (benchmarks/run.py does).
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from pathlib import Path

import jinja2
import jinja2.bccache


@functools.cache
def store_dir() -> Path | None:
    """``$TMPDIR/vgr-kompetensutveckling-UID``, open to this user only; None
    when it cannot be had safely."""
    if not hasattr(os, "getuid"):
        return None
    path = Path(tempfile.gettempdir()) / f"vgr-kompetensutveckling-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    private = stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o700
    return path if private and info.st_uid == os.getuid() else None


def clear_cache() -> None:
    """Look for the folder again (tests that point ``TMPDIR`` elsewhere)."""
    store_dir.cache_clear()


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in a file per template (used while
    the template's source is unchanged), which never fails a build: a damaged
    entry is compiled again, a folder that cannot be written is passed over.
    The widget templates (macros/templates.py) and the theme's
    (hooks/theme_templates.py) both use it."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)
