"""The workshop slides as a PowerPoint file (python-pptx), from the same
scenes as the slides page (planera_bildspel.yml with planning_questions.yml).

One slide per scene: the scene's heading in the slide's title placeholder, its
text as real text in the body placeholder (a line as a paragraph, a
sub-question as a bullet), the scene's drawing as on the page (white lines on
a panel in the brand colour, drawn with shapes, marked decorative and read
after the text), and the scene's description (what the scene looks like) as
speaker notes: true of the slide, since the slide has the drawing. Every text
run is marked Swedish (sv-SE). Plain 16:9, the site's colours, Arial (a font
every office suite has or maps). The file has no pictures; ``check_alt_text``
keeps it that way unless a picture has alternative text.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..data import DataError
from .build import AUTHOR, LANGUAGE, SLIDES

if TYPE_CHECKING:
    from .build import Download, Sources

FONT = "Arial"
WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.33 x 7.5 in
MARGIN = Emu(685_800)  # 0.75 in
BAND = Emu(182_880)  # the brand-coloured band along the top, 0.2 in
TITLE_TOP, TITLE_HEIGHT, BODY_TOP = Emu(457_200), Emu(1_143_000), Emu(1_828_800)
TITLE_AND_CONTENT = 1  # the default template's "Title and Content" layout
TITLE_SIZE, LINE_SIZE, ITEM_SIZE, NOTES_SIZE = Pt(40), Pt(28), Pt(22), Pt(14)
PANEL = Emu(1_828_800)  # the drawing's square panel, 2 in
GAP = Emu(457_200)  # between the panel and the text
UNIT = Emu(PANEL // 120)  # one unit of templates/widgets/visuals.html's 120-unit drawings
STROKE = Emu(6 * UNIT)  # their stroke-width
DECORATIVE = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _mark_swedish(element, language: str) -> None:
    """Every run property, paragraph end and default text style in ``element``
    says the text is in ``language``."""
    for tag in ("a:rPr", "a:endParaRPr", "a:defRPr"):
        for props in element.iter(qn(tag)):
            props.set("lang", language)


def _style_runs(frame, size: Pt, colour: RGBColor, bold: bool = False) -> None:
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.name = FONT
            run.font.size = size
            run.font.bold = bold
            run.font.color.rgb = colour


def _no_bullet(paragraph) -> None:
    props = paragraph._p.get_or_add_pPr()
    props.set("marL", "0")
    props.set("indent", "0")
    if props.find(qn("a:buNone")) is None:
        props.insert(0, props.makeelement(qn("a:buNone"), {}))


def _band_on_master(prs, colour: RGBColor) -> None:
    """A thin band in the brand colour along the top of every slide, drawn on
    the master (so it is no part of any slide's reading order). python-pptx
    draws shapes on slides only: draw it on a scratch slide, then move it."""
    scratch = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, BAND)
    band.fill.solid()
    band.fill.fore_color.rgb = colour
    band.line.fill.background()
    band.shadow.inherit = False
    props = band._element.nvSpPr.cNvPr
    props.set("id", "1000")
    props.set("name", "Band")
    tree = prs.slide_master.shapes._spTree
    tree.insert(2, band._element)  # after nvGrpSpPr and grpSpPr: drawn first, behind
    # Drop the scratch slide again.
    slide_ids = prs.slides._sldIdLst
    rel_id = slide_ids[-1].rId
    prs.part.drop_rel(rel_id)
    slide_ids.remove(slide_ids[-1])


def _white_line(shape, white: RGBColor) -> None:
    """A round-capped white stroke and no fill, as the page's drawings."""
    shape.fill.background()
    shape.line.color.rgb = white
    shape.line.width = STROKE
    line = shape.line._get_or_add_ln()
    line.set("cap", "rnd")
    line.append(line.makeelement(qn("a:round"), {}))
    shape.shadow.inherit = False


def _mark_decorative(shape) -> None:
    """Decorative: screen readers in office suites pass over it (the notes and
    the page's described version say what it shows)."""
    props = shape._element.xpath("./*[1]/p:cNvPr")[0]
    ext_list = props.makeelement(qn("a:extLst"), {})
    ext = ext_list.makeelement(qn("a:ext"), {"uri": DECORATIVE_EXT})
    flag = ext.makeelement(f"{{{DECORATIVE}}}decorative", {"val": "1"}, nsmap={"adec": DECORATIVE})
    ext.append(flag)
    ext_list.append(ext)
    props.append(ext_list)


def _stroke(shapes, at, white: RGBColor, points: list[tuple[int, int]]) -> None:
    """An open line through points (in the drawing's units)."""
    path = shapes.build_freeform(*at(*points[0]), scale=1.0)
    path.add_line_segments([at(x, y) for x, y in points[1:]], close=False)
    _white_line(path.convert_to_shape(), white)


def _draw_checklist(shapes, at, white: RGBColor, number: int | None) -> None:
    """Three ticks, each followed by a line (visuals.html's checklist)."""
    for y in (24, 58, 92):
        _stroke(shapes, at, white, [(14, y), (22, y + 8), (36, y - 8)])
        _stroke(shapes, at, white, [(50, y + 2), (106, y + 2)])


def _draw_number(shapes, at, white: RGBColor, number: int | None) -> None:
    """The question's number in a ring (visuals.html's number)."""
    ring = shapes.add_shape(MSO_SHAPE.OVAL, *at(10, 10), UNIT * 100, UNIT * 100)
    _white_line(ring, white)
    frame = ring.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.text = str(number)
    frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    _style_runs(frame, Pt(72), white, bold=True)


# The drawings a slide can carry, by the scene's `visual`: the ones the slides
# use. A scene with another one stops the build (its notes would describe a
# drawing the slide does not have).
DRAWINGS = {"checklist": _draw_checklist, "number": _draw_number}


def _drawing(src: Sources, slide, index: int, brand: RGBColor, white: RGBColor) -> None:
    """The scene's drawing on a brand-coloured panel left of the text, as one
    decorative group, after the text in the reading order."""
    scene = src.slides["scenes"][index]
    draw = DRAWINGS.get(scene["picture"])
    if draw is None:
        known = ", ".join(sorted(DRAWINGS))
        raise DataError(
            src.data_dir / SLIDES,
            f"scenes[{index}].visual",
            f"PowerPoint-filen kan inte rita ”{scene['picture']}” (bara {known}): "
            "rita den i macros/downloads/slides.py eller välj en av dem.",
        )
    group = slide.shapes.add_group_shape()
    group.name = "Teckning"
    panel = group.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, BODY_TOP, PANEL, PANEL)
    panel.fill.solid()
    panel.fill.fore_color.rgb = brand
    panel.line.fill.background()
    panel.shadow.inherit = False

    def at(x: float, y: float) -> tuple[int, int]:
        return MARGIN + round(UNIT * x), BODY_TOP + round(UNIT * y)

    draw(group.shapes, at, white, scene.get("number"))
    _mark_decorative(group)


def _fixed_dates(data: bytes, date: dt.date) -> bytes:
    """The same zip with every entry dated ``date``: unchanged data, same file."""
    stamp = (date.year, date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def check_alt_text(prs) -> None:
    """Every picture has alternative text (a picture without it stops the build)."""
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            is_picture = shape.shape_type == MSO_SHAPE_TYPE.PICTURE
            if is_picture and not shape._element.nvPicPr.cNvPr.get("descr"):
                raise ValueError(f"bild utan alternativtext på bild {number}: {shape.name}")


def write_slides(src: Sources, download: Download) -> bytes:
    """The .pptx file's bytes."""
    colours = src.colours
    text, muted, brand = _rgb(colours["text"]), _rgb(colours["text-muted"]), _rgb(colours["brand"])
    white = _rgb(colours["on-brand"])
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    _band_on_master(prs, brand)
    layout = prs.slide_layouts[TITLE_AND_CONTENT]
    inner = WIDTH - 2 * MARGIN
    for index, scene in enumerate(src.slides["scenes"]):
        slide = prs.slides.add_slide(layout)
        title, body = slide.shapes.title, slide.placeholders[1]
        title.left, title.top, title.width, title.height = MARGIN, TITLE_TOP, inner, TITLE_HEIGHT
        body.left, body.top = MARGIN + PANEL + GAP, BODY_TOP
        body.width, body.height = inner - PANEL - GAP, HEIGHT - BODY_TOP - TITLE_TOP
        title.text_frame.text = scene["heading"]
        title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        _style_runs(title.text_frame, TITLE_SIZE, brand, bold=True)
        frame = body.text_frame
        frame.word_wrap = True
        first = True
        for line in scene["lines"]:
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            paragraph.text = line
            paragraph.space_after = Pt(18)
            _no_bullet(paragraph)
            for run in paragraph.runs:
                run.font.name, run.font.size, run.font.color.rgb = FONT, LINE_SIZE, text
        for item in scene["items"]:
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            paragraph.text = item
            paragraph.space_after = Pt(10)
            for run in paragraph.runs:
                run.font.name, run.font.size, run.font.color.rgb = FONT, ITEM_SIZE, text
        notes = slide.notes_slide.notes_text_frame
        notes.text = scene["description"]
        _style_runs(notes, NOTES_SIZE, muted)
        _drawing(src, slide, index, brand, white)
        slide.name = scene["id"]
    check_alt_text(prs)

    core = prs.core_properties
    stamp = dt.datetime(download.date.year, download.date.month, download.date.day)
    core.title = download.title
    core.author = core.last_modified_by = AUTHOR
    core.language = LANGUAGE
    core.subject = src.guideline["title"]
    core.created = core.modified = stamp
    core.last_printed = stamp
    core.revision = 1

    # Every text run, paragraph end and default style in every part: Swedish;
    # the theme's fonts: Arial (the default template names Calibri).
    for part in prs.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            _mark_swedish(element, LANGUAGE)
        elif "/theme/" in str(part.partname):
            part._blob = part.blob.replace(b'typeface="Calibri', f'typeface="{FONT}'.encode())
    out = io.BytesIO()
    prs.save(out)
    return _fixed_dates(out.getvalue(), download.date)
