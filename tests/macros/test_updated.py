"""The "Sidan uppdaterad" date: from git history, else the file's own time."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from macros import updated


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def repository(folder: Path, first: str, *files: str) -> None:
    """A git repository in folder whose first commit (at date ``first``) adds files."""
    git(folder, "init", "-q")
    git(folder, "config", "user.email", "t@example.test")
    git(folder, "config", "user.name", "T")
    for name in files:
        (folder / name).write_text("1")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "first", date=first)


def test_committed_file_gets_its_last_commit_date(tmp_path: Path) -> None:
    repository(tmp_path, "2024-01-02T10:00:00", "a.md", "b.md")
    (tmp_path / "a.md").write_text("2")
    git(tmp_path, "commit", "-qam", "second", date="2025-03-04T10:00:00")
    updated.clear_cache()
    assert updated.last_changed(tmp_path / "a.md") == dt.date(2025, 3, 4)
    assert updated.last_changed(tmp_path / "b.md") == dt.date(2024, 1, 2)


def test_uncommitted_edit_and_untracked_file_use_file_time(tmp_path: Path) -> None:
    repository(tmp_path, "2020-01-01T10:00:00", "a.md")
    (tmp_path / "a.md").write_text("edited")
    (tmp_path / "new.md").write_text("new")
    stamp = dt.datetime(2026, 5, 6, 12).timestamp()
    os.utime(tmp_path / "a.md", (stamp, stamp))
    updated.clear_cache()
    assert updated.last_changed(tmp_path / "a.md") == dt.date(2026, 5, 6)
    assert updated.last_changed(tmp_path / "new.md") == dt.date.today()


def test_outside_git_uses_file_time(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("x")
    stamp = dt.datetime(2023, 7, 8, 12).timestamp()
    os.utime(tmp_path / "x.md", (stamp, stamp))
    updated.clear_cache()
    assert updated.last_changed(tmp_path / "x.md") == dt.date(2023, 7, 8)


def test_page_date_is_the_newest_of_the_files_it_uses(tmp_path: Path) -> None:
    repository(tmp_path, "2024-01-02T10:00:00", "page.md", "data.yml")
    (tmp_path / "data.yml").write_text("2")
    git(tmp_path, "commit", "-qam", "data", date="2025-06-07T10:00:00")
    updated.clear_cache()
    dates = updated.page_dates(
        {"a.md": [tmp_path / "page.md"], "b.md": [tmp_path / "page.md", tmp_path / "data.yml"]}
    )
    assert dates == {"a.md": "2024-01-02", "b.md": "2025-06-07"}
