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

# Zensical runs this file by its path, not as the package ``macros``: the
# package's other modules are found only when the project's folder is on the
# path (mkdocs-macros puts it there itself).
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)


def _fresh_site() -> Any:
    """``macros.site``, with every module of the package read again from disk."""
    for name in [n for n in sys.modules if n.startswith(__name__ + ".")]:
        del sys.modules[name]
    return importlib.import_module(__name__ + ".site")


def define_env(env: Any) -> None:
    """Load the site's data and register its macros (see macros.site) and
    the downloads' (macros.downloads.env); then, at build start, the
    publication gate (see macros.publication)."""
    _fresh_site().define_env(env)
    importlib.import_module(__name__ + ".downloads.env").define_env(env)
    docs_dir = Path(env.conf["docs_dir"])
    if not docs_dir.is_absolute():  # Zensical: relative to the project
        docs_dir = Path(env.conf.get("root_dir") or ".") / docs_dir
    gate = importlib.import_module(__name__ + ".publication")
    gate.check_build(env.conf["site_url"], docs_dir / "data")


def on_pre_page_macros(env: Any) -> None:
    """Before each page's macros (MkDocs; Zensical calls define_env per page)."""
    importlib.import_module(__name__ + ".site").on_pre_page_macros(env)


def on_post_build(env: Any) -> None:
    """Checks that need the built pages (see macros.site); the downloads
    written into the site (macros.downloads.env)."""
    importlib.import_module(__name__ + ".downloads.env").on_post_build(env)
    importlib.import_module(__name__ + ".site").on_post_build(env)
