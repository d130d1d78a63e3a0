"""``mkdocs serve`` for real, on a copy of the project: edits to macros/ and
overrides/ show up without a restart, and a broken data file gives an error
page (and a line in the terminal) instead of requests that hang."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

START_TIMEOUT = 90  # seconds for the first build on a loaded machine
REQUEST_TIMEOUT = 30  # a request waits for a rebuild, never longer than this


@dataclass
class Served:
    url: str
    project: Path
    log: Path

    def get(self, path: str) -> tuple[int, str]:
        """One request; a request that hangs fails the test."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")
        except TimeoutError:
            pytest.fail(f"GET {path} hung for {REQUEST_TIMEOUT} s")

    def wait_for(self, path: str, ready: Callable[[int, str], bool], what: str) -> str:
        """Request a page until it is as expected (the server rebuilds after an edit)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            status, body = self.get(path)
            if ready(status, body):
                return body
            time.sleep(0.2)
        pytest.fail(f"{path} never showed {what}; server log:\n{self.log.read_text()}")

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is no longer in {relative}: update the test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def unused_port() -> int:
    """A port free a moment ago. mkdocs serve binds its own socket and prints
    the address it was given, so a probe cannot be avoided: start() retries
    when another process took the port in between."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(project: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """mkdocs serve on a free port; retried if another process took the port."""
    for _ in range(3):
        port = unused_port()
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=project,
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            try:
                urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT).close()
                return process, url
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        process.kill()
        process.wait()
        if "Address already in use" not in log.read_text():
            break
    pytest.fail(f"mkdocs serve did not start:\n{log.read_text()}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module (starting one is a whole build); each test
    puts back what it edits."""
    tmp_path = tmp_path_factory.mktemp("serve")
    project = tmp_path / "project"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(
            ".venv", "site", "dist", ".git", "*cache*", "node_modules", "assets"
        ),
    )
    log = tmp_path / "serve.log"
    process, url = start(project, log)
    yield Served(url, project, log)
    process.terminate()
    process.wait(timeout=30)


def test_broken_data_file_gives_an_error_page_not_a_hang(served: Served) -> None:
    question = "Hur kommer vi dit?"
    assert question in served.get("planera/")[1]
    served.edit("docs/data/planning_questions.yml", f"text: {question}", "text: ''")
    body = served.wait_for(
        "planera/", lambda _, body: "Webbplatsen kunde inte byggas" in body, "the error page"
    )
    assert "docs/data/planning_questions.yml, rad " in body
    assert "questions nr 2 › text: får inte vara tom." in body
    assert "Fel: docs/data/planning_questions.yml, rad " in served.log.read_text()

    served.edit("docs/data/planning_questions.yml", "text: ''", f"text: {question}")
    served.wait_for("planera/", lambda status, body: status == 200 and question in body, "the page")


def test_edits_to_macros_and_widget_templates_show_without_restart(served: Served) -> None:
    served.edit("templates/widgets/questions.md", "{{ intro }}", "Mallen är ändrad.\n\n{{ intro }}")
    served.wait_for("planera/", lambda _, body: "Mallen är ändrad." in body, "the template edit")
    served.edit(
        "macros/questions.py",
        'render_markdown(\n        "questions.md"',
        'render_markdown(\n        "questions.md", heading_level_note="x"',
    )
    served.edit(
        "templates/widgets/questions.md",
        "Mallen är ändrad.",
        "Mallen är ändrad{{ ' och Python omladdad' if heading_level_note is defined }}.",
    )
    served.wait_for(
        "planera/", lambda _, body: "Mallen är ändrad och Python omladdad." in body, "the code edit"
    )
    for path in ("macros/questions.py", "templates/widgets/questions.md"):
        shutil.copyfile(ROOT / path, served.project / path)
    served.wait_for("planera/", lambda _, body: "Mallen är ändrad" not in body, "the page")
