"""The theme's compiled templates kept between builds (theme_templates.py):
faster builds, never other pages."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from hooks.theme_templates import on_env
from macros.store import QuietBytecodeCache
from scripts.build import build_site


def test_the_theme_environment_gets_a_bytecode_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    env = on_env(jinja2.Environment(), None, None)  # type: ignore[arg-type]
    assert isinstance(env.bytecode_cache, QuietBytecodeCache)
    assert Path(env.bytecode_cache.directory).parent == tmp_path


def test_a_cache_that_cannot_be_written_costs_only_speed(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"a.html": "<p>{{ x }}</p>"}),
        bytecode_cache=QuietBytecodeCache(str(folder)),
    )
    folder.rmdir()  # writing the compiled code fails
    assert env.get_template("a.html").render(x=1) == "<p>1</p>"


@pytest.mark.slow  # two whole builds with fresh caches
def test_first_and_later_builds_give_the_same_site(tmp_path: Path) -> None:
    """With empty caches, then with the caches the first build filled."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    sites = []
    for name in ("first", "second"):
        result = build_site(tmp_path / name, {"TMPDIR": str(temp)})
        assert result.returncode == 0, result.stderr
        sites.append(tmp_path / name)
    assert list(temp.glob("_jinja2-cache-*/__jinja2_*.cache")), "theme templates not kept"
    assert list(temp.glob("vgr-kompetensutveckling-*/widget-*")), "widgets not kept"
    assert list(temp.glob("vgr-kompetensutveckling-*/valid/*")), "valid data not kept"
    first, second = sites
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        if rel.suffix != ".gz":  # gzip writes the time into its header
            assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
