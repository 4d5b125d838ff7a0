"""`$$…$$` as a flowable: the formula centred on lines of its own, set smaller when it is
wider than the frame (warning W110 comes from layout/blocks/mathcheck.py, before any PDF)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from exampdf.layout.blocks.cut import shrunk_if_due
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.mathbox import math_box
from exampdf.layout.text.textrun import MATH_MARK, Run

MIN_SCALE = 0.5  # narrower frames than this would make the formula unreadable: it overflows


def display_paragraph(latex: str, font: str, size: float, style: ParaStyle) -> JParagraph:
    """A centred paragraph of one formula: a JParagraph, so it is painted once per PDF as
    a form like any other paragraph and its line grows to the formula's height."""
    run = Run(MATH_MARK, font, size, math=latex, display=True)
    return JParagraph([run], style)


class DisplayMath(Flowable):  # type: ignore[misc]
    """The formula at its size when it fits the frame, else scaled to the frame's width."""

    centred = True  # drawn scaled down (taller than a page), it stays in the middle

    def __init__(self, latex: str, font: str, size: float, style: ParaStyle) -> None:
        super().__init__()
        self.latex, self.font, self.size, self.style = latex, font, size, style
        self.spaceBefore, self.spaceAfter = style.space_before, style.space_after
        self._natural = display_paragraph(latex, font, size, style)
        self._by_width: dict[float, JParagraph] = {}
        self.inner = self._natural

    def scale_for(self, width: float) -> float:
        need = math_box(self._natural.runs[0]).width
        return 1.0 if need <= width else max(MIN_SCALE, width / need * 0.999)

    def _fitted(self, width: float) -> JParagraph:
        scale = self.scale_for(width)
        if scale == 1.0:
            return self._natural
        if width not in self._by_width:
            size = self.size * scale
            self._by_width[width] = display_paragraph(self.latex, self.font, size, self.style)
        return self._by_width[width]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.inner = self._fitted(availWidth)
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return shrunk_if_due(self, availHeight)  # never split; shrunk if taller than a page

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.inner.drawOn(canvas, x, y, _sW)  # no wrapper's own graphics state
