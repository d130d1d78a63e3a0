"""Widget templates: escaped by default, and safe to put in a Markdown page."""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown
import pytest

from macros.templates import compact_html, render, render_markdown, template_macros


def test_data_is_escaped_and_blank_lines_dropped(tmp_path: Path) -> None:
    (tmp_path / "w.html").write_text(
        '<div class="w">\n\n    <p>{{ text }}</p>\n\n</div>\n', encoding="utf-8"
    )
    html = render("w.html", tmp_path, text="<script>x</script>")
    assert html == '<div class="w">\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n</div>'


def test_compacted_block_stays_one_html_block_in_markdown() -> None:
    html = compact_html("<div>\n    <p>a</p>\n\n        <p>b</p>\n</div>")
    out = markdown.markdown(f"Före\n\n{html}\n\nEfter")
    assert "<code>" not in out and "<p>b</p>" in out


def test_undefined_value_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    (tmp_path / "w.html").write_text("<p>{{ missing }}</p>", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        render("w.html", tmp_path)


def test_markdown_template_keeps_blocks_apart_and_strips_indentation(tmp_path: Path) -> None:
    (tmp_path / "w.md").write_text(
        "## {{ title }}\n\n\n    Text\n{% for i in items %}\n- {{ i }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    out = render_markdown("w.md", tmp_path, title="<b>", items=["a", "b"])
    assert out == "## &lt;b&gt;\n\nText\n- a\n- b\n"


def test_template_macros_are_found_by_name(tmp_path: Path) -> None:
    (tmp_path / "m.html").write_text(
        "{% macro _hidden() %}x{% endmacro %}{% macro ring(number=none) %}<b>{{ number }}</b>"
        "{% endmacro %}",
        encoding="utf-8",
    )
    found = template_macros("m.html", tmp_path)
    assert list(found) == ["ring"]
    assert str(found["ring"](number="<1>")) == "<b>&lt;1&gt;</b>"
