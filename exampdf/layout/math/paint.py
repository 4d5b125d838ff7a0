"""Paints a MathBox on a ReportLab canvas: glyphs as text in the embedded math font."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from exampdf.layout.math.engine import MathBox
from exampdf.layout.math.font import MATH_FONT, glyph_char, math_font


def paint(canv: Any, box: MathBox, x: float, y: float, scale: float = 1.0) -> None:
    """`box` with its baseline's left end at (x, y), in black, enlarged by `scale`."""
    math_font()
    canv.setFillColorRGB(0, 0, 0)
    if box.glyphs:
        to = canv.beginText()
        for size, run in groupby(box.glyphs, key=lambda g: g[3]):
            to.setFont(MATH_FONT, size * scale)
            for gid, gx, gy, _ in run:
                to.setTextOrigin(x + gx * scale, y + gy * scale)
                to.textOut(glyph_char(gid))
        canv.drawText(to)
    for rx, ry, w, h in box.rules:
        canv.rect(x + rx * scale, y + ry * scale, w * scale, h * scale, stroke=0, fill=1)
    for text, tx, ty, size in box.texts:
        canv.setFont(box.text_font, size * scale)
        canv.drawString(x + tx * scale, y + ty * scale, text)
