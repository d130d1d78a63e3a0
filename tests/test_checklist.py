"""The planning checklist in Chromium: save, restore, plans, export, import, print.

The helpers at the top are shared by the other ``test_checklist_*.py`` files.
Tests wait on what the checklist itself reports: ``data-unsaved`` (edits not
yet written, set in the same task as the keystroke) and ``data-saves`` (writes
that succeeded), or on the stored value, never on status text or a sleep.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.site import Watched

URL = "planera/checklista/"
KEY = "vgr-kompetensutveckling:checklista:v2"
OLD_KEY = "vgr-kompetensutveckling:checklista:v1"
BACKUP = "vgr-kompetensutveckling:checklista:oläsligt:"
ROOT = "[data-module='vgr-checklist']"
READY = ROOT + "[data-ready]"
SLOW = 20_000  # ms: generous for a loaded 2-core machine; every wait ends on a state


def open_checklist(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_selector(READY, timeout=SLOW)


def wait_saved(page) -> None:
    """Every edit so far is written: the checklist counts none unsaved. The count
    goes up in the same task as the keystroke, so this cannot pass too early."""
    expect(page.locator(ROOT).first).to_have_attribute("data-unsaved", "0", timeout=SLOW)


def saves(page) -> int:
    return int(page.locator(ROOT).first.get_attribute("data-saves") or 0)


def wait_saves(page, count: int) -> None:
    """The checklist has written exactly ``count`` times since it started."""
    expect(page.locator(ROOT).first).to_have_attribute("data-saves", str(count), timeout=SLOW)


def stored(page) -> dict:
    """What the checklist has written to localStorage."""
    raw = page.evaluate(f"localStorage.getItem({KEY!r})")
    return json.loads(raw) if raw else {}


def current_plan(page) -> dict:
    """The stored plan this page shows."""
    plan_id = page.locator(f"{ROOT} form").first.get_attribute("data-plan")
    return stored(page)["plans"][plan_id]


def act(page, action: str) -> None:
    """Press the visible button for an action, opening "Fler val" when it is there."""
    buttons = page.locator(f"{ROOT} [data-action='{action}']")
    if not buttons.first.is_visible():
        more = page.locator(f"{ROOT} details.vgr-more").first
        if more.count() and not more.evaluate("d => d.open"):
            more.locator("summary").click()
    page.locator(f"{ROOT} [data-action='{action}']:visible").first.click()


def open_more(page) -> None:
    more = page.locator(f"{ROOT} details.vgr-more").first
    if not more.evaluate("d => d.open"):
        more.locator("summary").click()


def plan_names(page) -> list[str]:
    return page.locator("#vgr-plan-select option").evaluate_all(
        "opts => opts.map(o => o.textContent.split(' – ')[0])"
    )


def choose_plan(page, name: str) -> None:
    """Pick a plan by name in the plan chooser (under "Fler val")."""
    open_more(page)
    value = page.locator("#vgr-plan-select option").evaluate_all(
        "(opts, name) => opts.find(o => o.textContent.startsWith(name + ' – ')).value", name
    )
    page.select_option("#vgr-plan-select", value=value)


def import_file(page, content: bytes, name: str = "plan.json") -> None:
    page.set_input_files(
        f"{ROOT} [data-import]",
        files=[{"name": name, "mimeType": "application/json", "buffer": content}],
    )


def export_doc(answers: dict[str, str], **plan) -> bytes:
    """An export file as the checklist writes it."""
    doc = {
        "format": "vgr-checklista",
        "version": 1,
        "questionsVersion": 1,
        "exported": "2026-11-01T10:00:00.000Z",
        "plan": {
            "details": plan.get("details", {"name": "Importerad plan"}),
            "answers": [{"id": k, "question": "", "text": v} for k, v in answers.items()],
            "done": plan.get("done", {}),
        },
    }
    return json.dumps(doc).encode()


def field_ids(page) -> list[str]:
    """The answer fields of the current questions, in order (from the page's data)."""
    return page.locator(f"{ROOT} form .vgr-question [data-field]").evaluate_all(
        "els => els.map(e => e.dataset.field)"
    )


def tricky_answer(number: int, fid: str) -> str:
    return f'Svar på {fid}: åäö "citat" & <b>inte fet</b>\nRad två.'


def fill_plan(
    page,
    details: dict[str, str] | None = None,
    answer: Callable[[int, str], str] = tricky_answer,
    done: str = "hur",
) -> dict[str, str]:
    """Fill a whole plan: its details by id, ``answer(n, field id)`` in every
    field, question ``done`` ticked; wait until saved. Answers by field id."""
    answers = {fid: answer(n, fid) for n, fid in enumerate(field_ids(page))}
    for key, value in (details or {"name": "Säker vård 2027", "unit": "Akutmottagningen"}).items():
        page.fill(f"#vgr-d-{key}", value)
    for fid, text in answers.items():
        page.fill(f"#vgr-a-{fid}", text)
    page.check(f"#vgr-done-{done}")
    wait_saved(page)
    return answers


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


@pytest.fixture
def checklist(watched: Watched, base_url: str) -> Watched:
    """The checklist page, opened in a fresh browser profile."""
    open_checklist(watched.page, base_url + URL)
    return watched


class TestAutosave:
    def test_fill_reload_and_everything_is_restored(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Introduktion för nya medarbetare")
        page.fill("#vgr-d-date", "2026-12-01")
        page.fill("#vgr-a-varfor", "För att minska avvikelserna.")
        page.fill("#vgr-a-hur-de-basta", "De frågar en kollega.\nOch skriver ned det.")
        page.check("#vgr-done-varfor")
        wait_saved(page)
        status = page.locator("[data-status]").text_content()
        assert re.fullmatch(r"Sparat i webbläsaren kl\. \d\d:\d\d\.", status)
        # The bar is plain text (read in browse mode); the save status is said
        # through its own polite live region (issue 25).
        assert page.locator(".vgr-bar [data-status]").count() == 1
        assert page.locator("[data-live=status][aria-live=polite]").count() == 1

        page.reload(wait_until="load")
        page.wait_for_selector(READY)
        assert page.input_value("#vgr-d-name") == "Introduktion för nya medarbetare"
        assert page.input_value("#vgr-d-date") == "2026-12-01"
        assert page.input_value("#vgr-a-varfor") == "För att minska avvikelserna."
        expected = "De frågar en kollega.\nOch skriver ned det."
        assert page.input_value("#vgr-a-hur-de-basta") == expected
        assert page.is_checked("#vgr-done-varfor")
        assert page.locator("[data-progress]").text_content() == "1 av 4 frågor klara"
        checklist.assert_clean()

    def test_saved_under_one_versioned_key(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-a-larandet", "Korta pass med övningar.")
        wait_saved(page)
        keys = page.evaluate("Object.keys(localStorage)")
        assert [k for k in keys if not k.startswith("/.__")] == [KEY]  # besides Material's own
        plan = current_plan(page)
        assert plan["answers"] == {"larandet": "Korta pass med övningar."}
        assert plan["questions"]["larandet"].startswith("Hur kan vi göra lärandet")

    def test_status_is_not_rewritten_on_every_save(self, checklist: Watched) -> None:
        """Each keystroke here is saved on its own, all in the same minute: the
        live region must announce "Sparat i webbläsaren kl. …" once, not at every save
        (say() only writes text that differs)."""
        page = checklist.page
        page.evaluate(
            """() => {
              window.__statusChanges = 0;
              new MutationObserver(() => window.__statusChanges++)
                .observe(document.querySelector('[data-status]'),
                         {childList: true, characterData: true, subtree: true});
            }"""
        )
        page.focus("#vgr-a-varfor")
        for char in "abcdef":
            count = saves(page)
            page.keyboard.type(char)
            wait_saves(page, count + 1)
        assert saves(page) >= 6
        # One change, or two if the minute turned while typing.
        assert page.evaluate("window.__statusChanges") <= 2

    def test_navigating_away_and_back_restores_with_instant_navigation(
        self, checklist: Watched, base_url: str
    ) -> None:
        """Back at once, perhaps before the other page has arrived: Material
        swaps the page in place, so the checklist typed in is still there,
        ready, until the new one replaces it. Wait for the new one to start
        (waiting for [data-ready] alone could find the old one and then read
        the new one's box before it is filled)."""
        page = checklist.page
        page.fill("#vgr-a-kunskaper", "Kunna journalföra.")
        typed_in = page.locator(ROOT).element_handle()
        page.locator(".md-nav--primary a", has_text="Riktlinjen").first.click()
        page.wait_for_url(base_url + "riktlinjen/")
        page.go_back()
        page.wait_for_function(
            """([selector, old]) => { const root = document.querySelector(selector);
                 return root && root !== old && root.hasAttribute('data-ready'); }""",
            arg=[ROOT, typed_in],
            timeout=SLOW,
        )
        assert page.input_value("#vgr-a-kunskaper") == "Kunna journalföra."
        checklist.assert_clean()


class TestPlans:
    def test_new_switch_duplicate_delete_and_undo(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Plan A")
        page.fill("#vgr-a-varfor", "Svar i A")
        act(page, "new")
        assert page.input_value("#vgr-a-varfor") == ""
        page.fill("#vgr-d-name", "Plan B")
        wait_saved(page)
        assert sorted(plan_names(page)) == ["Plan A", "Plan B"]

        choose_plan(page, "Plan A")
        assert page.input_value("#vgr-a-varfor") == "Svar i A"

        act(page, "duplicate")  # a file tool: its script loads first, then it acts
        expect(page.locator("#vgr-d-name")).to_have_value("Kopia av Plan A")
        assert page.input_value("#vgr-a-varfor") == "Svar i A"
        expect(page.locator("#vgr-plan-select option")).to_have_count(3)

        dialogs: list[str] = []
        page.once("dialog", lambda d: (dialogs.append(d.message), d.accept()))
        act(page, "delete")
        assert "”Kopia av Plan A”" in dialogs[0]
        assert sorted(plan_names(page)) == ["Plan A", "Plan B"]
        assert "är borttagen" in page.locator("[data-message]").text_content()

        page.locator(".vgr-bar [data-action=undo]").click()
        assert sorted(plan_names(page)) == ["Kopia av Plan A", "Plan A", "Plan B"]
        assert page.input_value("#vgr-a-varfor") == "Svar i A"
        page.reload(wait_until="load")
        page.wait_for_selector(READY)
        assert len(plan_names(page)) == 3
        checklist.assert_clean()

    def test_delete_is_cancelled_when_not_confirmed(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Behåll mig")
        page.once("dialog", lambda d: d.dismiss())
        act(page, "delete")
        assert plan_names(page) == ["Behåll mig"]

    def test_plans_are_listed_by_name_and_last_change(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Handledning")
        label = page.locator("#vgr-plan-select option").first.text_content()
        assert re.fullmatch(r"Handledning – ändrad \d{4}-\d\d-\d\d \d\d:\d\d", label)

    def test_delete_all_removes_every_saved_plan(self, checklist: Watched) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Hemligt")
        wait_saved(page)
        page.once("dialog", lambda d: d.accept())
        act(page, "delete-all")  # a file tool: its script loads first, then it acts
        expect(page.locator("#vgr-d-name")).to_have_value("")
        page.wait_for_function(
            "() => !Object.keys(localStorage).some(k => k.startsWith('vgr-'))", timeout=SLOW
        )
        keys = page.evaluate("Object.keys(localStorage)")
        assert [k for k in keys if k.startswith("vgr-")] == []
        assert "Hemligt" not in page.evaluate("JSON.stringify(localStorage)")


class TestExportImport:
    def test_export_json_then_import_gives_same_answers_as_new_plan(
        self, checklist: Watched
    ) -> None:
        page = checklist.page
        answers = fill_plan(page)
        with page.expect_download() as info:
            act(page, "export-json")
        download = info.value
        assert re.fullmatch(
            r"utbildningsplan-saker-vard-2027-\d{4}-\d\d-\d\d\.json", download.suggested_filename
        )
        content = Path(download.path()).read_bytes()
        before = stored(page)

        import_file(page, content)
        expect(page.locator("#vgr-plan-select option")).to_have_count(2)
        wait_saved(page)
        assert "har skapats från filen ”plan.json”" in page.locator("[data-message]").text_content()
        for fid, text in answers.items():
            assert page.input_value(f"#vgr-a-{fid}") == text
        assert page.is_checked("#vgr-done-hur")
        after = stored(page)
        for plan_id, plan in before["plans"].items():  # the original is untouched
            assert after["plans"][plan_id]["answers"] == plan["answers"]
        checklist.assert_clean()

    def test_copy_as_text_puts_plain_text_on_clipboard(self, checklist: Watched, base_url) -> None:
        page = checklist.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
        answers = fill_plan(page)
        act(page, "copy-text")
        # Wait on the clipboard itself (the state), not on a message.
        page.wait_for_function(
            "async () => (await navigator.clipboard.readText()).startsWith('Utbildningsplan')",
            polling=100,
            timeout=SLOW,
        )
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith("Utbildningsplan: Säker vård 2027\n")
        assert "**" not in text and "## " not in text
        for answer in answers.values():
            assert answer in text
        expect(page.locator("[data-message]")).to_have_text(re.compile("^Planen är kopierad"))


BAD_IMPORTS = {
    "not_json": ("{ det här är inte json".encode(), "går inte att läsa"),
    "five_megabytes": (b"{" + b" " * (5 * 1024 * 1024) + b"}", "för stor"),
    "unknown_version": (
        json.dumps({"format": "vgr-checklista", "version": 99, "plan": {}}).encode(),
        "formatversion 99",
    ),
    "other_json": (json.dumps({"hello": "world"}).encode(), "inte en plan"),
    "proto_key_in_answers": (
        b'{"format":"vgr-checklista","version":1,"plan":{"details":{},'
        b'"answers":[{"id":"__proto__","text":"x"}],"done":{}}}',
        "okänt fältnamn",
    ),
    "proto_key_in_details": (
        b'{"format":"vgr-checklista","version":1,"plan":{"details":{"__proto__":{"a":1}},'
        b'"answers":[],"done":{}}}',
        "okänt fältnamn",
    ),
    "number_as_answer": (
        b'{"format":"vgr-checklista","version":1,"plan":{"details":{},'
        b'"answers":[{"id":"varfor","text":42}],"done":{}}}',
        "måste vara text",
    ),
}


class TestBadImports:
    @pytest.mark.parametrize("content,message", BAD_IMPORTS.values(), ids=BAD_IMPORTS.keys())
    def test_invalid_file_shows_swedish_message_and_changes_nothing(
        self, checklist: Watched, content: bytes, message: str
    ) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Min plan")
        page.fill("#vgr-a-varfor", "Viktigt svar")
        wait_saved(page)
        before = page.evaluate(f"localStorage.getItem({KEY!r})")

        import_file(page, content)
        error = page.locator("[data-error]")
        expect(error).not_to_be_empty(timeout=SLOW)
        assert message in error.text_content()
        assert "”plan.json”" in error.text_content()
        assert "Inget har ändrats." in error.text_content()
        assert page.locator("[data-error][aria-live=assertive]").count() == 1
        assert page.evaluate(f"localStorage.getItem({KEY!r})") == before
        assert page.input_value("#vgr-a-varfor") == "Viktigt svar"
        assert page.evaluate("Object.getPrototypeOf({}).a") is None
        checklist.assert_clean()

    def test_markup_in_imported_answers_is_text_and_never_runs(self, checklist: Watched) -> None:
        page = checklist.page
        evil = {
            "varfor": "<script>window.__pwned = 1</script>",
            "hur": '<img src="x" onerror="window.__pwned = 2">',
            "gammal-fraga": '<img src="y" onerror="window.__pwned = 3">',
        }
        import_file(page, export_doc(evil, details={"name": "<b onmouseover=alert(1)>x</b>"}))
        expect(page.locator("#vgr-d-name")).to_have_value(re.compile(r"\(öppnad "))
        wait_saved(page)
        assert page.evaluate("window.__pwned") is None
        assert page.input_value("#vgr-a-varfor") == evil["varfor"]
        assert page.input_value("#vgr-a-hur") == evil["hur"]
        assert page.locator(".vgr-checklist img, .vgr-checklist b[onmouseover]").count() == 0
        assert page.locator("[data-retired] textarea").input_value() == evil["gammal-fraga"]
        assert evil["varfor"] in page.locator(".vgr-sheet").text_content()
        checklist.assert_clean()


THROWING_STORAGE = {
    "blocked": (
        """Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('blocked', 'SecurityError'); }
        });""",
        "blocked",
    ),
    "throws_on_access": (
        """Storage.prototype.getItem = () => { throw new Error('no'); };
        Storage.prototype.setItem = () => { throw new Error('no'); };""",
        "blocked",
    ),
    "full": (
        """Storage.prototype.setItem = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };""",
        "full",
    ),
}


class TestStorageFaults:
    @pytest.mark.parametrize(
        "script,notice", THROWING_STORAGE.values(), ids=THROWING_STORAGE.keys()
    )
    def test_page_keeps_working_and_warns_to_save_a_file_or_print(
        self, browser, base_url: str, script: str, notice: str
    ) -> None:
        context = browser.new_context()
        context.add_init_script(script)
        watched = Watched.attach(context, allowed_prefixes=(base_url, "blob:", "data:"))
        page = watched.page
        try:
            open_checklist(page, base_url + URL)
            page.fill("#vgr-d-name", "Utan lagring")
            page.fill("#vgr-a-varfor", "Det här går inte att spara")
            warning = page.locator(f"[data-notice={notice}]")
            expect(warning).to_be_visible(timeout=SLOW)
            other = "full" if notice == "blocked" else "blocked"
            expect(page.locator(f"[data-notice={other}]")).to_be_hidden()
            assert "spara planen som fil eller skriv ut den" in warning.text_content().lower()
            expect(page.locator("[data-status]")).to_have_text("Inte sparat.")
            with page.expect_download() as info:
                act(page, "export-json")
            assert "Det här går inte att spara" in Path(info.value.path()).read_text("utf-8")
            act(page, "new")
            assert page.input_value("#vgr-a-varfor") == ""
            assert len(plan_names(page)) == 2  # both plans are kept in memory
            watched.assert_clean()
        finally:
            context.close()


class TestPrint:
    def test_blank_checklist_prints_on_at_most_two_a4_pages(self, checklist: Watched) -> None:
        pages, text = pdf_text(checklist.page.pdf(format="A4"))
        assert pages <= 2
        assert "Vad och hur gör de som är bäst" in text
        assert "Spara som Word-fil" not in text  # no buttons
        assert "Riktlinjen i korthet" not in text  # no navigation

    def test_print_blank_action_prints_empty_form_while_a_plan_is_open(
        self, checklist: Watched
    ) -> None:
        page = checklist.page
        page.fill("#vgr-d-name", "Hemlig plan")
        page.fill("#vgr-a-varfor", "Ett svar som inte ska synas")
        page.evaluate("window.print = () => { window.__printed = true; }")
        act(page, "print-blank")
        assert page.evaluate("window.__printed")
        pages, text = pdf_text(page.pdf(format="A4"))
        assert pages <= 2
        assert "Ett svar som inte ska synas" not in text
        assert "Hemlig plan" not in text
        assert "Vad och hur gör de som är bäst" in text
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        _, text = pdf_text(page.pdf(format="A4"))
        assert "Ett svar som inte ska synas" in text

    def test_long_answer_prints_in_full_with_details_and_address(
        self, checklist: Watched, base_url: str
    ) -> None:
        page = checklist.page
        words = [f"ord{i:04d}" for i in range(400)]
        answer = " ".join(words)
        assert len(answer) >= 3_000
        page.fill("#vgr-d-name", "Utskriftsprov")
        page.fill("#vgr-a-hur-forandringar", answer)
        page.check("#vgr-done-varfor")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        _, text = pdf_text(page.pdf(format="A4"))
        flat = re.sub(r"\s+", " ", text)
        missing = [w for w in words if w not in flat]
        assert missing == []
        assert "Utbildningsplan: Utskriftsprov" in flat
        assert (base_url + URL) in re.sub(r"\s+", "", text)


class TestKeyboardAndNoScript:
    def test_plan_can_be_completed_by_keyboard_alone(self, checklist: Watched) -> None:
        page = checklist.page
        page.focus("#vgr-d-name")
        page.keyboard.type("Tangentbordsplan")
        seen: list[str] = []
        for _ in range(80):
            page.keyboard.press("Tab")
            info = page.evaluate(
                """() => { const el = document.activeElement;
                   const cs = getComputedStyle(el);
                   return {id: el.id, tag: el.tagName, type: el.type || '',
                           inForm: !!el.closest('form.vgr-plan'),
                           outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
                           // Tab past a date's fields reaches its calendar button,
                           // inside the browser's own shadow DOM, with a native ring.
                           picker: el.type === 'date' && !el.matches(':focus'),
                           shadow: cs.boxShadow !== 'none'}; }"""
            )
            if not info["inForm"]:
                break
            visible = info["outline"] or info["shadow"] or info["picker"]
            assert visible, f"no visible focus on #{info['id']}"
            seen.append(info["id"])
            if info["tag"] == "TEXTAREA":
                page.keyboard.type("Svar")
            elif info["type"] == "checkbox":
                page.keyboard.press("Space")
        assert "vgr-done-larandet" in seen
        assert page.locator("[data-progress]").text_content() == "4 av 4 frågor klara"
        wait_saved(page)
        plan = current_plan(page)
        assert plan["details"]["name"] == "Tangentbordsplan"
        assert len(plan["answers"]) == len(field_ids(page))
        assert all(text == "Svar" for text in plan["answers"].values())

    def test_without_javascript_questions_are_there_with_a_note(
        self, browser, base_url: str
    ) -> None:
        context = browser.new_context(java_script_enabled=False)
        try:
            page = context.new_page()
            page.goto(base_url + URL)
            assert page.locator("form textarea").count() == 10
            assert page.locator(".vgr-nojs").is_visible()
            assert "behövs JavaScript" in page.locator(".vgr-nojs").text_content()
            assert not page.locator(".vgr-toolbar").is_visible()
            assert not page.locator(".vgr-review").is_visible()
            page.fill("#vgr-a-varfor", "Skrivet utan skript")
            _, text = pdf_text(page.pdf(format="A4"))
            assert "Hur kan vi göra lärandet motiverande" in text
        finally:
            context.close()


def test_checklist_starts_once_however_often_material_signals(checklist: Watched) -> None:
    page = checklist.page
    page.evaluate("window.document$.next(document)")  # what instant navigation emits
    page.fill("#vgr-d-name", "En gång")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    act(page, "delete")
    assert len(dialogs) == 1  # one checklist answers the click, not two
    page.locator(".vgr-bar [data-action=undo]").click()
    assert sorted(plan_names(page)) == ["En gång"]
    checklist.assert_clean()


def test_arriving_by_instant_navigation_starts_the_checklist(
    watched: Watched, base_url: str
) -> None:
    page = watched.page
    page.goto(base_url + "riktlinjen/", wait_until="load")
    page.evaluate("window.__samePage = true")
    for _ in range(2):  # there, away, and there again: one checklist each time
        page.locator(".md-nav--primary a", has_text="Checklista").first.click()
        page.wait_for_selector(READY)
        page.fill("#vgr-a-varfor", "Via snabbnavigering")
        wait_saved(page)
        page.locator(".md-nav--primary a", has_text="Om riktlinjen").first.click()
        page.wait_for_url(base_url + "riktlinjen/")
    assert page.evaluate("window.__samePage") is True  # no full page load happened
    page.locator(".md-nav--primary a", has_text="Checklista").first.click()
    page.wait_for_selector(READY)
    assert page.input_value("#vgr-a-varfor") == "Via snabbnavigering"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.vgr-details')).display") == "grid"
    )
    watched.assert_clean()
