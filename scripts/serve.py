"""A static HTTP server on the loopback interface for a built site.

It binds port 0 itself and reports the port the kernel gave it, so two
servers can never race for one port. Tests, benchmarks and screenshots use it.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request; under `prefix` only."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_under_prefix__")  # a 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection early (a new page, a closed tab) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class StaticServer:
    """Serves `directory` at http://127.0.0.1:PORT/PREFIX until closed.

    The directory may be filled (or rebuilt) after the server has started:
    each request reads the file it asks for.
    """

    def __init__(self, directory: Path, prefix: str = "/") -> None:
        handler = type("Handler", (_QuietHandler,), {"prefix": prefix})
        self._server = _Server(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
        )
        self.directory = Path(directory)
        self.port: int = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{prefix}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    shutdown = close

    def __enter__(self) -> StaticServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(directory: Path, prefix: str = "/") -> tuple[StaticServer, str]:
    """Start a StaticServer; return it and its URL (stop it with .shutdown())."""
    server = StaticServer(directory, prefix)
    return server, server.url
