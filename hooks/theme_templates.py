"""Compiled theme templates kept between builds.

MkDocs compiles every Jinja template of the theme (Material's and
overrides/) on every build: about a quarter of this site's build time. This
hook gives the theme's Jinja environment Jinja's own bytecode cache: the
compiled code of each template is kept in a file and used again while the
template's source is unchanged (Jinja compares a checksum of the source; an
edited template is compiled again). The pages are the same either way.

The folder is Jinja's default: ``$TMPDIR/_jinja2-cache-UID``, open to this
user only (Jinja refuses a folder another user could change). A cache that
cannot be read or written costs only speed. Only MkDocs runs this hook; a
build without it compiles the templates each time.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

# MkDocs loads a hook from its file: the project's own modules are not on the
# path by themselves (scripts/build.py does the same).
ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from macros.store import QuietBytecodeCache  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The cache in Jinja's default folder, or None where it is not safe."""
    try:
        return QuietBytecodeCache()
    except (OSError, RuntimeError):
        return None


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = bytecode_cache()
    return env
