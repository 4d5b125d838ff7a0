"""Which characters a font can draw, and the substitutes used when no font has one."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from exampdf import memo
from exampdf.layout.text.fonts import ensure

# The last resort of the fallback chain (run font → symbol font → this table): marks authors
# paste, mapped to a look-alike the BIZ UD faces have.
SUBSTITUTES = {
    "✅": "✓",
    "✔": "✓",
    "☑": "✓",
    "✗": "×",
    "✘": "×",
    "❌": "×",
    "❎": "×",
    "⭕": "○",
    "⚠": "△",
    "➡": "→",
}
# Zero-width presentation selectors and joiners: no font draws them, so they are dropped
# (an emoji ZWJ sequence prints as its parts).
IGNORABLE = frozenset("\ufe0e\ufe0f\u200d")
# Layout characters every run may hold; they are never looked up in a font.
LAYOUT = frozenset("\n\t")


@memo.cached(maxsize=64)
def cmap(font: str) -> frozenset[str]:
    """The characters `font` (a registered TrueType name) has glyphs for."""
    ensure(font)
    face = pdfmetrics.getFont(font).face
    return frozenset(map(chr, face.charToGlyph))


def drawable(ch: str, fonts: tuple[str, ...]) -> bool:
    """True if one of `fonts` (or the substitute table) can draw `ch`."""
    if ch in IGNORABLE or ch in LAYOUT or any(ch in cmap(f) for f in fonts):
        return True
    sub = SUBSTITUTES.get(ch)
    return sub is not None and any(sub in cmap(f) for f in fonts)
