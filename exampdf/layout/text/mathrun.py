"""Formulas in lines of text: a math run's box, how far each line grows to hold it, and
painting it (the formula itself is laid out and painted by layout/math)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from exampdf.layout.text.linebreak import Line, Piece
from exampdf.layout.text.mathbox import math_box
from exampdf.layout.text.textrun import ASCENT, Run

LineBox = tuple[float, float]  # line height, line top to baseline
PAD = 0.12  # em of room kept between a formula and the text of the lines above and below


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


def first_drop(runs: Sequence[Run], lines: Sequence[Line], lead: float) -> float:
    """How far a formula pushes the first baseline down from where plain text has it (a
    label beside the paragraph moves down as much, to share the baseline)."""
    if not lines:
        return 0.0
    size = max((runs[p.run].size for p in lines[0].pieces), default=0.0)
    return line_boxes(runs, lines[:1], lead)[0][1] - ((lead - size) / 2 + ASCENT * size)


def height(runs: Sequence[Run], lines: Sequence[Line], lead: float) -> float:
    """The paragraph's height, its lines grown for their formulas."""
    return sum(h for h, _ in line_boxes(runs, lines, lead))


def lines_within(runs: Sequence[Run], lines: Sequence[Line], lead: float, room: float) -> int:
    """How many lines, from the first, fit in `room`."""
    used = 0.0
    for n, (h, _) in enumerate(line_boxes(runs, lines, lead)):
        used += h
        if used > room + 1e-6:
            return n
    return len(lines)


def placed_math(
    runs: Sequence[Run], lines: Sequence[Line], lead: float, height: float
) -> list[tuple[Piece, Run, float]]:
    """Every piece with its baseline, lines stacked at their grown heights from the top."""
    placed: list[tuple[Piece, Run, float]] = []
    top = height
    for ln, (h, down) in zip(lines, line_boxes(runs, lines, lead), strict=True):
        placed.extend((p, runs[p.run], top - down) for p in ln.pieces)
        top -= h
    return placed


def draw_math(canv: Any, placed: Sequence[tuple[Piece, Run, float]], left: float) -> None:
    """Each formula on its line's baseline where the line breaker put its box."""
    for p, r, base in placed:
        if r.math:
            from exampdf.layout.math.paint import paint  # with the first formula

            paint(canv, math_box(r), left + p.x, base)
