"""The accessibility statement: Digg's headings in order, facts from data, and
no build without a contact channel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.data import DataError
from macros.statement import load_statement, render_statement_markdown
from tests.macros.breakage import DATA, copy_data_file, error_after_edit

STATEMENT = load_statement(DATA / "accessibility.yml")

# Digg's model statement, in its order (the site says "ni" where Digg says
# "du"); level 3 are the parts of "Innehåll som inte är tillgängligt".
DIGG_HEADINGS = [
    (2, "Hur tillgänglig är webbplatsen?"),
    (2, "Vad kan ni göra om ni inte kan använda delar av webbplatsen?"),
    (2, "Rapportera brister i webbplatsens tillgänglighet"),
    (2, "Tillsyn"),
    (2, "Teknisk information om webbplatsens tillgänglighet"),
    (2, "Innehåll som inte är tillgängligt"),
    (3, "Kända brister"),
    (3, "Oskäligt betungande anpassning (12 §)"),
    (3, "Innehåll som lagen inte gäller för (9 §)"),
    (2, "Hur vi har testat webbplatsen"),
    (2, "Om redogörelsen"),
]


def headings(markdown: str) -> list[tuple[int, str]]:
    found = re.findall(r"^(#{2,6}) (.+?)(?: \{ #[a-z-]+ \})?$", markdown, re.M)
    return [(len(hashes), text) for hashes, text in found]


def test_headings_follow_diggs_model_in_order() -> None:
    assert headings(render_statement_markdown(STATEMENT)) == DIGG_HEADINGS


def test_contact_response_time_and_digg_link_come_from_data() -> None:
    markdown = render_statement_markdown(STATEMENT)
    for channel in STATEMENT["report"]["channels"]:
        assert f"[{channel['label']}]({channel['url']})" in markdown
    assert f"Vi svarar inom {STATEMENT['report']['response_time']}." in markdown
    assert f"]({STATEMENT['report']['digg_url']})" in markdown


def test_an_email_channel_says_it_is_one() -> None:
    channels = [
        {"label": "tillganglighet@example.se", "url": "mailto:tillganglighet@example.se"},
        {"label": "Formulär för synpunkter", "url": "https://x.example/formular"},
    ]
    report = {**STATEMENT["report"], "channels": channels}
    markdown = render_statement_markdown({**STATEMENT, "report": report})
    section = markdown.split("## Vad kan ni göra")[1].split("## ")[0]
    assert "- E-post: [tillganglighet@example.se](mailto:tillganglighet@example.se)" in section
    assert "- [Formulär för synpunkter](https://x.example/formular)" in section


def test_a_channel_that_is_not_direct_awaits_confirmation() -> None:
    """Digg asks for a direct channel (e-mail or form): the guideline's page
    stands in only as a fact awaiting confirmation, which a public build refuses."""
    direct = [c for c in STATEMENT["report"]["channels"] if c["url"].startswith("mailto:")]
    pending = [f.field for f in STATEMENT["unconfirmed"] if f.field.startswith("report › channels")]
    assert direct or pending


def test_empty_sections_say_so_in_words() -> None:
    data = {**STATEMENT, "shortcomings": [], "disproportionate_burden": [], "not_covered": []}
    markdown = render_statement_markdown(data)
    assert "Vi känner inte till några brister." in markdown
    assert "Vi har inte undantagit något innehåll" in markdown
    assert "Allt innehåll på webbplatsen omfattas av lagen." in markdown


def test_listed_exceptions_are_shown_with_their_reason() -> None:
    entry = {
        "title": "Gamla filmer",
        "description": "Två filmer saknar text.",
        "reason": "Från 2019.",
    }
    markdown = render_statement_markdown({**STATEMENT, "not_covered": [entry]})
    section = markdown.split("(9 §)")[1].split("## ")[0]
    assert "**Gamla filmer.** Två filmer saknar text. Från 2019." in section


def test_technical_terms_are_explained_in_a_detail_not_the_main_text() -> None:
    markdown = render_statement_markdown(STATEMENT)
    detail = markdown.split("<details")[1].split("</details>")[0]
    main = markdown.replace(detail, "")
    for term in ("axe-core", "best practice", "WCAG 2.2"):
        assert term not in main and term in detail


def test_every_standard_the_schema_allows_has_a_swedish_name() -> None:
    schema = json.loads((DATA / "accessibility.schema.json").read_text(encoding="utf-8"))
    allowed = schema["properties"]["assessment"]["properties"]["automated"]["properties"]
    for standard in allowed["standards"]["items"]["enum"]:
        data = {**STATEMENT, "assessment": {**STATEMENT["assessment"], "automated": {
            **STATEMENT["assessment"]["automated"], "standards": [standard]}}}  # fmt: skip
        detail = render_statement_markdown(data).split("<details")[1]
        assert standard not in detail.replace("best practice", ""), standard


def test_an_empty_contact_stops_the_build_with_a_clear_message(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "accessibility.yml", "accessibility.schema.json")
    text = path.read_text(encoding="utf-8")
    start = text.index("  channels:\n")
    end = text.index("  response_time:")
    path.write_text(text[:start] + "  channels: []\n" + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_statement(path)
    error = caught.value
    assert error.field == "report › channels"
    assert error.line == text[:start].count("\n") + 1
    assert "minst en kontaktväg" in error.problem and "hitta inte på" in error.problem


def test_an_unknown_standard_is_refused_with_the_allowed_ones(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "accessibility.yml", "accessibility.schema.json")
    error = error_after_edit(path, "wcag22aa,", "wcag22aaa,", load_statement)
    assert error.field == "assessment › automated › standards nr 5"
    assert "”wcag22aaa” går inte att använda här" in error.problem and "wcag22aa" in error.problem


def test_a_channel_must_be_a_web_mail_or_phone_address(tmp_path: Path) -> None:
    path = copy_data_file(tmp_path, "accessibility.yml", "accessibility.schema.json")
    error = error_after_edit(
        path,
        "url: https://www.vgregion.se/riktlinje-kompetensutveckling",
        "url: vgregion.se",
        load_statement,
    )
    assert error.field == "report › channels nr 1 › url"
    assert "https://" in error.problem and "^" not in error.problem


def test_the_statement_does_not_deny_a_screen_reader_test_it_describes() -> None:
    """ "Hur vi har testat" names the screen reader the checklist was tried with
    (issue 25); the reasons and known shortcomings must not then say that no
    one has tried the site with a screen reader."""
    markdown = " ".join(render_statement_markdown(STATEMENT).split()).lower()
    assert "orca" in markdown
    denial = r"ingen (har ännu|granskning)[^.]*? med (en )?skärmläsare\b(?! som)"
    assert not re.search(denial, markdown), re.search(denial, markdown)
