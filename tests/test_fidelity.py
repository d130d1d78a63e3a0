"""Every sentence of the guideline's source text is on the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.site import Site, normalize

SEEDS = Path(__file__).parent / "seeds"

# Lines of the old website that are not part of the guideline: its browser
# warning, skip link, page date and download links (issue: leave out chrome).
CHROME = {
    "Webbplatsen använder teknik som troligen inte stöds av din webbläsare som exempelvis "
    "Internet Explorer 11. Vissa saker kan se konstiga ut eller inte fungera. Vi rekommenderar "
    "att du byter till en modern webbläsare istället.",
    "Gå direkt till huvudinnehållet",
    "Senast uppdaterad: 2021-03-05 08:25",
    "Bildspel om utbildningsplanering enligt VGRs riktlinje för kompetensutveckling och "
    "lärande (ppt)",
    "Tips för utbildningsplanering enligt VGRs riktlinje för kompetensutveckling och lärande (pdf)",
    "Syntolkning Riktlinjen i korthet",
}

# Evident typos fixed on the site, each as (source, site).
TYPO_FIXES = [
    ("och ch ta med", "och ta med"),
    ("Riktlinje kompetensutveckling och", "Riktlinje för kompetensutveckling och"),
]


def seed_sentences() -> list[str]:
    """The guideline's sentences, from both seed files, with typos fixed."""
    sentences: list[str] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for raw in seed.read_text(encoding="utf-8").splitlines():
            line = normalize(re.sub(r"^\s*(?:•|\d+\.)\s*", "", raw))
            if not line or line in CHROME:
                continue
            for wrong, right in TYPO_FIXES:
                line = line.replace(wrong, right)
            sentences += [s for s in re.split(r"(?<=[.?!;])\s+", line) if s]
    return sentences


def test_seed_parsing_finds_the_guideline() -> None:
    sentences = seed_sentences()
    assert len(sentences) > 60
    assert "Riktlinjen börjar gälla 1 januari 2021." in sentences


@pytest.mark.parametrize("sentence", seed_sentences())
def test_sentence_is_on_the_site(site: Site, sentence: str) -> None:
    corpus = " ".join(page.article_text for page in site.content_pages())
    assert sentence in corpus
