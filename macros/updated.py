"""When a page's content last changed, for the "Senast uppdaterad" line."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(path: Path) -> dt.date:
    """The date of the last commit that touched ``path``.

    Falls back to the file's modification time when the file is not committed
    (a local edit) or git is not available (an exported copy of the sources).
    """
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        stamp = result.stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout.strip()
        if result.returncode == 0 and stamp and not dirty:
            return dt.date.fromisoformat(stamp)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return dt.date.fromtimestamp(path.stat().st_mtime)
