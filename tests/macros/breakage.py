"""Break a copy of a data file on purpose and collect the error it gives."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from macros.data import DataError
from tests.conftest import ROOT

DATA = ROOT / "docs" / "data"


def copy_data_file(folder: Path, name: str, schema: str) -> Path:
    """A writable copy of docs/data/NAME beside its schema; returns the copy."""
    for file in (name, schema):
        shutil.copy(DATA / file, folder / file)
    return folder / name


def error_after_edit(path: Path, old: str, new: str, load: Callable[[Path], Any]) -> DataError:
    """Replace ``old`` (which must be there) by ``new`` in path; return load's DataError."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(path)
    return caught.value
