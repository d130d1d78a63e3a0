"""The tips as a tagged PDF (PDF/UA-1), made by WeasyPrint from tips.html.

WeasyPrint lays out HTML and CSS in Python (with the system's Pango for text),
so the build needs no browser; with ``pdf_variant="pdf/ua-1"`` it writes the
structure tree (H1, H2, L/LI, P), marks the PDF as tagged, and takes the
document title and language from the HTML's <title> and lang.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from .build import AUTHOR, LANGUAGE

if TYPE_CHECKING:
    from .build import Download, Sources

HERE = Path(__file__).resolve().parent
MISSING_PANGO = (
    "Fel: bygget skriver tipsen som PDF med WeasyPrint, som behöver systembiblioteket "
    "Pango ({reason}). Installera det (Debian: apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0) och bygg igen."
)


def _template(name: str, autoescape: bool = True) -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name)


def tips_html(src: Sources, download: Download) -> str:
    """The document WeasyPrint lays out."""
    colours = src.colours
    css = _template("tips.css", autoescape=False).render(
        text=colours["text"], brand=colours["brand"], muted=colours["text-muted"]
    )
    return _template("tips.html").render(
        language=LANGUAGE,
        title=download.title,
        author=AUTHOR,
        subject=src.guideline["title"],
        guideline_title=src.guideline["title"],
        date=download.date.isoformat(),
        css=css,
        intro=src.questions["intro"],
        questions=src.numbered_questions(),
        site_name=src.site_name,
    )


def write_tips(src: Sources, download: Download) -> bytes:
    """The PDF's bytes: the same data give the same file."""
    try:
        from weasyprint import HTML  # imported here: loading Pango takes a moment
    except OSError as err:  # Pango, a system library, is missing
        raise SystemExit(MISSING_PANGO.format(reason=err)) from None

    # WeasyPrint logs every font it cannot find and CSS it ignores as warnings;
    # MkDocs --strict would count them. Keep them at debug level.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = tips_html(src, download)
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    return HTML(string=html).write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_identifier=identifier,
        pdf_tags=True,
        custom_metadata=True,
    )
