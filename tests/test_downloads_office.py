"""LibreOffice Impress, a real client, opens the slides (marker ``office``):
``soffice --headless --convert-to pdf`` lays out every slide, and the PDF it
writes has one 16:9 page per scene with the scene's title and text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.site import Site
from tests.test_downloads import SLIDES, questions, scenes

# Slow lane too: LibreOffice takes seconds to start.
pytestmark = [pytest.mark.office, pytest.mark.slow]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_impress_opens_the_slides(site: Site, tmp_path: Path) -> None:
    assert SOFFICE, "LibreOffice is missing: apt-get install -y libreoffice-impress-nogui"
    deck = tmp_path / "bildspel.pptx"
    shutil.copyfile(site.root / SLIDES, deck)
    profile = (tmp_path / "profile").as_uri()  # its own profile: no lock shared with others
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(deck)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pages = PdfReader(tmp_path / "bildspel.pdf").pages
    assert len(pages) == len(scenes())
    for page, scene in zip(pages, scenes(), strict=True):
        box = page.mediabox
        assert round(box.width / box.height, 2) == round(16 / 9, 2)
        text = re.sub(r"\s+", " ", page.extract_text())
        assert scene["heading"] in text
        for line in [*scene["lines"], *scene["items"]]:
            assert line in text, f"{line!r} not on the slide {scene['heading']!r}"
    all_text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))
    assert all(q["text"] in all_text for q in questions())
