"""mkdocs-macros entry point. The site's macros live in ``macros.site``.

This file stays tiny on purpose: ``mkdocs serve`` imports it once, so edits to
it need a restart. Every other module of the package is imported afresh on each
build, so ``mkdocs serve`` picks up edits to them (``watch:`` in mkdocs.yml
makes it rebuild when they change).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any


def _fresh_site() -> Any:
    """``macros.site``, with every module of the package read again from disk."""
    for name in [n for n in sys.modules if n.startswith(__name__ + ".")]:
        del sys.modules[name]
    return importlib.import_module(__name__ + ".site")


def define_env(env: Any) -> None:
    """Load the site's data and register its macros (see macros.site); then,
    at build start, the publication gate (see macros.publication)."""
    _fresh_site().define_env(env)
    gate = importlib.import_module(__name__ + ".publication")
    gate.check_build(env.conf["site_url"], Path(env.conf["docs_dir"]) / "data")


def on_post_build(env: Any) -> None:
    """Checks that need the built pages (see macros.site)."""
    importlib.import_module(__name__ + ".site").on_post_build(env)
