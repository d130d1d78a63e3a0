"""Offline build (OFFLINE=true): use the vendored iframe-worker shim.

Material's offline plugin adds the shim from a CDN unless a polyfill whose
path contains "iframe-worker" is listed. This hook lists the local copy first,
so an offline copy never requests another host.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

SHIM = "javascripts/vendor/iframe-worker/shim.js"


@event_priority(100)  # before the offline plugin looks at the polyfills
def on_config(config: Any) -> Any:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        polyfills = config.extra.get("polyfills") or []
        if SHIM not in polyfills:
            config.extra["polyfills"] = [SHIM, *polyfills]
    return config
