"""Zensical's search, in Swedish.

Zensical 0.0.73 draws its own search (not Material's) and writes its words into
its script in English whatever ``theme.language`` says: "Search", "No results",
"1 result". This step, run by scripts/build.py after ``zensical build``, puts
Swedish words in their place in the built site's copy of that script. Each
English piece must be found exactly once, or the build stops naming it: a newer
Zensical with other markup cannot slip English back in unnoticed (and may have
Swedish of its own; then drop this step).
"""

from __future__ import annotations

from pathlib import Path

from hooks.checks import StepFailed

# (what, Zensical's script, the same in Swedish), as in bundle.77dd0ce9.min.js.
WORDS = [
    (
        "the search dialog's name",
        '"aria-label":"Search","aria-modal"',
        '"aria-label":"Sök på webbplatsen","aria-modal"',
    ),
    (
        "the search field's name",
        '"aria-label":"Search","aria-autocomplete"',
        '"aria-label":"Sök på webbplatsen","aria-autocomplete"',
    ),
    ("the search field's placeholder", 'placeholder:"Search"', 'placeholder:"Sök"'),
    ("the close button", '"aria-label":"Close search"', '"aria-label":"Stäng sökningen"'),
    ("the list of results", '"aria-label":"Search results"', '"aria-label":"Sökresultat"'),
    (
        "the number of results",
        '${new Intl.NumberFormat("en-US").format(i)} ${i===1?"result":"results"}',
        '${new Intl.NumberFormat("sv-SE").format(i)} sökresultat',
    ),
    ("no results", 'a="No results"', 'a="Inga sökresultat"'),
    ("search loading", 'a="Loading search\\u2026"', 'a="Laddar sökningen\\u2026"'),
    (
        "search unavailable",
        'a="Search is unavailable. Reload the page to try again."',
        'a="Sökningen fungerar inte just nu. Ladda om sidan och försök igen."',
    ),
    ("the filter button", '"aria-label":"Filters"', '"aria-label":"Filter"'),
    ("the filter heading", 'children:"Filters"', 'children:"Filter"'),
    ("the tags heading", 'children:"Tags"', 'children:"Taggar"'),
    (
        "the tags hint",
        'children:"Use Up and Down arrow keys to move between tags. '
        'Press Space or Enter to toggle a tag."',
        'children:"Flytta mellan taggarna med pil upp och pil ned. '
        'Välj eller välj bort en tagg med mellanslag eller Enter."',
    ),
]

# The script that holds the search, before and after this step: Zensical's
# bundle (Material's has none of this).
MARKERS = ('"aria-label":"Close search"', '"aria-label":"Stäng sökningen"')


def in_swedish(script: str, where: str) -> str:
    """The script with every piece of WORDS in Swedish; a piece found other
    than once stops the build."""
    for what, english, swedish in WORDS:
        count = script.count(english)
        if count != 1 and swedish not in script:
            raise StepFailed(f"zensical_search: {where}: '{what}' found {count} times, not once")
        script = script.replace(english, swedish)
    return script


def translate_search(site_dir: Path) -> int:
    """Put the built site's search in Swedish; returns how many scripts changed.
    A Zensical site without the search script stops the build."""
    scripts = [
        path
        for path in sorted((site_dir / "assets" / "javascripts").glob("bundle.*.js"))
        if any(marker in path.read_text(encoding="utf-8") for marker in MARKERS)
    ]
    if not scripts:
        raise StepFailed("zensical_search: no script with Zensical's search in assets/javascripts")
    for path in scripts:
        where = path.relative_to(site_dir).as_posix()
        path.write_text(in_swedish(path.read_text(encoding="utf-8"), where), encoding="utf-8")
    return len(scripts)
