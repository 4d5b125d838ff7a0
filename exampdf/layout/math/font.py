"""The math font (STIX Two Math, OFL, as bundled by ziamath) as a ReportLab TTFont, and the
character that shows each glyph: ziamath places glyphs by index, ReportLab shows characters.

Size variants and radical or bracket pieces have no Unicode code point: they are given one
in plane 15 (private use), added to the font's character map, so every glyph is shown as
text from one embedded subset and a PDF reader never meets a glyph it cannot name.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exampdf import memo
from exampdf.pdf.tounicode import fix_math_to_unicode

MATH_FONT = "exampdf-math"
_PUA = 0xF0000  # plane 15 private use: glyph g without a code point is shown as _PUA + g


def font_path() -> Path:
    """The font file ziamath lays out with: drawing from the same file keeps the metrics."""
    spec = find_spec("ziamath")  # found, not imported: importing it loads the font too
    assert spec is not None and spec.origin is not None, "ziamath is a dependency"
    return Path(spec.origin).parent / "fonts" / "STIXTwoMath-Regular.ttf"


@memo.once
def math_font() -> TTFont:
    """Registered once per process."""
    font = TTFont(MATH_FONT, str(font_path()))  # 40 ms, only for banks with math
    pdfmetrics.registerFont(font)
    fix_math_to_unicode(font.face.name.decode("latin-1"))
    return font


@memo.cached(maxsize=1)
def _chars() -> dict[int, str]:
    """Glyph index -> the lowest code point mapped to it."""
    out: dict[int, str] = {}
    for code, gid in sorted(math_font().face.charToGlyph.items(), reverse=True):
        out[gid] = chr(code)
    return out


def glyph_char(gid: int) -> str:
    """The character that shows glyph `gid` in MATH_FONT (a private one made on first use)."""
    chars = _chars()
    ch = chars.get(gid)
    if ch is None:
        face = math_font().face
        code = _PUA + gid
        face.charToGlyph[code] = gid
        face.charWidths[code] = 0  # never measured: every glyph is placed by its position
        ch = chars[gid] = chr(code)
    return ch


def has_char(c: str) -> bool:
    """Whether the math font itself shows `c` (else \\text{} sets it in the body font)."""
    return ord(c) in math_font().face.charToGlyph


def char_glyph(c: str) -> int:
    """The glyph a character of MATH_FONT shows (glyph_char's inverse; 0 for none)."""
    code = ord(c)
    if code >= _PUA:
        return code - _PUA
    return int(math_font().face.charToGlyph.get(code, 0))
