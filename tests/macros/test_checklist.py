"""The checklist macro: questions data to an accessible, printable form."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from macros.checklist import (
    DETAILS,
    answer_fields,
    checklist_payload,
    checklist_view,
    css_string,
    render_checklist_html,
)
from macros.data import DataError
from macros.questions import load_questions
from tests.conftest import ROOT

DATA = ROOT / "docs" / "data" / "planning_questions.yml"


class _Collector(HTMLParser):
    """Start tags outside <template> (whose parts the script clones)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "template":
            self.in_template += 1
        elif not self.in_template:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self.in_template -= 1


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def _questions() -> dict:
    return load_questions(DATA)


def _html(**kwargs) -> str:
    return render_checklist_html(_questions(), "https://example.test/planera/checklista/", **kwargs)


def _all_fields() -> list[dict]:
    return [f for q in _questions()["questions"] for f in answer_fields(q)]


def test_every_question_is_a_numbered_fieldset_with_a_fixed_anchor() -> None:
    html = _html()
    # The heading sits in the legend: H finds the question (issue 25).
    legends = re.findall(
        r'<legend class="vgr-question__legend"><h3 class="vgr-question__title">'
        r'<span class="vgr-num">Fråga (\d)</span> ([^<]+)</h3></legend>',
        html,
    )
    questions = _questions()["questions"]
    assert [(int(n), text) for n, text in legends] == [
        (i, q["text"]) for i, q in enumerate(questions, start=1)
    ]
    for q in questions:
        assert f'<fieldset class="vgr-question" id="fraga-{q["id"]}">' in html


def test_every_field_is_labelled_found_by_data_field_and_has_no_placeholder() -> None:
    tags = _tags(_html())
    labels = {a["for"] for t, a in tags if t == "label"}
    fields = [a for t, a in tags if a.get("data-field")]
    expected = [key for key, _ in DETAILS] + [f["id"] for f in _all_fields()]
    assert [a["data-field"] for a in fields] == expected
    for attrs in fields:
        assert attrs["id"] in labels
        assert "placeholder" not in attrs


def test_sub_questions_are_their_own_labels() -> None:
    html = _html()
    for question in _questions()["questions"]:
        for sub in question["sub_questions"]:
            assert f'<label for="vgr-a-{sub["id"]}">{sub["text"]}</label>' in html


def test_every_question_has_a_labelled_done_checkbox() -> None:
    tags = _tags(_html())
    boxes = [a for t, a in tags if t == "input" and a.get("type") == "checkbox"]
    labels = {a["for"] for t, a in tags if t == "label"}
    questions = _questions()["questions"]
    assert [a["id"] for a in boxes] == [f"vgr-done-{q['id']}" for q in questions]
    assert [a["data-done"] for a in boxes] == [q["id"] for q in questions]
    assert {a["id"] for a in boxes} <= labels


def test_overview_links_every_question_and_names_its_status() -> None:
    tags = _tags(_html())
    links = [a for t, a in tags if t == "a" and (a.get("href") or "").startswith("#fraga-")]
    assert [a["href"] for a in links] == [f"#fraga-{q['id']}" for q in _questions()["questions"]]
    status_ids = {a["id"] for t, a in tags if a.get("data-task")}
    assert {a["aria-describedby"] for a in links} == status_ids


def test_review_has_a_place_for_every_answer_and_a_link_back_to_each_field() -> None:
    html = _html()
    for field in _all_fields():
        assert f'data-sheet-field="{field["id"]}"' in html
        assert re.search(
            rf'data-sheet-empty="{field["id"]}">Inget svar ännu\. <a href="#vgr-a-{field["id"]}">',
            html,
        )


def _payload(html: str) -> dict:
    match = re.search(r'data-checklist="([^"]*)"', html)
    assert match
    return json.loads(unescape(match.group(1)))


def test_embedded_data_lists_every_field_in_order_and_the_details_once() -> None:
    payload = _payload(_html())
    ids = [f["id"] for q in payload["questions"] for f in q["fields"]]
    assert ids == [f["id"] for f in _all_fields()]
    assert payload["questionsVersion"] == _questions()["version"]
    assert payload["details"] == [key for key, _ in DETAILS]


def test_embedded_data_survives_quotes_and_markup_in_text() -> None:
    text = '"citat" </div><script>alert(1)</script> & mer'
    data = {
        "version": 1,
        "intro": "x",
        "questions": [{"id": "a", "text": text, "sub_questions": []}],
    }
    html = render_checklist_html(data, "https://example.test/")
    assert "<script>alert" not in html
    assert _payload(html)["questions"][0]["text"] == text


def test_a_second_instance_prefixes_every_id_it_writes() -> None:
    first = {a["id"] for _, a in _tags(_html()) if a.get("id")}
    second = {a["id"] for _, a in _tags(_html(instance="andra")) if a.get("id")}
    assert first.isdisjoint(second)
    assert all(i.startswith("andra-") for i in second)
    assert 'data-instance="andra"' in _html(instance="andra")


def test_a_question_id_may_not_take_a_plan_details_name() -> None:
    data = {
        "version": 1,
        "intro": "x",
        "questions": [{"id": "name", "text": "Fråga", "sub_questions": []}],
    }
    with pytest.raises(DataError, match="reserverad"):
        checklist_view(data, "https://example.test/")


def test_page_footer_for_print_is_a_safe_css_string() -> None:
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c /style\\3e "'
    html = _html()
    assert re.search(r"@page vgr-plan \{ @bottom-left \{ content: \"Riktlinje för ", html)
    assert "https://example.test/planera/checklista/" in html


def test_widget_assets_and_file_tools_address_are_written() -> None:
    tags = '<link rel="stylesheet" href="x.css"><script src="x.js" defer></script>'
    html = render_checklist_html(
        _questions(), "https://example.test/", None, tags, files_url="../x-files.js"
    )
    # Styles first, before the markup they lay out (issue 19: the first paint
    # may come before the whole page is parsed).
    assert tags in html and html.index(tags) < html.index("<noscript>")
    assert 'data-files-src="../x-files.js"' in html


def test_page_works_without_javascript_notice_and_script_controls_marked() -> None:
    html = _html()
    assert "<noscript>" in html and "behövs JavaScript" in html
    assert '<div class="vgr-toolbar" data-js>' in html  # extra.css hides it without JS
    assert "data-js hidden" not in html  # hidden until the script runs: a layout shift


def test_payload_is_what_the_view_embeds() -> None:
    assert checklist_view(_questions(), "u")["payload"] == json.dumps(
        checklist_payload(_questions()), ensure_ascii=False, separators=(",", ":")
    )


def test_data_file_points_editors_to_its_schema() -> None:
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match
    assert (DATA.parent / match.group(1)).is_file()


def test_checklist_classes_are_its_own() -> None:
    """A class the site's stylesheet already styles (the start page's
    .vgr-tasks once) would dress the checklist in another widget's look.
    Only the hint text is meant to look the same everywhere."""
    css = (ROOT / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    site_classes = set(re.findall(r"\.(vgr-[\w-]+)", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))
    html = (ROOT / "templates" / "widgets" / "checklist.html").read_text(encoding="utf-8")
    used = {c for attr in re.findall(r'class="([^"]+)"', html) for c in attr.split()}
    assert used & site_classes == {"vgr-hint"}
