"""The simple pictures scenes can show, as inline SVG drawn in currentColor.

Each scene's description in the data files says what its picture shows; keep
them true when you change a drawing here.
"""

from __future__ import annotations

_STROKE = 'fill="none" stroke="currentColor" stroke-width="6" stroke-linecap="round"'

VISUALS: dict[str, str] = {
    "question": (
        f'<circle cx="60" cy="60" r="50" {_STROKE}/>'
        '<text x="60" y="84" text-anchor="middle" font-size="70" font-weight="700" '
        'fill="currentColor" font-family="sans-serif">?</text>'
    ),
    "document": (
        f'<path d="M28 10h44l20 20v80H28z M72 10v20h20" {_STROKE} stroke-linejoin="round"/>'
        f'<path d="M40 50h40 M40 64h40 M40 78h40 M40 92h28" {_STROKE}/>'
    ),
    "compass": (
        f'<circle cx="60" cy="60" r="50" {_STROKE}/>'
        '<path d="M84 36 L66 66 L54 54 Z" fill="#8fd0ff"/>'
        '<path d="M36 84 L66 66 L54 54 Z" fill="currentColor"/>'
    ),
    "checklist": "".join(
        f'<path d="M14 {y}l8 8 14-16 M50 {y + 2}h56" {_STROKE}/>' for y in (24, 58, 92)
    ),
    "box-arrow": (
        f'<path d="M60 8v52 M42 44l18 18 18-18" {_STROKE} stroke-linejoin="round"/>'
        f'<path d="M18 70v40h84V70" {_STROKE} stroke-linejoin="round"/>'
    ),
    "people": (
        '<g fill="currentColor">'
        '<circle cx="28" cy="42" r="12"/><path d="M8 96a20 24 0 0 1 40 0z"/>'
        '<circle cx="92" cy="42" r="12"/><path d="M72 96a20 24 0 0 1 40 0z"/>'
        "</g>"
        '<g fill="currentColor" stroke="#005a8c" stroke-width="4">'
        '<circle cx="60" cy="38" r="16"/><path d="M32 108a28 32 0 0 1 56 0z"/></g>'
    ),
    "globe": (
        f'<circle cx="60" cy="60" r="50" {_STROKE}/>'
        f'<ellipse cx="60" cy="60" rx="22" ry="50" {_STROKE}/>'
        f'<path d="M14 42h92 M14 78h92" {_STROKE}/>'
    ),
    "number": (
        f'<circle cx="60" cy="60" r="50" {_STROKE}/>'
        '<text x="60" y="83" text-anchor="middle" font-size="64" font-weight="700" '
        'fill="currentColor" font-family="sans-serif">{number}</text>'
    ),
}


def render_visual(name: str, number: int | None = None) -> str:
    """A decorative SVG (the description carries its meaning)."""
    body = VISUALS[name].replace("{number}", str(number or ""))
    return (
        '<svg class="vgr-visual" viewBox="0 0 120 120" width="120" height="120" '
        f'aria-hidden="true" focusable="false">{body}</svg>'
    )
