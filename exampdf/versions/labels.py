"""Printed option labels in the four styles a Japanese exam uses: A, ア, 1, ①."""

from __future__ import annotations

from exampdf.versions.types import letter

KANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
# ①-⑳, ㉑-㉟, ㊱-㊿: the circled numbers Unicode has (and BIZ UD fonts carry).
CIRCLED = (
    "".join(chr(c) for c in range(0x2460, 0x2474))
    + "".join(chr(c) for c in range(0x3251, 0x3260))
    + "".join(chr(c) for c in range(0x32B1, 0x32C0))
)


def option_label(pos: int, style: str = "A") -> str:
    """The bare label of the option printed at 0-based `pos` (as on the answer sheet)."""
    if style == "ア" and pos < len(KANA):
        return KANA[pos]
    if style == "1":
        return str(pos + 1)
    if style == "①" and pos < len(CIRCLED):
        return CIRCLED[pos]
    return letter(pos)


def printed_label(pos: int, style: str = "A") -> str:
    """The label as printed before the option text: Latin letters and digits take a period."""
    label = option_label(pos, style)
    return f"{label}." if style in ("A", "1") or label.isascii() else label
