"""The checklist as a manager's task (issue 10): overview with status, answer
boxes that grow, actions a manager understands, review, Word and text files,
print that is right on paper, one voice. At 1280 and 320 px, in light and
dark where it matters."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.questions import load_questions
from tests.conftest import ROOT as PROJECT
from tests.site import COVERED_JS, Site, Watched
from tests.test_checklist import (
    KEY,
    READY,
    ROOT,
    URL,
    act,
    field_ids,
    fill_plan,
    open_checklist,
    pdf_text,
    wait_saved,
)

QUESTIONS = load_questions(PROJECT / "docs" / "data" / "planning_questions.yml")["questions"]
# The checklist's action names and "Fler val" headings: the one place they live.
WORDS = (
    jinja2.Environment(loader=jinja2.FileSystemLoader(PROJECT / "templates" / "widgets"))
    .get_template("checklist_actions.html")
    .module
)
ACTIONS: dict[str, str] = WORDS.ACTIONS
GROUPS: dict[str, str] = WORDS.GROUPS
GUIDELINE = "Riktlinje för kompetensutveckling och lärande i VGR"
WIDTHS = [1280, 320]


@pytest.fixture
def view(browser, base_url: str) -> Iterator:
    """Open the checklist at a width and colour scheme; fresh profile each time."""
    contexts = []

    def open_at(width: int = 1280, scheme: str = "light") -> Watched:
        context = browser.new_context(
            viewport={"width": width, "height": 900 if width > 400 else 640},
            color_scheme=scheme,
            locale="sv-SE",
        )
        contexts.append(context)
        watched = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:"))
        open_checklist(watched.page, base_url + URL)
        return watched

    yield open_at
    for context in contexts:
        context.close()


def statuses(page) -> list[str]:
    return page.locator(f"{ROOT} [data-task]").all_inner_texts()


class TestOverview:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_status_in_words_follows_answers_and_the_done_box(self, view, width: int) -> None:
        watched = view(width)
        page = watched.page
        assert statuses(page) == ["Inte påbörjad"] * len(QUESTIONS)
        assert page.locator("[data-progress]").inner_text() == f"0 av {len(QUESTIONS)} frågor klara"
        page.fill("#vgr-a-hur-deltagaren", "Öva i par")  # a sub-question counts too
        assert statuses(page)[1] == "Påbörjad"
        page.fill("#vgr-a-hur-deltagaren", "")
        assert statuses(page)[1] == "Inte påbörjad"
        page.fill("#vgr-a-varfor", "Ett mål")
        assert statuses(page)[0] == "Påbörjad"
        page.check("#vgr-done-varfor")
        assert statuses(page)[0] == "Klar"
        assert page.locator("[data-progress]").inner_text() == f"1 av {len(QUESTIONS)} frågor klara"
        # Read out with the link, as text (not colour alone).
        link = page.get_by_role("link", name=QUESTIONS[0]["text"])
        expect(link).to_have_accessible_description("Klar")
        assert link.evaluate("a => a.hash") == "#fraga-varfor"
        link.click()
        page.wait_for_url(re.compile("#fraga-varfor$"))
        assert page.locator("#fraga-varfor").is_visible()
        page.reload(wait_until="load")
        page.wait_for_selector(READY)
        assert statuses(page)[:2] == ["Klar", "Inte påbörjad"]
        watched.assert_clean()


# Where focus may be seen: below the header, above the status bar.
UNCOVERED = (
    """() => {
  const el = document.activeElement;
  if (!el || !el.closest('.vgr-checklist') || el.closest('.vgr-bar')) return null;
  const r = el.getBoundingClientRect();
  const covered = """
    + COVERED_JS
    + """;
  return {name: el.tagName + ' ' + (el.id || el.textContent.trim().slice(0, 30)),
          ok: !covered(el, r) && r.bottom <= innerHeight + 1};
}"""
)


class TestFocusInView:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_focus_is_never_under_the_header_or_the_status_bar(self, view, width: int) -> None:
        """WCAG 2.4.11: every control reached with Tab, and back with Shift+Tab,
        is shown whole between the sticky header and the sticky status bar."""
        page = view(width).page
        page.locator(f"{ROOT} details.vgr-more summary").focus()
        hidden, seen = [], 0
        for key in ["Tab"] * 40 + ["Shift+Tab"] * 40:
            page.keyboard.press(key)
            found = page.evaluate(UNCOVERED)
            if found:
                seen += 1
                if not found["ok"]:
                    hidden.append((key, found["name"]))
        assert seen > 40 and hidden == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_question_that_wraps_is_not_crossed_by_its_box(view, width: int) -> None:
    """Each question's title sits inside its box, below the top border, however
    many lines it takes (a legend in the border is crossed by it when it wraps)."""
    page = view(width).page
    gaps = page.locator(f"{ROOT} fieldset.vgr-question").evaluate_all(
        """els => els.filter(f => f.checkVisibility()).map(f => {
          const top = f.getBoundingClientRect().top;
          const border = top + parseFloat(getComputedStyle(f).borderTopWidth);
          return f.querySelector(':scope > legend').getBoundingClientRect().top - border;
        })"""
    )
    assert len(gaps) == len(QUESTIONS) and min(gaps) >= 0, gaps


class TestAnswerBoxes:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_a_long_answer_has_no_inner_scroll_bar(self, view, width: int) -> None:
        page = view(width).page
        answer = "\n".join(f"Rad {i}: " + "lärande i vardagen " * 12 for i in range(25))[:5000]
        assert len(answer) == 5000
        box = page.locator("#vgr-a-hur-arbetssituationer")
        box.fill(answer)
        sizes = box.evaluate("el => [el.scrollHeight, el.clientHeight]")
        assert sizes[0] <= sizes[1], sizes
        box.fill("Kort")
        small = box.evaluate("el => el.clientHeight")
        assert small < sizes[1] / 5  # and shrinks again

    def test_the_script_grows_boxes_where_css_cannot(self, browser, base_url: str) -> None:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        context.add_init_script("CSS.supports = () => false;")
        try:
            page = context.new_page()
            open_checklist(page, base_url + URL)
            page.add_style_tag(content=".vgr-checklist textarea { field-sizing: fixed !important }")
            box = page.locator("#vgr-a-varfor")
            box.fill("Ett långt svar. " * 300)
            sizes = box.evaluate("el => [el.scrollHeight, el.clientHeight]")
            assert sizes[0] <= sizes[1], sizes
        finally:
            context.close()


def rows(page, selector: str) -> int:
    """How many rows the visible elements take (distinct top edges)."""
    tops = page.locator(selector).evaluate_all(
        "els => els.filter(e => e.checkVisibility())"
        ".map(e => Math.round(e.getBoundingClientRect().top))"
    )
    return len({t // 8 for t in tops})


def in_viewport(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight && r.height > 0; }"""
    )


class TestActions:
    def test_one_primary_action_plain_words_and_rare_ones_under_fler_val(self, view) -> None:
        page = view().page
        primaries = page.locator(f"{ROOT} .md-button--primary").all_inner_texts()
        assert set(primaries) == {ACTIONS["print"]}
        more = page.locator(f"{ROOT} details.vgr-more")
        assert more.locator("summary").inner_text() == ACTIONS["more"]
        # Every button in "Fler val" in a group with a visible name; files named as files.
        more.locator("summary").click()
        groups = more.locator("[role=group]")
        found = {}
        for group in groups.all():
            title = page.locator("#" + group.get_attribute("aria-labelledby"))
            assert title.is_visible() and group.evaluate(
                "(g, t) => g.contains(t)", title.element_handle()
            )
            names = [t.strip() for t in group.locator("[data-action]").all_text_contents()]
            found[title.inner_text()] = names
            for action in group.locator("[data-action]").all():
                assert action.inner_text() == ACTIONS[action.get_attribute("data-action")]
        assert found == {
            GROUPS["share"]: [
                ACTIONS[a] for a in ("word", "export-text", "copy-text", "print-blank")
            ],
            GROUPS["file"]: [ACTIONS["export-json"], ACTIONS["import"]],
            GROUPS["plans"]: [ACTIONS[a] for a in ("new", "duplicate", "delete", "delete-all")],
        }
        assert more.locator("[data-action]").count() == sum(map(len, found.values()))
        assert ACTIONS["export-json"] == "Spara planen som fil"
        assert ACTIONS["import"] == "Öppna plan från fil"
        plans = more.locator("[role=group]", has=page.locator("[data-plan-list]"))
        assert plans.get_attribute("aria-labelledby").endswith("vgr-more-plans")
        for name in (ACTIONS["delete"], ACTIONS["delete-all"]):
            colour = page.get_by_role("button", name=name, exact=True).evaluate(
                "el => getComputedStyle(el).backgroundColor"
            )
            assert colour == "rgb(179, 38, 30)", name  # destructive: red
        # The review's actions: print and Word, as in "Fler val".
        review = page.locator(f"{ROOT} .vgr-review .vgr-actions [data-action]").all_inner_texts()
        assert review == [ACTIONS["print"], ACTIONS["word"]]

    def test_word_file_from_fler_val(self, view) -> None:
        page = view().page
        page.fill("#vgr-a-varfor", "Ett svar")
        page.locator(f"{ROOT} details.vgr-more summary").click()
        with page.expect_download() as info:
            page.locator(f"{ROOT} .vgr-more").get_by_role("button", name=ACTIONS["word"]).click()
        assert info.value.suggested_filename.endswith(".docx")

    @pytest.mark.parametrize("scheme", ["light", "dark"])
    def test_at_320_px_the_actions_take_at_most_two_rows(self, view, scheme: str) -> None:
        page = view(320, scheme).page
        selector = f"{ROOT} .vgr-toolbar :is(button, summary)"
        assert rows(page, selector) <= 2
        first_field = page.locator("#vgr-d-name").bounding_box()
        toolbar = page.locator(f"{ROOT} .vgr-toolbar").bounding_box()
        assert toolbar["y"] + toolbar["height"] <= first_field["y"]

    @pytest.mark.parametrize("width", WIDTHS)
    def test_status_stays_in_view_while_typing_and_print_is_near_the_last_field(
        self, view, width: int
    ) -> None:
        page = view(width).page
        page.focus("#vgr-a-hur-arbetssituationer")
        page.keyboard.type("Mitt i formuläret")
        wait_saved(page)
        assert in_viewport(page, f"{ROOT} [data-status]")
        assert (
            page.locator(f"{ROOT} [data-status]")
            .inner_text()
            .startswith("Sparat i webbläsaren kl.")
        )
        page.focus("#vgr-a-larandet")
        page.keyboard.type("Sista svaret")
        wait_saved(page)
        assert in_viewport(page, f"{ROOT} [data-status]")
        assert in_viewport(page, "#vgr-a-larandet")
        for _ in range(3):  # the done box, "Granska planen", then print
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.dataset.action") == "print":
                break
        assert page.evaluate("document.activeElement.dataset.action") == "print"
        assert in_viewport(page, ":focus")


class TestCompactBar:
    """A phone while typing (320 x 640): the sticky status bar takes at most
    64 px while a field has focus, keeps the save status in view, and its
    actions come back in view as soon as focus reaches them."""

    @pytest.mark.parametrize("scheme", ["light", "dark"])
    def test_bar_is_at_most_64_px_while_typing_and_everything_stays_reachable(
        self, view, scheme: str
    ) -> None:
        page = view(320, scheme).page
        bar = page.locator(f"{ROOT} .vgr-bar")
        page.focus("#vgr-a-hur-arbetssituationer")
        page.keyboard.type("Mitt i formuläret")
        wait_saved(page)
        assert bar.bounding_box()["height"] <= 64
        assert in_viewport(page, f"{ROOT} [data-status]")
        assert page.locator(f"{ROOT} [data-status]").inner_text().startswith("Sparat i webbläsaren")
        page.focus("#vgr-done-larandet")  # the form's last control: a box counts too
        assert bar.bounding_box()["height"] <= 64
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == ACTIONS["review"]
        # The bar unfolds half a second after focus leaves the form (CSS).
        expect(page.locator(":focus")).to_be_in_viewport(ratio=1)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.action") == "print"
        expect(page.locator(":focus")).to_be_in_viewport(ratio=1)

    def test_the_bar_does_not_grow_under_a_finger(self, view) -> None:
        """Focus leaves the form when a finger touches the screen, before the
        click: a bar that grew at once would cover what the finger was about
        to tap. It unfolds only after the tap (a CSS transition delay), so in
        the same task as the blur it is still folded; then it unfolds."""
        page = view(320).page
        page.focus("#vgr-a-larandet")
        page.keyboard.type("Svar")
        wait_saved(page)
        heights = page.evaluate(
            """() => { const bar = document.querySelector('.vgr-bar');
                       const before = bar.getBoundingClientRect().height;
                       document.activeElement.blur();
                       return [before, bar.getBoundingClientRect().height]; }"""
        )
        assert heights[0] <= 64 and heights[1] == heights[0], heights
        page.wait_for_function(
            "document.querySelector('.vgr-bar').getBoundingClientRect().height > 64"
        )

    def test_wide_screens_keep_the_full_bar(self, view) -> None:
        page = view(1280).page
        bar = page.locator(f"{ROOT} .vgr-bar")
        page.focus("#vgr-a-varfor")
        expect(page.locator(f"{ROOT} .vgr-bar [data-action=print]")).to_be_in_viewport()
        assert bar.bounding_box()["height"] > 40


class TestReview:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_every_answer_under_its_question_empty_ones_marked_with_a_link(
        self, view, width: int
    ) -> None:
        page = view(width).page
        page.fill("#vgr-d-name", "Granskning")
        page.fill("#vgr-a-varfor", "Rad ett\nRad två")
        page.check("#vgr-done-varfor")
        sheet = page.locator(f"{ROOT} .vgr-sheet")
        assert sheet.locator("input, textarea, select").count() == 0  # read-only
        text = sheet.inner_text()
        assert "Utbildningsplan: Granskning" in text
        assert "Rad ett\nRad två" in text
        assert "Status: Klar" in text
        empties = sheet.locator("[data-sheet-empty]:visible")
        assert empties.count() == len(field_ids(page)) - 1
        for empty in empties.all():
            assert empty.inner_text().startswith("Inget svar ännu.")
            target = empty.locator("a").evaluate("a => a.hash")
            assert page.locator(target).get_attribute("data-field")
        root = page.locator(ROOT).element_handle()
        link = sheet.locator("[data-sheet-empty=kunskaper] a")
        link.click()
        page.wait_for_url(re.compile("#vgr-a-kunskaper$"))
        expect(page.locator("#vgr-a-kunskaper")).to_be_in_viewport(ratio=1)
        # The jump is anchors.js's, not Material's instant navigation: the
        # field takes focus, and the checklist is the same one (not re-rendered).
        expect(page.locator("#vgr-a-kunskaper")).to_be_focused()
        assert root.evaluate("el => el.isConnected")

    def test_the_printout_is_what_the_review_shows(self, view) -> None:
        """What the review shows, but for "Inget svar ännu": on paper that is
        ruled space to write in (TestPrint)."""
        page = view().page
        page.fill("#vgr-d-name", "Samma på papper")
        page.fill("#vgr-a-hur", "Första raden\nAndra raden")
        # What the review shows, without its links back to the form (not on paper).
        sheet = page.locator(f"{ROOT} .vgr-sheet").evaluate(
            """el => { const copy = el.cloneNode(true);
                       copy.querySelectorAll('.vgr-sheet__empty').forEach(a => a.remove());
                       document.body.appendChild(copy); const text = copy.innerText;
                       copy.remove(); return text; }"""
        )
        _, text = pdf_text(page.pdf(format="A4"))
        flat = " ".join(text.split())
        for line in sheet.splitlines():
            if line.strip():
                assert " ".join(line.split()) in flat, line


def download_via(page, action: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        act(page, action)
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


class TestWordFile:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_word_file_holds_every_answer_in_order_with_its_line_breaks(
        self, view, base_url: str, width: int
    ) -> None:
        watched = view(width)
        page = watched.page
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        answers = fill_plan(
            page,
            {"name": "Plan i Word", "date": "2026-12-03"},
            lambda n, fid: f"Svar {n} rad ett\nrad två <&>\n\nnytt stycke",
            done="kunskaper",
        )
        assert not [u for u in requested if "checklist-files" in u]  # not loaded yet

        name, data = download_via(page, "word")
        assert re.fullmatch(r"utbildningsplan-plan-i-word-\d{4}-\d\d-\d\d\.docx", name)
        assert len([u for u in requested if u.endswith("javascripts/checklist-files.js")]) == 1
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        document = Document(io.BytesIO(data))
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        assert paragraphs[0] == ("Title", "Utbildningsplan: Plan i Word")
        texts = [t for _, t in paragraphs]
        assert "Datum för utbildningen: 2026-12-03" in texts
        headings = [t for s, t in paragraphs if s == "Heading 1"]
        assert headings == [f"Fråga {n}: {q['text']}" for n, q in enumerate(QUESTIONS, 1)]
        positions = [texts.index(text) for text in answers.values()]  # whole, with breaks
        assert positions == sorted(positions)
        statuses = [t for t in texts if t.startswith("Status: ")]
        assert statuses == [
            "Status: Klar" if q["id"] == "kunskaper" else "Status: Påbörjad" for q in QUESTIONS
        ]
        footer = [p.text for p in document.sections[0].footer.paragraphs]
        assert GUIDELINE in footer[0] and (base_url + URL) in footer[0]
        assert re.match(r"\d{4}-\d\d-\d\d – Sida ", footer[1])  # the page number's own line
        assert document.core_properties.title == "Utbildningsplan: Plan i Word"
        watched.assert_clean()


class TestTextFiles:
    def test_text_file_is_a_txt_with_answers_as_written_each_question_once(self, view) -> None:
        """A .txt opens with a double-click everywhere (a .md did not on Windows)."""
        page = view().page
        tricky = "# Inte en rubrik\n[ingen länk](http://x)\n<script>alert(1)</script>"
        page.fill("#vgr-d-name", "Textfil")
        page.fill("#vgr-a-varfor", tricky)
        page.fill("#vgr-a-hur", "Rad ett\nRad två")
        name, data = download_via(page, "export-text")
        assert re.fullmatch(r"utbildningsplan-textfil-\d{4}-\d\d-\d\d\.txt", name), name
        text = data.decode("utf-8")
        assert text.startswith("Utbildningsplan: Textfil\n")
        for n, question in enumerate(QUESTIONS, 1):
            assert text.count(question["text"]) == 1
            assert text.count(f"Fråga {n}:") == 1
        assert tricky in text and "Rad ett\nRad två" in text  # as written, not escaped
        assert page.locator(f"{ROOT} [data-action=export-md]").count() == 0


class TestDoneWithoutAnswer:
    """Ticking "Klar" on a question with no answer is allowed, and said: beside
    the box, in the review and on paper ("Status: Klar, utan svar")."""

    @pytest.mark.parametrize("width", WIDTHS)
    def test_klar_on_an_empty_question_says_so_on_screen_and_paper(self, view, width: int) -> None:
        page = view(width).page
        page.fill("#vgr-a-varfor", "Ett svar")
        note = page.locator(f"{ROOT} [data-done-note=kunskaper]")
        status = page.locator(f"{ROOT} .vgr-sheet [data-sheet-status=kunskaper]").locator("..")
        expect(note).to_be_hidden()
        page.check("#vgr-done-kunskaper")
        expect(note).to_be_visible()
        assert note.get_attribute("role") == "status"
        assert note.inner_text().startswith("Fråga 3 har inget svar.")
        assert status.inner_text() == "Status: Klar, utan svar"
        task = page.locator(f"{ROOT} [data-task=kunskaper]")  # the task list at the top
        assert task.inner_text() == "Klar, utan svar"
        wait_saved(page)
        _, text = pdf_text(page.pdf(format="A4"))
        assert "Status: Klar, utan svar" in " ".join(text.split())
        # An answer makes it a plain "Klar"; so does unticking.
        page.fill("#vgr-a-kunskaper-larande", "Övning i par")
        expect(note).to_be_hidden()
        assert status.inner_text() == "Status: Klar"
        assert task.inner_text() == "Klar"
        page.fill("#vgr-a-kunskaper-larande", "")
        assert status.inner_text() == "Status: Klar, utan svar"
        page.uncheck("#vgr-done-kunskaper")
        assert status.inner_text() == "Status: Inte påbörjad"
        # A question with an answer: nothing extra.
        page.check("#vgr-done-varfor")
        expect(page.locator(f"{ROOT} [data-done-note=varfor]")).to_be_hidden()
        assert "utan svar" not in page.locator(f"{ROOT} .vgr-sheet").inner_text().replace(
            "Status: Klar, utan svar", ""
        )

    def test_the_paper_follows_a_plan_opened_from_the_list(self, view) -> None:
        page = view().page
        page.fill("#vgr-d-name", "Tom men klar")
        page.check("#vgr-done-larandet")
        wait_saved(page)
        act(page, "new")
        wait_saved(page)
        status = page.locator(f"{ROOT} .vgr-sheet [data-sheet-status=larandet]").locator("..")
        assert status.inner_text() == "Status: Inte påbörjad"
        page.select_option(
            "#vgr-plan-select",
            value=page.locator("#vgr-plan-select option", has_text="Tom men klar").get_attribute(
                "value"
            ),
        )
        expect(status).to_have_text("Status: Klar, utan svar")


def dark_blocks(png_pgm: bytes, size: int = 6) -> int:
    """How many size x size squares of a greyscale page are all dark (a filled
    box, a black margin); text strokes at 72 dpi are thinner than that."""
    header, width_height, maxval, pixels = png_pgm.split(b"\n", 3)
    width, height = map(int, width_height.split())
    run = [0] * width
    found = 0
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        streak = 0
        for x in range(width):
            run[x] = run[x] + 1 if row[x] < 110 else 0
            streak = streak + 1 if run[x] >= size else 0
            if streak >= size:
                found += 1
                streak = 0
    return found


def raster(pdf: bytes, tmp_path: Path) -> list[bytes]:
    source = tmp_path / "out.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(source), str(tmp_path / "p")], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob("p-*.pgm"))]


def fill_long(page) -> None:
    """Four answers of 2,000 characters, in two paragraphs each."""
    base = "Vi vill att nya medarbetare snabbt ska känna sig trygga i arbetet. " * 40
    page.fill("#vgr-d-name", "Introduktion för nya medarbetare på akuten")
    page.fill("#vgr-d-unit", "Akutmottagningen, Sahlgrenska")
    page.fill("#vgr-d-responsible", "Anna Andersson")
    page.fill("#vgr-d-date", "2026-12-03")
    for q in QUESTIONS:
        text = base[:1000] + "\nNy rad med mer text.\n\n" + base[:977]
        assert len(text) == 2000
        page.fill(f"#vgr-a-{q['id']}", text)
    page.check("#vgr-done-varfor")
    wait_saved(page)


class TestPrint:
    @pytest.mark.parametrize("kind", ["blank", "filled"])
    @pytest.mark.parametrize("scheme", ["light", "dark"])
    def test_print_is_light_with_page_numbers_and_the_guideline(
        self, view, tmp_path, base_url: str, kind: str, scheme: str
    ) -> None:
        page = view(1280, scheme).page
        if kind == "blank":
            page.evaluate("document.querySelector('.vgr-checklist').classList.add('vgr-blank')")
        else:
            fill_long(page)
        pdf = page.pdf(format="A4", print_background=True)  # the worst case: backgrounds on
        count, text = pdf_text(pdf)
        for n in range(1, count + 1):
            assert f"Sida {n} av {count}" in text
        assert text.count(GUIDELINE) >= count
        assert (base_url + URL) in text.replace("\n", "")
        pages = raster(pdf, tmp_path)
        assert len(pages) == count
        assert [dark_blocks(p) for p in pages] == [0] * count  # no filled box, no dark margin
        if kind == "blank":
            assert count <= 2
            assert text.count("Klar med fråga") == len(QUESTIONS)
            # Each question on one sheet: its title and its "Klar" box together.
            sheets = [t.extract_text().replace("\n", " ") for t in PdfReader(io.BytesIO(pdf)).pages]
            for n, question in enumerate(QUESTIONS, 1):
                title = [i for i, t in enumerate(sheets) if question["text"][:25] in t]
                done = [i for i, t in enumerate(sheets) if f"Klar med fråga {n}" in t]
                assert title == done, (n, title, done)

    @pytest.mark.parametrize("scheme", ["light", "dark"])
    def test_an_unanswered_field_prints_as_ruled_space_and_the_print_date_is_named(
        self, view, scheme: str
    ) -> None:
        page = view(1280, scheme).page
        page.fill("#vgr-d-name", "Linjer")
        page.fill("#vgr-a-varfor", "Ett svar")
        wait_saved(page)
        page.evaluate("dispatchEvent(new Event('beforeprint'))")
        _, text = pdf_text(page.pdf(format="A4"))
        flat = " ".join(text.split())
        assert "Inget svar ännu" not in flat
        assert re.search(r"Utskriven \d{4}-\d\d-\d\d\.", flat), flat[:400]
        page.emulate_media(media="print")
        empties = page.locator(f"{ROOT} .vgr-sheet [data-sheet-empty]:not([hidden])")
        assert empties.count() == len(field_ids(page)) - 1
        # Three ruled lines, about 7 mm apart, on every empty field.
        for empty in empties.all():
            lines = empty.evaluate(
                """el => [el, ...['::before', '::after']].map(p => {
                     const cs = p === el ? getComputedStyle(el) : getComputedStyle(el, p);
                     return [cs.borderBottomStyle, parseFloat(cs.borderBottomWidth)]; })"""
            )
            assert all(style == "solid" and width > 0 for style, width in lines), lines
            assert empty.bounding_box()["height"] >= 70  # 3 x 7 mm at 96 px per inch
        # The date stays whole on its line.
        date = page.locator(f"{ROOT} [data-print-date]")
        assert date.evaluate("el => el.getClientRects().length") == 1

    def test_an_empty_plan_prints_as_the_blank_form(self, view) -> None:
        """With nothing written, "Skriv ut planen" (or the browser's own print)
        gives the form to fill in by hand; with an answer, the plan."""
        page = view().page
        blank = "document.querySelector('.vgr-checklist').classList.contains('vgr-blank')"
        page.evaluate(f"window.print = () => {{ window.__blank = {blank}; }}")
        button = page.locator(f"{ROOT} .vgr-bar [data-action=print]")
        button.click()
        assert page.evaluate("window.__blank") is True
        page.evaluate("dispatchEvent(new Event('afterprint'))")
        page.fill("#vgr-a-varfor", "Ett svar")
        button.click()
        assert page.evaluate("window.__blank") is False
        page.fill("#vgr-a-varfor", "")
        page.evaluate("dispatchEvent(new Event('beforeprint'))")  # Ctrl+P
        assert page.evaluate(blank) is True

    def test_four_long_answers_leave_no_near_empty_last_page(self, view) -> None:
        page = view().page
        fill_long(page)
        reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
        lengths = [len(p.extract_text()) for p in reader.pages]
        assert lengths[-1] >= 0.25 * max(lengths), lengths

    def test_blank_form_header_fields_line_up(self, view) -> None:
        page = view().page
        page.evaluate("document.querySelector('.vgr-checklist').classList.add('vgr-blank')")
        page.emulate_media(media="print")
        tops = {
            key: page.locator(f"label[for='vgr-d-{key}']").bounding_box()["y"]
            for key in ("name", "unit", "responsible", "date")
        }
        assert abs(tops["name"] - tops["unit"]) < 1
        assert abs(tops["responsible"] - tops["date"]) < 1
        assert tops["responsible"] > tops["name"]
        lines = page.locator(".vgr-details .vgr-line").evaluate_all(
            "els => els.map(e => Math.round(e.getBoundingClientRect().bottom))"
        )
        assert lines[0] == lines[1] and lines[2] == lines[3]


YOU = re.compile(r"\b(du|dig|din|ditt|dina)\b", re.IGNORECASE)


def test_one_voice_ni_and_swedish_quotation_marks(site: Site) -> None:
    html = site.page(URL).html
    start = html.index('<div class="vgr-checklist"')
    checklist = html[start : html.index("</article>")]
    intro = html[html.index("<h1") : start]
    scripts = "".join(
        (site.root / "javascripts" / n).read_text(encoding="utf-8")
        for n in ("checklist.js", "checklist-files.js")
    )
    strings = re.findall(r'"([^"\n]*[åäöÅÄÖ][^"\n]*)"|`([^`\n]*[åäöÅÄÖ][^`\n]*)`', scripts)
    texts = [a or b for a, b in strings] + [re.sub(r"<[^>]+>", " ", checklist + intro)]
    for text in texts:
        assert not YOU.search(text), YOU.search(text).group(0) + ": " + text[:80]
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", checklist, flags=re.S))
    assert '"' not in visible.replace("&#34;", "")  # ”…” only
    assert "Radera" not in visible and "Ladda ned" not in visible and "Importera" not in visible


def test_a_programming_error_is_not_blamed_on_the_file(browser, base_url: str) -> None:
    """A bug while reading a file is logged for developers and told to the
    person as the checklist's fault, never as "Filen kunde inte läsas."."""
    context = browser.new_context()
    context.add_init_script("File.prototype.arrayBuffer = () => { throw new TypeError('fel'); };")
    watched = Watched.attach(context, allowed_prefixes=(base_url, "data:", "blob:"))
    try:
        page = watched.page
        open_checklist(page, base_url + URL)
        page.set_input_files(
            f"{ROOT} [data-import]",
            files=[{"name": "plan.json", "mimeType": "application/json", "buffer": b"{}"}],
        )
        error = page.locator("[data-error]")
        expect(error).to_have_text(
            "Det blev ett fel i checklistan, inte i filen. Ladda om sidan och försök igen."
            " Inget har ändrats."
        )
        assert any("fel" in e for e in watched.console_errors)
    finally:
        context.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
EVERY_PART = """() => {
  for (const n of ['blocked', 'damaged', 'gone', 'report'])
    document.querySelector(`[data-notice=${n}]`).hidden = false;
  document.querySelector('[data-error]').textContent = 'Ett fel';
  document.querySelector('[data-message]').textContent = 'Ett meddelande';
  document.querySelector('.vgr-bar [data-action=undo]').hidden = false;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_with_every_part_shown(seeded_view, width: int, scheme: str) -> None:
    """The gate checks the page as it loads; this checks the parts that appear
    later: notices, a text from another tab, retired answers, "Fler val" open."""
    from axe_playwright_python.sync_playwright import Axe

    page = seeded_view(width, scheme)
    page.locator(".vgr-more summary").click()
    page.evaluate(EVERY_PART)
    page.add_style_tag(content="* { transition: none !important; animation: none !important; }")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]
    ]
    assert violations == []


@pytest.fixture
def seeded_view(browser, base_url: str) -> Iterator:
    contexts = []
    plan = {
        "id": "p1", "updated": 1_795_000_000_000, "details": {"name": "Plan"},
        "answers": {"varfor": "Mitt svar", "malgrupp": "Ett gammalt svar"},
        "questions": {"malgrupp": "Vilka är deltagarna?"}, "done": {"varfor": True},
        "conflicts": {"varfor": ["Den andra texten"]},
    }  # fmt: skip
    state = json.dumps({"version": 2, "current": "p1", "plans": {"p1": plan}})

    def open_at(width: int, scheme: str):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, locale="sv-SE"
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + "404.html")
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, state])
        open_checklist(page, base_url + URL)
        return page

    yield open_at
    for context in contexts:
        context.close()
