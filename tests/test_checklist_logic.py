"""The checklist's pure logic, called directly: both scripts loaded into a blank
page (no checklist element), their functions taken from the events they
announce themselves with (Checklist.logic, and make(logic) of the file tools).
No DOM of the checklist, no storage: data in, data out. (The sync core's
behaviour over many tabs is proven by tests/test_checklist_sim.py.)"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator

import pytest

from macros.checklist import DETAILS, checklist_payload
from macros.questions import load_questions
from tests.conftest import ROOT
from tests.site import Site

QUESTIONS = load_questions(ROOT / "docs" / "data" / "planning_questions.yml")
LABELS = {"name": "Utbildningens namn", "unit": "Verksamhet", "responsible": "Ansvarig",
          "date": "Datum"}  # fmt: skip
assert list(LABELS) == [key for key, _ in DETAILS]

LOAD = """async ([core, files, payload, labels]) => {
  const got = new Promise(resolve => document.addEventListener('vgr:define',
    e => resolve(e.detail.Component.logic), {once: true}));
  const add = code => { const s = document.createElement('script'); s.textContent = code;
                        document.head.appendChild(s); };
  add(core);
  window.logic = await got;
  const tools = new Promise(resolve => document.addEventListener('vgr:checklist-files',
    e => resolve(e.detail.make(window.logic)), {once: true}));
  add(files);
  window.tools = await tools;
  window.model = window.logic.makeModel(payload, labels);
  window.words = payload.words;
}"""


@pytest.fixture(scope="module")
def js(browser, site: Site) -> Iterator:
    """A blank page with the built scripts loaded; call js(expression, arg)."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_content("<!doctype html><html lang='sv'><body></body></html>")
    code = [(site.root / "javascripts" / n).read_text(encoding="utf-8")
            for n in ("checklist.js", "checklist-files.js")]  # fmt: skip
    page.evaluate(LOAD, [*code, checklist_payload(QUESTIONS), LABELS])

    def run(expression: str, arg: object = None) -> object:
        return page.evaluate(expression, arg)

    yield run
    assert errors == []
    context.close()


def read(js, raw: str | None) -> dict:
    return js("raw => logic.readState(raw, model)", raw)


JUNK = [
    '{"plans": null}', "null", "true", "42", '"text"', "[]", "[1,2]", "{}", '{"plans": []}',
    '{"plans": 5}', '{"plans": {"p1": null}}', '{"plans": {"p1": []}}',
    '{"plans": {"p1": "sträng"}}', '{"plans": {"__proto__": {"answers": {"varfor": "x"}}}}',
    '{"plans": {"p1": {"answers": {"__proto__": "x", "constructor": "y"}}}}',
    '{"plans": {"p1": {"answers": {"varfor": {"nested": [1, {"a": 2}]}}}}}',
    '{"plans": {"p1": {"answers": "inte ett objekt", "details": 7, "done": [true]}}}',
    '{"plans": {"p1": {"orphans": "x", "conflicts": {"varfor": 3}, "updated": "igår"}}}',
    '{"plans": {"p1": {"details": {"date": 20261201}}}}', '{"plans"', "", "\u0000\u0001",
    '{"plans": {"P1 med mellanslag": {}}}', json.dumps({"plans": {"p1": {"answers": {
        "varfor": "x" * 200_000}}}}),
]  # fmt: skip


class TestReadingStoredData:
    @pytest.mark.parametrize("raw", JUNK)
    def test_never_throws_and_keeps_a_usable_state(self, js, raw: str) -> None:
        found = read(js, raw)
        assert set(found) == {"state", "damage"}
        assert isinstance(found["state"]["plans"], dict)
        for plan_id, plan in found["state"]["plans"].items():
            assert plan["id"] == plan_id and plan_id != "__proto__"
            assert all(isinstance(v, str) for v in plan["answers"].values())
            assert all(isinstance(v, str) for v in plan["details"].values())
        assert js("() => Object.getPrototypeOf({}).answers") is None

    def test_nothing_stored_is_no_damage(self, js) -> None:
        assert read(js, None) == {
            "state": {"current": None, "plans": {}, "deleted": {}, "extra": {}},
            "damage": 0,
        }

    def test_unreadable_whole_is_damage_2_and_partly_readable_is_1(self, js) -> None:
        assert read(js, '{"plans": null}')["damage"] == 2
        assert read(js, "{trasig")["damage"] == 2
        part = read(js, '{"plans":{"a":"x","b":{"answers":{"varfor":"Kvar"}}}}')
        assert part["damage"] == 1
        assert part["state"]["plans"]["b"]["answers"] == {"varfor": "Kvar"}

    def test_repairable_values_are_kept_as_text(self, js) -> None:
        raw = json.dumps({"plans": {"p1": {
            "details": {"name": 2027, "date": "1 dec"},
            "answers": {"varfor": ["rad 1", "rad 2"], "hur": True, "kunskaper": None},
        }}})  # fmt: skip
        found = read(js, raw)
        plan = found["state"]["plans"]["p1"]
        assert found["damage"] == 1
        assert plan["details"] == {"name": "2027"}
        assert plan["answers"]["varfor"] == "rad 1\nrad 2"
        assert plan["answers"]["hur"] == "true"
        assert plan["answers"]["uppgift-date"] == "1 dec"
        assert plan["questions"]["uppgift-date"] == "Datum"

    def test_the_old_format_migrates_with_every_text(self, js) -> None:
        old = {"current": "p1", "plans": {"p1": {
            "id": "p1", "updated": 5, "details": {"name": "Gammal"},
            "answers": {"varfor": "Ett"}, "done": {"varfor": True, "hur": False},
            "orphans": [
                {"id": "malgrupp", "question": "Vilka?", "text": "Alla"},
                {"id": "malgrupp", "question": "Vilka igen?", "text": "Några"},
                {"id": "varfor", "question": "Varför (gammal)?", "text": "Annat"},
            ],
        }}}  # fmt: skip
        found = read(js, json.dumps(old))
        plan = found["state"]["plans"]["p1"]
        assert found["damage"] == 0 and found["state"]["current"] == "p1"
        assert plan["done"] == {"varfor": True}
        assert plan["answers"]["malgrupp"] == "Alla"
        assert plan["answers"]["malgrupp-2"] == "Några"
        assert plan["questions"]["malgrupp-2"] == "Vilka igen?"
        assert plan["answers"]["varfor"] == "Ett"
        assert plan["answers"]["varfor-2"] == "Annat"  # never over another text


def apply(js, state: dict, ops: list[dict], known: dict | None = None) -> dict:
    state.setdefault("deleted", {})
    return js(
        """([state, ops, known]) => ({ state, told: ops.map((op, i) =>
             logic.applyOp(state, op, model, known, 7, i + 1, 't1')).filter(Boolean) })""",
        [state, ops, known or {}],
    )


def base(text: str) -> dict:
    """An edit's base: the field as the tab last read it (no other tab's write in it)."""
    return {"vv": {}, "text": text}


def stored_plan(pid: str, **answers: str) -> dict:
    return {"id": pid, "updated": 1, "details": {}, "answers": answers, "questions": {},
            "done": {}, "conflicts": {}, "revs": {}, "times": {}, "extra": {}}  # fmt: skip


def texts(copies: dict) -> dict:
    return {k: [c["text"] for c in v] for k, v in copies.items()}


class TestApplyingChanges:
    def test_an_edit_goes_to_the_plan_it_was_made_in(self, js) -> None:
        state = {"plans": {"a": stored_plan("a", varfor="A"), "b": stored_plan("b", varfor="B")}}
        op = {"type": "text", "plan": "a", "field": "varfor", "value": "A2", "base": base("A")}
        out = apply(js, state, [op])
        assert out["state"]["plans"]["a"]["answers"]["varfor"] == "A2"
        assert out["state"]["plans"]["b"]["answers"]["varfor"] == "B"
        assert out["told"] == []

    def test_an_edit_to_a_plan_deleted_elsewhere_brings_it_back_whole(self, js) -> None:
        known = {"a": stored_plan("a", varfor="A", hur="H")}
        op = {"type": "text", "plan": "a", "field": "varfor", "value": "A2", "base": base("A")}
        state = {"plans": {"b": stored_plan("b")}, "deleted": {"a": {"at": 5, "revs": {}}}}
        out = apply(js, state, [op], known)
        assert out["state"]["plans"]["a"]["answers"] == {"varfor": "A2", "hur": "H"}
        assert out["told"] == [{"type": "restored", "plan": "a"}]

    def test_an_edit_begun_from_an_older_text_keeps_both(self, js) -> None:
        state = {"plans": {"a": stored_plan("a", varfor="Från den andra fliken")}}
        op = {"type": "text", "plan": "a", "field": "varfor", "value": "Min text", "base": base("")}
        out = apply(js, state, [op])
        plan = out["state"]["plans"]["a"]
        assert plan["answers"]["varfor"] == "Min text"
        assert texts(plan["conflicts"]) == {"varfor": ["Från den andra fliken"]}
        assert out["told"] == [{"type": "conflict", "plan": "a", "field": "varfor"}]

    @pytest.mark.parametrize(
        "stored,value",
        [("Samma", "Samma"), ("Början", "Början och mer"), ("", "Ny"), ("Gammal", "Annan")],
        ids=["same_text", "contained", "emptied_elsewhere", "unchanged_elsewhere"],
    )
    def test_no_conflict_when_nothing_would_be_lost(self, js, stored: str, value: str) -> None:
        was = stored if stored == "Gammal" else "före"
        state = {"plans": {"a": stored_plan("a", varfor=stored)}}
        op = {"type": "text", "plan": "a", "field": "varfor", "value": value, "base": base(was)}
        out = apply(js, state, [op])
        assert out["told"] == [] and out["state"]["plans"]["a"]["conflicts"] == {}

    def test_create_never_replaces_and_delete_removes(self, js) -> None:
        state = {"plans": {"a": stored_plan("a", varfor="Nyare")}}
        ops = [{"type": "create", "plan": "a", "copy": stored_plan("a", varfor="Äldre")},
               {"type": "create", "plan": "c", "copy": stored_plan("c")},
               {"type": "delete", "plan": "a"}]  # fmt: skip
        plans = apply(js, state, ops)["state"]["plans"]
        assert list(plans) == ["c"]
        plans = apply(js, state, ops[:1])["state"]["plans"]
        assert plans["a"]["answers"]["varfor"] == "Nyare"

    def test_other_texts_are_dropped_kept_and_pruned_when_the_answer_holds_them(self, js) -> None:
        plan = stored_plan("a", varfor="Mitt")
        plan["conflicts"] = {"varfor": [{"text": "Annat", "at": 1, "by": ""},
                                        {"text": "Tredje", "at": 1, "by": ""}]}  # fmt: skip
        ops = [{"type": "drop", "plan": "a", "field": "varfor", "text": "Annat"},
               {"type": "keep", "plan": "a", "field": "hur",
                "copy": {"text": "Åter", "at": 2, "by": ""}},
               {"type": "text", "plan": "a", "field": "varfor", "value": "Mitt\n\nTredje",
                "base": base("Mitt")}]  # fmt: skip
        out = apply(js, {"plans": {"a": plan}}, ops)["state"]["plans"]["a"]
        assert texts(out["conflicts"]) == {"hur": ["Åter"]}
        assert out["answers"]["varfor"] == "Mitt\n\nTredje"
        assert out["questions"]["varfor"] == QUESTIONS["questions"][0]["text"]


class TestErrors:
    def test_a_bad_file_is_a_user_error_and_a_bug_is_not(self, js) -> None:
        result = js(
            """() => {
              const kinds = [];
              const opts = {today: '2026-11-26', id: 'p9', now: 1, untitled: 'Namnlös plan'};
              try { tools.planFromExport({hello: 1}, model, 'x.json', opts); }
              catch (e) { kinds.push([e instanceof logic.UserError, e instanceof Error, e.name]); }
              const doc = {format: 'vgr-checklista', version: 1, plan: {details: {name: 'x'}}};
              try { tools.planFromExport(doc, null, 'x.json', opts); }
              catch (e) { kinds.push([e instanceof logic.UserError, e instanceof Error, e.name]); }
              return kinds;
            }"""
        )
        assert result == [[True, True, "UserError"], [False, True, "TypeError"]]

    @pytest.mark.parametrize(
        "data,ok",
        [(b'{"a":1}', True), (b'\xef\xbb\xbf{"a":1}', True),
         ('{"a":"åäö"}'.encode("latin-1"), False), ('{"a":1}'.encode("utf-16"), False)],
        ids=["utf8", "bom", "latin1", "utf16"],
    )  # fmt: skip
    def test_decoding_refuses_what_is_not_utf8_naming_the_file(self, js, data, ok) -> None:
        result = js(
            """bytes => {
              try { return tools.decodeFile(new Uint8Array(bytes), 'fil.json'); }
              catch (e) { return {error: e.message, user: e instanceof logic.UserError}; } }""",
            list(data),
        )
        if ok:
            assert result == '{"a":1}'
        else:
            assert result["user"] and "”fil.json”" in result["error"]
            assert "UTF-8" in result["error"]

    def test_a_json_error_names_its_line(self, js) -> None:
        message = js(
            """text => { try { tools.parseJson(text, 'plan.json'); }
                         catch (e) { return e.message; } }""",
            '{\n  "format": "vgr-checklista",\n  "version": 1,\n  oops\n}',
        )
        assert "”plan.json”" in message and "rad 4" in message


def plan_doc(js, answers: dict[str, str], **extra) -> dict:
    plan = {"id": "p", "updated": 1, "details": extra.get("details", {"name": "Prov"}),
            "answers": answers, "questions": extra.get("questions", {}),
            "done": extra.get("done", {}), "conflicts": extra.get("conflicts", {}),
            "revs": {}, "times": extra.get("times", {}), "extra": {}}  # fmt: skip
    meta = {"guideline": "Riktlinjen", "url": "https://intranat.example/kompetens/",
            "date": "2026-11-26"}  # fmt: skip
    return js("([plan, meta]) => logic.planDoc(plan, model, meta, words)", [plan, meta])


class TestText:
    def test_each_question_once_and_every_answer_in_order(self, js) -> None:
        fields = [f["id"] for f in js("() => model.questions.flatMap(q => q.fields)")]
        answers = {fid: f"Svar {i}\nrad två" for i, fid in enumerate(fields)}
        text = js("doc => tools.planText(doc)", plan_doc(js, answers))
        for n, question in enumerate(QUESTIONS["questions"], start=1):
            assert text.count(question["text"]) == 1
            assert text.count(f"Fråga {n}:") == 1
        positions = [text.index(f"Svar {i}\nrad två") for i in range(len(fields))]
        assert positions == sorted(positions)

    def test_klar_without_an_answer_says_so_in_every_file(self, js) -> None:
        """The status line every file renders from (text, Word, paper) says
        "Klar, utan svar" when a question is ticked with no answer (issue 22)."""
        doc = plan_doc(js, {"varfor": "Ett svar"}, done={"varfor": True, "kunskaper": True})
        lines = {q["id"]: q["statusLine"] for q in doc["questions"]}
        assert lines["varfor"] == "Status: Klar"
        assert lines["kunskaper"] == "Status: Klar, utan svar"
        assert lines["hur"] == "Status: Inte påbörjad"
        text = js("doc => tools.planText(doc)", doc)
        assert text.count("Status: Klar, utan svar") == 1


class TestWordFile:
    def test_crc32_is_the_standard_one(self, js) -> None:
        crc = js("() => tools.crc32(new TextEncoder().encode('123456789'))")
        assert crc == 0xCBF43926

    def test_the_zip_is_valid_and_holds_every_part(self, js) -> None:
        doc = plan_doc(js, {"varfor": "Ett svar"})
        data = js("async doc => [...new Uint8Array(await tools.docx(doc).arrayBuffer())]", doc)
        archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
        assert archive.testzip() is None  # every CRC-32 right
        assert set(archive.namelist()) == {
            "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
            "word/document.xml", "word/styles.xml", "word/footer1.xml", "docProps/core.xml",
        }  # fmt: skip
        for name in archive.namelist():
            from xml.dom.minidom import parseString

            parseString(archive.read(name))  # well-formed XML

    def test_the_page_number_is_a_line_of_its_own_in_the_footer(self, js) -> None:
        """After the guideline's name and the address, "Sida 2 av 2" wrapped
        over two lines in Writer: it is the footer's second paragraph."""
        doc = plan_doc(js, {"varfor": "Ett svar"})
        data = js("async doc => [...new Uint8Array(await tools.docx(doc).arrayBuffer())]", doc)
        from xml.dom.minidom import parseString

        footer = parseString(zipfile.ZipFile(io.BytesIO(bytes(data))).read("word/footer1.xml"))
        paragraphs = footer.getElementsByTagName("w:p")
        texts = [
            "".join(t.firstChild.data for t in p.getElementsByTagName("w:t") if t.firstChild)
            for p in paragraphs
        ]
        assert len(texts) == 2
        assert texts[0] == "Riktlinjen – https://intranat.example/kompetens/"
        assert texts[1].startswith("2026-11-26 – Sida") and "av" in texts[1]

    def test_text_that_xml_cannot_hold_is_left_out_not_fatal(self, js) -> None:
        doc = plan_doc(js, {"varfor": 'A\u0001B\u000bC <&> "q"\tD'})
        data = js("async doc => [...new Uint8Array(await tools.docx(doc).arrayBuffer())]", doc)
        xml = zipfile.ZipFile(io.BytesIO(bytes(data))).read("word/document.xml").decode()
        from xml.dom.minidom import parseString

        runs = parseString(xml).getElementsByTagName("w:r")
        texts = ["".join(t.firstChild.data for t in r.getElementsByTagName("w:t")) for r in runs]
        assert 'ABC <&> "q"D' in texts
        assert "<w:tab/>" in xml


def round_trip(js, raw: str, old: str | None = None) -> dict:
    """Stored data read and written again, as the next keystroke does."""
    return json.loads(
        js(
            "([raw, old]) => logic.writeState(logic.readState(raw, model, old).state, 7)",
            [raw, old],
        )
    )


class TestWhatThisVersionDoesNotKnow:
    def test_unknown_fields_are_kept_as_they_were(self, js) -> None:
        """Held-out defect 1: a newer version's fields, in a plan or at the top,
        were dropped on the next keystroke."""
        raw = json.dumps({"version": 2, "current": "p1", "sync": {"device": "x"}, "plans": {
            "p1": {"id": "p1", "updated": 1, "answers": {"varfor": "Svar"},
                   "labels": ["viktig"], "attachments": {"a": {"name": "bild.png"}}}}})  # fmt: skip
        out = round_trip(js, raw)
        assert out["sync"] == {"device": "x"}
        assert out["plans"]["p1"]["labels"] == ["viktig"]
        assert out["plans"]["p1"]["attachments"] == {"a": {"name": "bild.png"}}
        assert out["plans"]["p1"]["answers"] == {"varfor": "Svar"}

    def test_an_answer_written_under_the_old_key_after_the_upgrade_is_kept(self, js) -> None:
        """Held-out defect 4: a tab still running the previous version wrote under
        …:v1; that answer was never shown, merged or offered."""
        new = json.dumps({"version": 2, "plans": {"p1": stored_plan("p1", varfor="Nytt svar")}})
        old = json.dumps({"plans": {
            "p1": {"id": "p1", "updated": 9, "answers": {"varfor": "Skrivet i gamla fliken",
                                                          "hur": "Bara i gamla"}},
            "p2": {"id": "p2", "updated": 9,
                   "answers": {"varfor": "En plan bara där"}}}})  # fmt: skip
        out = round_trip(js, new, old)
        p1 = out["plans"]["p1"]
        assert p1["answers"]["varfor"] == "Nytt svar"
        assert [c["text"] for c in p1["conflicts"]["varfor"]] == ["Skrivet i gamla fliken"]
        assert [c["text"] for c in p1["conflicts"]["hur"]] == ["Bara i gamla"]
        assert out["plans"]["p2"]["answers"] == {"varfor": "En plan bara där"}
        # What the old key holds and the new one already has is not kept twice.
        again = round_trip(js, json.dumps(out), old)
        assert again["plans"]["p1"]["conflicts"] == p1["conflicts"]


class TestImportVersion:
    @pytest.mark.parametrize("version", [{"toString": 1}, [2], 2, "1", None])
    def test_a_version_that_is_not_1_is_named_with_the_file(self, js, version) -> None:
        """Held-out defect 7: {"version": {"toString": 1}} gave the generic
        message and a TypeError in the console."""
        got = js(
            """version => {
              const doc = {format: 'vgr-checklista', version, plan: {}};
              const opts = {today: '2026-11-26', id: 'p9', now: 1, untitled: 'Namnlös plan'};
              try { tools.planFromExport(doc, model, 'plan.json', opts); return null; }
              catch (e) { return [e instanceof logic.UserError, e.message]; } }""",
            version,
        )
        assert got is not None and got[0] is True, got
        assert "”plan.json”" in got[1] and "version" in got[1]


class TestTwoVersionsOnPaper:
    def test_paper_names_both_versions_by_when_they_were_written_not_by_tabs(self, js) -> None:
        at = js("() => new Date(2026, 11, 2, 10, 42).getTime()")
        other = js("() => new Date(2026, 11, 2, 10, 43).getTime()")
        doc = plan_doc(
            js, {"varfor": "Min version"},
            conflicts={"varfor": [{"text": "Den andra", "at": other, "by": "t2"}]},
            times={"varfor": {"at": at, "by": "t1"}},
        )  # fmt: skip
        field = doc["questions"][0]["fields"][0]
        assert field["note"] == (
            "Två versioner av svaret finns – välj en innan ni skriver ut. "
            "Versionen ovan skrevs 2026-12-02 kl. 10:42."
        )
        assert field["others"] == [
            {"text": "Den andra", "label": "Den andra versionen, skriven 2026-12-02 kl. 10:43:"}
        ]
        text = js("doc => tools.planText(doc)", doc)
        assert "flik" not in text.lower() and "fönster" not in text.lower()
        assert text.index("Min version") < text.index("Versionen ovan") < text.index("Den andra\n")
