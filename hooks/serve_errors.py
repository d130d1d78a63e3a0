"""``mkdocs serve``: a failed rebuild shows its error instead of hanging.

MkDocs' development server keeps every request waiting while the last
rebuild has failed ("the server will appear stuck"). This hook wraps the
server's rebuild: when it fails, the error is printed as one line in the
terminal, and every page request gets an error page that names it and reloads
itself every few seconds, so the page comes back once the file is fixed.

Limits: a build that already fails when ``mkdocs serve`` starts stops the
server with the same line (fix it and start again). Only MkDocs runs this
hook; ``mkdocs build`` never uses it.
"""

from __future__ import annotations

import html
import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

ERROR_PAGE = "serve-error.html"


class _Errors(logging.Handler):
    """Collects the warnings and errors MkDocs logs during one build (in strict
    mode a warning is what stops it)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def describe(err: BaseException, logged: list[str]) -> str:
    """One line for a failed build: our own "Fel: …" line, else what MkDocs logged."""
    if isinstance(err, SystemExit) and isinstance(err.code, str) and not logged:
        return err.code
    if logged:
        return " ".join(logged)
    return f"{type(err).__name__}: {err}"


def error_page(problem: str) -> str:
    """The error page's HTML, from its widget template."""
    try:
        from macros.templates import render  # the macros plugin has put it on the path

        return render(ERROR_PAGE, problem=problem)
    except Exception:  # noqa: BLE001 - the template itself may be what is broken
        refresh = '<meta http-equiv="refresh" content="3">'
        return f'<!doctype html><html lang="sv">{refresh}<pre>{html.escape(problem)}</pre>'


def show_error(site_dir: Path, problem: str) -> None:
    """Replace the served site with one error page (the server answers every
    missing page with 404.html)."""
    for child in site_dir.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    (site_dir / "404.html").write_text(error_page(problem), encoding="utf-8")


def safe(build: Callable[[], None], site_dir: Path) -> Callable[[], None]:
    """A rebuild that never raises: on failure it shows the error instead."""

    def rebuild() -> None:
        errors = _Errors()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(errors)
        try:
            build()
        except (Exception, SystemExit) as err:  # noqa: BLE001 - any failure is shown
            problem = describe(err, errors.lines)
            print(problem, file=sys.stderr)  # noqa: T201 - the terminal is the editor's view
            show_error(site_dir, problem)
        finally:
            logger.removeHandler(errors)

    return rebuild


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    server.builder = safe(server.builder, Path(server.root))
    return server
