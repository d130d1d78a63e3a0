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

import contextlib
from typing import TYPE_CHECKING

import jinja2
import jinja2.bccache

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, which never fails a build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


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
