"""ToUnicode for characters beyond the BMP in the math font: ReportLab writes such a code as
five hex digits, which readers take as a 16-bit code and a stray digit (𝑥, U+1D465, reads back
as ᵆ). Math italics and the glyphs layout/math/font.py numbers in plane 15 are all beyond the
BMP, so the math font's CMap writes them as UTF-16 surrogate pairs; every other font keeps
ReportLab's own CMap, byte for byte."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfbase import ttfonts

CMap = Callable[[str, Sequence[int]], str]


def _utf16(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _math_cmap(original: CMap, font_name: str) -> CMap:
    def cmap(fontname: str, subset: Sequence[int]) -> str:
        text = original(fontname, subset)
        if font_name not in fontname or all(code <= 0xFFFF for code in subset):
            return text
        for i, code in enumerate(subset):
            if code > 0xFFFF:
                text = text.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{_utf16(code)}>", 1)
        return text

    return cmap


_FIXED: set[str] = set()  # fonts whose CMap is fixed in this process (a process-wide patch)


def fix_math_to_unicode(font_name: str) -> None:
    """Install once per process: `font_name` is the math font's PostScript name."""
    if font_name not in _FIXED:
        _FIXED.add(font_name)
        ttfonts.makeToUnicodeCMap = _math_cmap(ttfonts.makeToUnicodeCMap, font_name)
