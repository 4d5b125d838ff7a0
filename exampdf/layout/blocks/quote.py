"""Blockquotes: children indented beside a grey rule, split between or inside children."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from exampdf.layout.theme import RULE_GREY

BAR = 2.0  # rule width; thick enough to survive a copier


class QuoteBox(Flowable):  # type: ignore[misc]
    """A column of flowables drawn `indent` points in, with a rule down the left edge that
    continues onto the next page when the quote splits."""

    def __init__(self, children: Sequence[Flowable], indent: float) -> None:
        super().__init__()
        self.children = list(children)
        self.indent = indent
        self.spaceBefore = self.children[0].getSpaceBefore() if self.children else 0.0
        self.spaceAfter = self.children[-1].getSpaceAfter() if self.children else 0.0
        self._placed: list[tuple[Flowable, float, float]] = []  # child, height, x

    def _gap(self, i: int) -> float:
        """Space between child i-1 and child i, as a frame would collapse it."""
        if i == 0:
            return 0.0
        return float(max(self.children[i - 1].getSpaceAfter(), self.children[i].getSpaceBefore()))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._placed = []
        for c in self.children:
            h = c.wrap(avail_width - self.indent, avail_height)[1]
            self._placed.append((c, h, self.indent))
        self.width = avail_width
        self.height = sum(h + self._gap(i) for i, (_, h, _) in enumerate(self._placed))
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        used = 0.0
        for i, (child, h, x) in enumerate(self._placed):
            top = used + self._gap(i)
            if top + h <= avail_height + 1e-6:
                used = top + h
                continue
            parts = child.split(avail_width - x, avail_height - top)
            if len(parts) >= 2:
                head = [*self.children[:i], parts[0]]
                tail = [*parts[1:], *self.children[i + 1 :]]
            elif i > 0:
                head, tail = self.children[:i], self.children[i:]
            else:
                return []
            return [QuoteBox(head, self.indent), QuoteBox(tail, self.indent)]
        return []

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColorRGB(*RULE_GREY)
        c.setLineWidth(BAR)
        c.line(BAR / 2, 0, BAR / 2, self.height)
        c.restoreState()
        y = self.height
        for i, (child, h, x) in enumerate(self._placed):
            y -= self._gap(i) + h
            child.drawOn(c, x, y)
