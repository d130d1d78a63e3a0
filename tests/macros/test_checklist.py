"""The checklist macro: questions data to an accessible, printable form."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

from macros.checklist import checklist_payload, render_checklist_html
from macros.questions import load_questions
from tests.conftest import ROOT

DATA = ROOT / "docs" / "data" / "planning_questions.yml"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def _html() -> str:
    return render_checklist_html(load_questions(DATA), "https://example.test/planera/checklista/")


def test_every_question_is_a_numbered_fieldset_with_legend() -> None:
    html = _html()
    legends = re.findall(
        r"<legend><span class=\"vgr-num\">Fråga (\d)</span> ([^<]+)</legend>", html
    )
    questions = load_questions(DATA)["questions"]
    assert [(int(n), text) for n, text in legends] == [
        (i, q["text"]) for i, q in enumerate(questions, start=1)
    ]


def test_every_sub_question_has_its_own_labelled_textarea_without_placeholder() -> None:
    html = _html()
    tags = _tags(html)
    textareas = [a for t, a in tags if t == "textarea"]
    label_targets = {a["for"] for t, a in tags if t == "label"}
    for question in load_questions(DATA)["questions"]:
        for sub in question["sub_questions"]:
            assert f'<label for="vgr-a-{sub["id"]}">{sub["text"]}</label>' in html
    assert textareas, "no textareas rendered"
    for area in textareas:
        assert area["id"] in label_targets
        assert "placeholder" not in area


def test_every_question_has_a_labelled_done_checkbox() -> None:
    tags = _tags(_html())
    boxes = [a["id"] for t, a in tags if t == "input" and a.get("type") == "checkbox"]
    labels = {a["for"] for t, a in tags if t == "label"}
    assert boxes == [f"vgr-done-{q['id']}" for q in load_questions(DATA)["questions"]]
    assert set(boxes) <= labels


def test_each_answer_has_a_print_block_mirroring_it() -> None:
    html = _html()
    for field in checklist_payload(load_questions(DATA))["questions"][1]["fields"]:
        assert f'data-print-for="{field["id"]}"' in html


def _payload(html: str) -> dict:
    match = re.search(r'data-checklist="([^"]*)"', html)
    assert match
    return json.loads(unescape(match.group(1)))


def test_embedded_data_lists_every_field_in_order() -> None:
    payload = _payload(_html())
    ids = [f["id"] for q in payload["questions"] for f in q["fields"]]
    assert ids == [
        "varfor", "varfor-verksamhetsmal",
        "hur", "hur-forandringar", "hur-deltagaren", "hur-arbetssituationer", "hur-de-basta",
        "kunskaper", "kunskaper-larande",
        "larandet",
    ]  # fmt: skip
    assert payload["questionsVersion"] == 1


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


def test_widget_assets_are_added_after_the_checklist() -> None:
    tags = '<link rel="stylesheet" href="x.css"><script src="x.js" defer></script>'
    data = load_questions(DATA)
    html = render_checklist_html(data, "https://example.test/", None, tags)
    assert html.endswith(tags)


def test_page_works_without_javascript_notice_and_hidden_script_controls() -> None:
    html = _html()
    assert "<noscript>" in html and "behövs JavaScript" in html
    assert re.search(r'<div class="vgr-toolbar" data-js hidden>', html)


def test_print_footer_names_the_page_address() -> None:
    assert "https://example.test/planera/checklista/" in _html()


def test_data_file_points_editors_to_its_schema() -> None:
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match
    assert (DATA.parent / match.group(1)).is_file()
