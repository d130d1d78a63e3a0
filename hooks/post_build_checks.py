"""The checks of hooks/checks.py after ``mkdocs build``: the last hook, so it
sees the pages after every other step has changed them. scripts/build.py runs
the same checks after each step for a site another engine has written."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

# MkDocs loads a hook from its file: the project's own modules are not on the
# path by themselves.
ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from hooks import checks  # noqa: E402
from hooks.offline import offline_enabled  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    from mkdocs.exceptions import PluginError

    site_dir = Path(config.site_dir)
    try:
        checks.check_theme_fixes(site_dir)
        if offline_enabled(config):
            checks.check_offline(site_dir)
        checks.check_csp(site_dir)
        checks.check_compact(site_dir)
        checks.check_page_assets(site_dir)
    except checks.StepFailed as err:
        raise PluginError(str(err)) from None
