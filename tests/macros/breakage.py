"""Break a copy of a data file on purpose and collect the error it gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from macros.data import DataError


def error_after_edit(path: Path, old: str, new: str, load: Callable[[Path], Any]) -> DataError:
    """Replace ``old`` (which must be there) by ``new`` in path; return load's DataError."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(path)
    return caught.value
