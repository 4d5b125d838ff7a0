"""Formulas in lines of text: a math run's box, how far each line grows to hold it, and
painting it (the formula itself is laid out and painted by layout/math)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from exampdf.layout.math.engine import MathBox, lay_out
from exampdf.layout.math.paint import paint
from exampdf.layout.text.textrun import ASCENT, Run

if TYPE_CHECKING:  # jsegment measures math runs here and linebreak imports jsegment
    from exampdf.layout.text.linebreak import Line, Piece

LineBox = tuple[float, float]  # line height, line top to baseline
PAD = 0.12  # em of room kept between a formula and the text of the lines above and below


def math_box(run: Run) -> MathBox:
    """The formula at the run's size; \\text{} in the run's font (bold in headings)."""
    return lay_out(run.math, run.display, run.size, run.font)


def line_boxes(runs: Sequence[Run], lines: Sequence[Line], lead: float) -> list[LineBox]:
    """Each line's height and baseline: the text's own (as JParagraph sets it) unless a
    formula reaches higher or lower, then grown by just as much, with PAD em to spare."""
    out: list[LineBox] = []
    for ln in lines:
        size = max((runs[p.run].size for p in ln.pieces), default=0.0)
        above = (lead - size) / 2 + ASCENT * size
        below = lead - above
        up = down = 0.0
        for p in ln.pieces:
            r = runs[p.run]
            if r.math:
                box, pad = math_box(r), PAD * r.size
                up = max(up, box.ascent + pad - above)
                down = max(down, box.descent + pad - below)
        out.append((lead + up + down, above + up))
    return out


def lines_within(boxes: Sequence[LineBox], height: float) -> int:
    """How many lines, from the first, fit in `height`."""
    used = 0.0
    for n, (h, _) in enumerate(boxes):
        used += h
        if used > height + 1e-6:
            return n
    return len(boxes)


def draw_math(canv: Any, placed: Sequence[tuple[Piece, Run, float]], left: float) -> None:
    """Each formula on its line's baseline where the line breaker put its box."""
    for p, r, base in placed:
        if r.math:
            paint(canv, math_box(r), left + p.x, base)
