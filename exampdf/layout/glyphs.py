"""Characters the shipped fonts lack, replaced by the nearest glyph they have (never a tofu box)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics

# Emoji marks authors paste into explanations; BIZ UD has ✓ × ○ but no emoji.
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
    "\ufe0f": "",  # emoji presentation selector
    "\ufe0e": "",  # text presentation selector
}
_TABLE = str.maketrans(SUBSTITUTES)


def printable(text: str) -> str:
    return text.translate(_TABLE)


@cache
def _cmap(font: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def missing(text: str, font: str) -> set[str]:
    """Characters of `text` that `font` cannot draw (after substitution)."""
    cmap = _cmap(font)
    return {ch for ch in printable(text) if ord(ch) not in cmap and ch not in "\n\t"}
