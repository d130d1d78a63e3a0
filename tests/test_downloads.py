"""The downloads the build writes (macros/downloads/): read back with the
libraries a reader's tools use. The slides with python-pptx (titles, language,
the four questions, the drawings the notes describe), the tips with pypdf
(tags, title, language, every question in reading order); links with the
real size; dates from the data; the files in the offline zip. LibreOffice
Impress opening the slides is tests/test_downloads_office.py (marker ``office``)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from macros.data import DataError
from macros.downloads.build import (
    Sources,
    build_downloads,
    data_date,
    listed_downloads,
    size_label,
)
from macros.questions import load_questions, numbered
from macros.scenes import load_presentation
from scripts.offline import FOLDER, build_offline, write_zip
from tests.site import Site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SLIDES = "planera/bildspel-utbildningsplanering.pptx"
TIPS = "planera/tips-utbildningsplanering.pdf"
SITE_NAME = "Kompetensutveckling i VGR"


def questions() -> list[dict]:
    return numbered(load_questions(DOCS / "data" / "planning_questions.yml"))


def scenes() -> list[dict]:
    data = load_questions(DOCS / "data" / "planning_questions.yml")
    return load_presentation(DOCS / "data" / "planera_bildspel.yml", data)["scenes"]


def slide_title(slide) -> str:
    """The text of the slide's title placeholder (not just any text box)."""
    titles = [
        s
        for s in slide.placeholders
        if s.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
    ]
    assert len(titles) == 1, "every slide has one title placeholder"
    return titles[0].text_frame.text


def body_text(slide) -> list[str]:
    return [
        p.text
        for s in slide.shapes
        if s.has_text_frame and s != slide.shapes.title
        for p in s.text_frame.paragraphs
        if p.text
    ]


# --- the slides -----------------------------------------------------------


@pytest.fixture(scope="module")
def deck(site: Site):
    return Presentation(io.BytesIO((site.root / SLIDES).read_bytes()))


def test_one_titled_slide_per_scene(deck) -> None:
    assert [slide_title(s) for s in deck.slides] == [s["heading"] for s in scenes()]
    assert deck.slide_width * 9 == deck.slide_height * 16, "16:9"


def test_four_questions_on_their_slides(deck) -> None:
    by_title = {slide_title(s): body_text(s) for s in deck.slides}
    for q in questions():
        body = by_title[f"Fråga {q['number']}"]
        assert body[0] == q["text"]
        assert body[1:] == [sub["text"] for sub in q["sub_questions"]]


def test_every_text_run_swedish(deck) -> None:
    runs = 0
    for slide in deck.slides:
        parts = [slide._element, slide.notes_slide._element]
        for element in parts:
            for run in element.iter(qn("a:r")):
                runs += 1
                props = run.find(qn("a:rPr"))
                assert props is not None and props.get("lang") == "sv-SE", run.xpath("string(.)")
    assert runs > 20
    assert deck.core_properties.language == "sv-SE"


def test_notes_are_the_scene_descriptions(deck) -> None:
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides]
    assert notes == [s["description"] for s in scenes()]


def drawing(slide):
    """The slide's drawing: its one group of shapes."""
    groups = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(groups) == 1, "one drawing per slide"
    return groups[0]


def test_each_slide_has_the_drawing_its_notes_describe(deck) -> None:
    """The notes describe the scene's drawing (issue 23): the slide has it, as
    on the page: the question's number in a ring, or three ticks with lines."""
    for slide, scene in zip(deck.slides, scenes(), strict=True):
        shapes = list(drawing(slide).shapes)
        if scene["picture"] == "number":
            assert [
                s.text_frame.text for s in shapes if s.has_text_frame and s.text_frame.text
            ] == [str(scene["number"])]
            assert scene["description"].startswith("Teckningen är en tjock vit ring")
        else:
            assert scene["picture"] == "checklist"
            freeforms = [s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.FREEFORM]
            assert len(freeforms) == 6  # three ticks, three lines
            assert "tre vita bockar" in scene["description"]


def test_the_drawing_is_decorative_and_read_after_the_text(deck) -> None:
    for slide in deck.slides:
        group = drawing(slide)
        flags = group._element.xpath(".//*[local-name()='decorative']/@val")
        assert flags[:1] == ["1"], "the group is marked decorative"
        assert list(slide.shapes)[-1] == group, "after the title and the text"
        assert slide.shapes.title.left < group.left + group.width <= slide.placeholders[1].left


def test_a_scene_whose_drawing_the_slides_cannot_draw_stops_the_build(docs_copy: Path) -> None:
    data = docs_copy / "data" / "planera_bildspel.yml"
    data.write_text(data.read_text("utf-8").replace("visual: checklist", "visual: globe"), "utf-8")
    with pytest.raises(DataError, match=r"scenes\[0\]\.visual.*kan inte rita ”globe”"):
        build_downloads(docs_copy, SITE_NAME)


def test_no_picture_without_alt_text(deck) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.shape_type != MSO_SHAPE_TYPE.PICTURE or shape._element.xpath(
                "string(.//p:cNvPr/@descr)"
            )


def test_slides_metadata(deck) -> None:
    core = deck.core_properties
    sources = [DOCS / "data" / "planera_bildspel.yml", DOCS / "data" / "planning_questions.yml"]
    day = data_date(sources)
    assert core.title == "Planera utbildning – bildspel"
    assert core.modified.date() == day and core.created.date() == day


# --- the tips PDF ----------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(site: Site) -> PdfReader:
    return PdfReader(site.root / TIPS)


def structure(node, found: list[str]) -> list[str]:
    """The structure types of the tree, depth first (reading order)."""
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if not isinstance(node, dict):
        return found
    if "/S" in node:
        found.append(str(node["/S"]))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        structure(kid, found)
    return found


def test_tips_tagged_titled_swedish(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean)
    assert root["/Lang"] == "sv-SE"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert pdf.metadata.title == "Tänk på detta när ni planerar utbildning"
    tags = structure(root["/StructTreeRoot"], [])
    assert tags.count("/H1") == 1
    assert tags.count("/H2") == len(questions())
    with_subs = [q for q in questions() if q["sub_questions"]]
    assert tags.count("/L") == len(with_subs)
    assert tags.count("/LI") == sum(len(q["sub_questions"]) for q in with_subs)
    # Headings and lists come in the order of the questions.
    order = [t for t in tags if t in ("/H1", "/H2", "/L")]
    expected = ["/H1"] + [
        t for q in questions() for t in (["/H2", "/L"] if q["sub_questions"] else ["/H2"])
    ]
    assert order == expected


def test_tips_every_question_in_reading_order(pdf: PdfReader) -> None:
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    at = 0
    for q in questions():
        for line in [f"{q['number']}. {q['text']}", *(s["text"] for s in q["sub_questions"])]:
            found = text.find(line, at)
            assert found >= at, f"{line!r} missing or out of order"
            at = found + len(line)


def test_tips_a4_with_date(pdf: PdfReader) -> None:
    box = pdf.pages[0].mediabox
    assert (round(box.width * 25.4 / 72), round(box.height * 25.4 / 72)) == (210, 297)
    files = [DOCS / "planera" / "index.md", DOCS / "data" / "planning_questions.yml"]
    files.append(DOCS / "data" / "guideline.yml")
    assert pdf.metadata["/ModDate"].startswith("D:" + data_date(files).strftime("%Y%m%d"))


# --- links, sizes, the links page -----------------------------------------


@pytest.mark.parametrize(
    ("page", "files"),
    [("planera/", [TIPS, SLIDES]), ("planera/bildspel/", [SLIDES])],
)
def test_pages_link_with_real_size(site: Site, page: str, files: list[str]) -> None:
    html = site.page(page).html
    for path in files:
        href = os.path.relpath(path, page)
        match = re.search(rf'<a href="{re.escape(href)}"[^>]*>[^<]+<span[^>]*>\(([^)]+)\)', html)
        assert match, f"{page} links to {path}"
        kind = "PDF" if path.endswith(".pdf") else "PowerPoint"
        assert match[1] == f"{kind}, {size_label((site.root / path).stat().st_size)}"


def test_links_page_lists_files(site: Site, site_url: str) -> None:
    html = site.page("lankar/").html
    for path in (SLIDES, TIPS):
        assert f'<a href="../{path}">' in html
        assert f'data-copy="{site_url.rstrip("/")}/{path}"' in html


def test_size_label() -> None:
    assert [size_label(n) for n in (10, 12_395, 43_030, 1_260_000)] == [
        "1 kB",
        "12 kB",
        "43 kB",
        "1,3 MB",
    ]


# --- following the data ------------------------------------------------------


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """The docs folder outside git: dates come from the files' times."""
    dest = tmp_path / "docs"
    shutil.copytree(DOCS, dest)
    return dest


def read_back(content: bytes, kind: str) -> tuple[str, dt.date]:
    if kind == "pptx":
        deck = Presentation(io.BytesIO(content))
        text = " ".join(body for s in deck.slides for body in body_text(s))
        return text, deck.core_properties.modified.date()
    reader = PdfReader(io.BytesIO(content))
    stamp = reader.metadata["/ModDate"][2:10]
    text = " ".join(p.extract_text() for p in reader.pages)
    return re.sub(r"\s+", " ", text), dt.datetime.strptime(stamp, "%Y%m%d").date()


def test_files_follow_their_data(docs_copy: Path) -> None:
    """A changed question is in both files, and both carry the data's new date;
    unchanged data gives the same bytes."""
    questions_file = docs_copy / "data" / "planning_questions.yml"
    old_day, new_day = dt.datetime(2024, 3, 5, 12), dt.datetime(2025, 6, 7, 12)
    for path in docs_copy.rglob("*"):
        os.utime(path, (old_day.timestamp(),) * 2)
    before = build_downloads(docs_copy, SITE_NAME)
    again = build_downloads(docs_copy, SITE_NAME)
    assert {n: d.content for n, d in before.items()} == {n: d.content for n, d in again.items()}
    for name, kind in (("bildspel", "pptx"), ("tips", "pdf")):
        assert read_back(before[name].content, kind)[1] == old_day.date()

    text = questions_file.read_text(encoding="utf-8")
    questions_file.write_text(text.replace("Hur kommer vi dit?", "Hur når vi dit?"), "utf-8")
    os.utime(questions_file, (new_day.timestamp(),) * 2)
    after = build_downloads(docs_copy, SITE_NAME)
    for name, kind in (("bildspel", "pptx"), ("tips", "pdf")):
        text, day = read_back(after[name].content, kind)
        assert "Hur når vi dit?" in text and "Hur kommer vi dit?" not in text
        assert day == new_day.date()


def test_links_yml_names_a_file_the_build_does_not_write(docs_copy: Path) -> None:
    links = docs_copy / "data" / "links.yml"
    text = links.read_text(encoding="utf-8")
    links.write_text(text.replace("tips-utbildningsplanering.pdf", "tips.pdf"), "utf-8")
    downloads = build_downloads(docs_copy, SITE_NAME)
    with pytest.raises(DataError) as caught:
        listed_downloads(docs_copy, downloads)
    line = text.splitlines().index("  - planera/tips-utbildningsplanering.pdf") + 1
    assert str(caught.value) == (
        f"{links}, rad {line}, fält files nr 2: bygget skriver ingen fil som heter "
        "”planera/tips.pdf”. Filer som bygget skriver: "
        "planera/bildspel-utbildningsplanering.pptx, planera/tips-utbildningsplanering.pdf."
    )


def test_sources_read_the_site_palette() -> None:
    colours = Sources.load(DOCS, SITE_NAME).colours
    css = (DOCS / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert f"--vgr-color-brand: {colours['brand']}" in css


# --- the offline copy ----------------------------------------------------------


def test_offline_zip_holds_the_files_linked(tmp_path: Path) -> None:
    build_offline(tmp_path / "build")
    archive = tmp_path / "offline.zip"
    write_zip(tmp_path / "build", archive)
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        index = zipped.read(f"{FOLDER}/planera/index.html").decode()
        bildspel = zipped.read(f"{FOLDER}/planera/bildspel.html").decode()
    for path in (SLIDES, TIPS):
        assert f"{FOLDER}/{path}" in names
        assert f'href="{Path(path).name}"' in index
    assert f'href="{Path(SLIDES).name}"' in bildspel


def test_unchanged_downloads_come_from_the_build_store(
    docs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build whose data and code are unchanged takes the bytes from the
    build store (no WeasyPrint, no python-pptx); changed data misses it."""
    from macros import store
    from macros.downloads import slides, tips

    store_root = tmp_path / "tmp"
    store_root.mkdir()
    monkeypatch.setenv("TMPDIR", str(store_root))
    monkeypatch.setattr(tempfile, "tempdir", None)
    store.clear_cache()
    try:
        first = build_downloads(docs_copy, SITE_NAME)

        def fail(*args: object) -> bytes:
            raise AssertionError("written again")

        monkeypatch.setattr(slides, "write_slides", fail)
        monkeypatch.setattr(tips, "write_tips", fail)
        again = build_downloads(docs_copy, SITE_NAME)
        assert {n: d.content for n, d in again.items()} == {n: d.content for n, d in first.items()}
        questions_file = docs_copy / "data" / "planning_questions.yml"
        questions_file.write_text(questions_file.read_text("utf-8") + "\n", "utf-8")
        with pytest.raises(AssertionError, match="written again"):
            build_downloads(docs_copy, SITE_NAME)
    finally:
        monkeypatch.undo()
        tempfile.tempdir = None
        store.clear_cache()
