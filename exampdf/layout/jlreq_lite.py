"""Character-class questions the markup stage needs before any line breaking."""

from __future__ import annotations

import unicodedata


def is_cjk(ch: str) -> bool:
    """Han, kana, full-width forms and CJK punctuation: text joined without spaces."""
    if not ch:
        return False
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= code <= 0x9FFF  # Han
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
        or unicodedata.east_asian_width(ch) in ("W", "F")
    )


def join_soft_break(before: str, after: str) -> str:
    """What a source newline inside a paragraph becomes between two characters."""
    if not before or not after:
        return ""
    if is_cjk(before) or is_cjk(after):
        return ""
    return " "
