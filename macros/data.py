"""Reading the site's YAML data files and pages, with errors an editor can act on.

Every problem is a DataError whose text is one Swedish line: the file, the line
(counted from 1), the field (list positions counted from 1, e.g.
``questions nr 2 › text``) and what is wrong. That holds for YAML syntax, for a
key written twice, for a file not saved as UTF-8 and for schema errors, whose
messages are translated here (``messages.yml``) instead of shown in
jsonschema's English. A schema can give its own message for a rule with
``"errorMessage": {"pattern": "…"}`` (a regular expression is never shown).

A data file says which schema it follows on its first line, as the YAML
language server reads it: ``# yaml-language-server: $schema=NAME.schema.json``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from . import store

if TYPE_CHECKING:
    import jsonschema.exceptions

Where = tuple[str | int, ...]

# libyaml's safe loader when PyYAML was built with it: same result, faster.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$", re.MULTILINE)
# Schema keywords that describe rather than check.
_ANNOTATIONS = {"$schema", "$id", "$defs", "$ref", "title", "description", "errorMessage"}


@functools.cache
def messages() -> dict[str, Any]:
    """The Swedish messages for editors (macros/messages.yml)."""
    path = Path(__file__).with_name("messages.yml")
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_BASE_LOADER)  # noqa: S506


def message(name: str, /, **values: Any) -> str:
    """One message by its dotted name, e.g. ``schema.required``, filled in."""
    text: Any = messages()
    for part in name.split("."):
        text = text[part]
    return str(text).format(**values)


def display_path(path: Path | str) -> str:
    """A file as an editor finds it: relative to the working folder when inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def field_name(where: Iterable[str | int]) -> str:
    """A field as an editor reads it: ``questions nr 2 › text`` (lists count from 1)."""
    parts: list[str] = []
    for part in where:
        if isinstance(part, int) and parts:
            parts[-1] = message("where.item", name=parts[-1], number=part + 1)
        else:
            parts.append(str(part))
    return message("where.separator").join(parts)


def or_list(items: Iterable[str]) -> str:
    """``a, b eller c``."""
    names = [f"”{i}”" for i in items]
    if len(names) < 2:
        return "".join(names)
    return message("where.list", items=", ".join(names[:-1]), last=names[-1])


class DataError(Exception):
    """A data file or page is missing, malformed or breaks a rule."""

    def __init__(
        self, path: Path | str, field: str = "", problem: str = "", line: int | None = None
    ) -> None:
        self.path = str(path)
        self.field = field
        self.problem = problem
        self.line = line
        parts = [display_path(path)]
        if line:
            parts.append(message("where.line", line=line))
        if field:
            parts.append(message("where.field", field=field))
        super().__init__(", ".join(parts) + ": " + problem)


def read_text(path: Path) -> str:
    """A file's text (UTF-8, with or without a byte order mark); a file not
    saved as UTF-8 is named, with the line."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError(path, "", message("file.unreadable", reason=err.strerror)) from None
    try:
        # A byte order mark (some Windows editors write one) is not part of the text.
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(path, "", message("file.not_utf8"), line) from None


class _DuplicateKey(Exception):
    def __init__(self, node: yaml.Node, key: str, first: int, second: int) -> None:
        super().__init__(key)
        self.node, self.key, self.first, self.second = node, key, first, second


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a key written twice in one mapping (PyYAML
    would keep the last one silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise _DuplicateKey(node, key_node.value, seen[key_node.value], line)
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def _positions(root: yaml.Node | None) -> tuple[dict[Where, int], dict[int, Where]]:
    """The line (from 1) of every key and list item, and each node's field path."""
    lines: dict[Where, int] = {(): 1}
    paths: dict[int, Where] = {}
    stack: list[tuple[yaml.Node, Where]] = [(root, ())] if root is not None else []
    while stack:
        node, where = stack.pop()
        if id(node) in paths:
            continue  # an alias: already walked
        paths[id(node)] = where
        if isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                key = where + (key_node.value,)
                lines[key] = key_node.start_mark.line + 1
                stack.append((value, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                lines[where + (index,)] = value.start_mark.line + 1
                stack.append((value, where + (index,)))
    return lines, paths


def _yaml_problem(err: yaml.YAMLError) -> str:
    problem = str(getattr(err, "problem", "") or "")
    for start, swedish in messages()["yaml"]["problems"].items():
        if problem.startswith(start):
            return message("yaml.syntax", problem=swedish)
    return message("yaml.syntax", problem=message("yaml.unknown_problem"))


@dataclass
class Document:
    """A parsed data file: its data, and where each field stands in the file."""

    path: Path
    data: Any
    lines: dict[Where, int] = field(default_factory=dict)

    def line(self, where: Where) -> int:
        """The line of a field, or of the nearest enclosing one that is there."""
        where = tuple(where)
        while where not in self.lines:
            where = where[:-1]
        return self.lines[where]

    def error(self, where: Where, name: str, /, **values: Any) -> DataError:
        """A DataError at a field, with a message from messages.yml."""
        return DataError(self.path, field_name(where), message(name, **values), self.line(where))


def parse_yaml(path: Path) -> Document:
    """Parse a YAML file into a Document; every problem becomes a DataError."""
    loader = _Loader(read_text(path))
    try:
        node = loader.get_single_node()
        lines, paths = _positions(node)
        data = loader.construct_document(node) if node is not None else None
    except _DuplicateKey as dup:
        where = paths[id(dup.node)] + (dup.key,)
        problem = message("yaml.duplicate_key", key=dup.key, first=dup.first, second=dup.second)
        raise DataError(path, field_name(where), problem, dup.second) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataError(path, "", _yaml_problem(err), mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()
    return Document(path, data, lines)


def declared_schema(path: Path) -> str | None:
    """The schema a data file names on its ``yaml-language-server`` line."""
    match = _MODELINE.search(read_text(path)[:2000])
    return match.group(1) if match else None


def _kind(value: Any) -> str:
    """The schema type name of a value."""
    for name, kind in (("boolean", bool), ("integer", int), ("number", float), ("string", str)):
        if isinstance(value, kind):
            return name
    return {list: "array", dict: "object"}.get(type(value), "null")


def _translate(err: jsonschema.exceptions.ValidationError) -> tuple[Where, str]:
    """Where a schema error is, and what is wrong in Swedish."""
    where: Where = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    custom = schema.get("errorMessage")
    keyword, limit, value = err.validator, err.validator_value, err.instance
    if isinstance(custom, str):
        return where, custom
    if isinstance(custom, dict) and keyword in custom:
        return where, custom[keyword]
    if keyword == "required":
        missing = next(name for name in limit if name not in value)
        return where, message("schema.required", name=missing)
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = next(name for name in value if name not in allowed)
        return where + (extra,), message(
            "schema.additional", name=extra, allowed=", ".join(allowed)
        )
    if keyword in ("anyOf", "oneOf"):
        branches = [b.get("required", []) if isinstance(b, dict) else [] for b in limit]
        if all(len(b) == 1 and len(s) == 1 for b, s in zip(branches, limit, strict=True)):
            return where, message("schema.any_required", names=or_list(b[0] for b in branches))
        from jsonschema.exceptions import best_match  # noqa: PLC0415

        return _translate(best_match(err.context))
    if keyword == "type":
        expected = limit if isinstance(limit, str) else limit[0]
        names = messages()["schema"]["types"]
        return where, message("schema.type", expected=names[expected], actual=names[_kind(value)])
    if keyword == "enum":
        return where, message("schema.enum", value=value, allowed=", ".join(map(str, limit)))
    simple = {
        "const": ("schema.const", {"expected": limit}),
        "minLength": ("schema.min_length_1" if limit == 1 else "schema.min_length", {}),
        "maxLength": ("schema.max_length", {"actual": len(str(value))}),
        "minItems": ("schema.min_items_1" if limit == 1 else "schema.min_items", {}),
        "maxItems": ("schema.max_items", {}),
        "minimum": ("schema.minimum", {}),
        "maximum": ("schema.maximum", {}),
        "uniqueItems": ("schema.unique_items", {}),
        "pattern": ("schema.pattern", {}),
    }
    key, values = simple.get(keyword, ("schema.other", {}))
    return where, message(key, limit=limit, **values)


# Keywords the translation above covers (a test checks the schemas use no other).
TRANSLATED = {
    "type", "required", "additionalProperties", "anyOf", "oneOf", "enum", "const", "properties",
    "items", "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum",
    "uniqueItems", "pattern",
}  # fmt: skip


def validate(doc: Document, schema: dict[str, Any]) -> None:
    """Check a document against a JSON Schema; raise a DataError for the error
    that stands first in the file."""
    import jsonschema  # noqa: PLC0415 - only when a file must be checked (load)

    validator = jsonschema.Draft202012Validator(schema)
    found = [_translate(err) for err in validator.iter_errors(doc.data)]
    if found:
        where, problem = min(found, key=lambda f: (doc.line(f[0]), len(f[0])))
        raise DataError(doc.path, field_name(where), problem, doc.line(where))


def load(path: Path, expect: str | None = None) -> Document:
    """Read a data file and check it against the schema it names (which must
    be ``expect`` when given)."""
    declared = declared_schema(path)
    if declared is None:
        raise DataError(path, "", message("file.no_schema"), 1)
    if expect and declared != expect:
        raise DataError(
            path, "", message("file.wrong_schema", expected=expect, declared=declared), 1
        )
    schema_path = path.with_name(declared)
    if not schema_path.is_file():
        raise DataError(path, "", message("file.unknown_schema", schema=declared), 1)
    doc = parse_yaml(path)
    if doc.data is None:
        raise DataError(path, "", message("file.empty"))
    schema = schema_path.read_bytes()
    key = validity_key(path.read_bytes(), schema)
    if not known_valid(key):
        validate(doc, json.loads(schema.decode("utf-8")))
        remember_valid(key)
    return doc


# Found valid before. A data file that passed its schema passes again while
# neither the file, nor the schema, nor the code that checks it (this module,
# jsonschema) has changed: then the check is not run again, and jsonschema, the
# largest import of the build, is not even imported. Any change to one of them
# gives another key, and the file is checked in full. Only passes are kept.
@functools.cache
def _checker_fingerprint() -> bytes:
    spec = importlib.util.find_spec("jsonschema")
    origin = Path(spec.origin) if spec and spec.origin else None
    info = origin.stat() if origin else None
    installed = f"{origin}|{info.st_size}|{info.st_mtime_ns}" if info else "-"
    return Path(__file__).read_bytes() + b"\0" + installed.encode("utf-8")


def validity_key(data: bytes, schema: bytes) -> str:
    """The key of one data file checked against one schema by this code."""
    digest = hashlib.sha256(b"vgr-valid-1\0")
    for part in (_checker_fingerprint(), schema, data):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def known_valid(key: str) -> bool:
    folder = store.store_dir()
    return folder is not None and (folder / "valid" / key).is_file()


def remember_valid(key: str) -> None:
    folder = store.store_dir()
    if folder is None:
        return
    try:
        (folder / "valid").mkdir(exist_ok=True)
        (folder / "valid" / key).touch()
    except OSError:
        pass  # only speed is lost


def check_unique_ids(doc: Document, items: Iterable[tuple[Where, str]]) -> None:
    """Raise a DataError if an id is used twice; items are (field, id) pairs."""
    seen: dict[str, Where] = {}
    for where, ident in items:
        if ident in seen:
            raise doc.error(where, "data.id_taken", id=ident, other=field_name(seen[ident]))
        seen[ident] = where


def data_files(folder: Path) -> list[Path]:
    """Every YAML data file in a folder, in name order."""
    return sorted(p for p in folder.glob("*.yml") if p.is_file() and not p.name.startswith("."))


def relative_to(path: Path, folder: Path) -> str:
    """A path relative to a folder, with forward slashes."""
    return Path(os.path.relpath(path, folder)).as_posix()
