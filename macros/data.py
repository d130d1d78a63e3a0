"""Loading and validating the YAML data files the site is built from.

Every problem is raised as a DataError that names the file, the field (as a
path such as ``questions[1].sub_questions[0].text``) and what is wrong, so an
editor who breaks a data file sees where at the start of the build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
import yaml

# libyaml's safe loader when PyYAML was built with it: same result, faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(Exception):
    """A data file is missing, malformed or does not follow its schema."""

    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: {field or '(hela filen)'}: {problem}")


def field_path(parts: Iterable[Any]) -> str:
    """Join a JSON path (keys and indexes) into ``a.b[0].c`` form."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning I/O and syntax errors into DataError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(path, "", f"kan inte läsas ({err.strerror})") from err
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"rad {mark.line + 1}, kolumn {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(path, where, f"ogiltig YAML: {problem}") from err


def validate(data: Any, schema: dict[str, Any], path: Path) -> None:
    """Check data against a JSON Schema; raise DataError for the first error."""
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        raise DataError(path, field_path(err.absolute_path), err.message)


def check_unique_ids(items: Iterable[tuple[str, str]], path: Path) -> None:
    """Raise DataError if an id is used twice; items are (field, id) pairs."""
    seen: dict[str, str] = {}
    for field, ident in items:
        if ident in seen:
            raise DataError(path, field, f"id '{ident}' används redan i {seen[ident]}")
        seen[ident] = field


def load(path: Path, schema_path: Path) -> Any:
    """Read a YAML data file and validate it against its JSON Schema."""
    data = read_yaml(path)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validate(data, schema, path)
    return data
