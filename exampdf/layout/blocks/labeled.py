"""A label in a gutter beside a body flowable: question numbers, option letters, bullets."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.cut import cut
from exampdf.layout.blocks.place import Nested, place
from exampdf.layout.text.jparagraph import JParagraph


class Labeled(Nested):
    """Draws `label` at the top left and `body` `gutter` points to its right (hanging indent)."""

    def __init__(
        self, label: Flowable, body: Flowable, gutter: float, space_after: float | None = None
    ) -> None:
        super().__init__()
        self.label, self.body, self.gutter = label, body, gutter
        self.spaceBefore = body.getSpaceBefore()
        self.spaceAfter = body.getSpaceAfter() if space_after is None else space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, lh = self.label.wrap(self.gutter, avail_height)
        _, bh = self.body.wrap(avail_width - self.gutter, avail_height)
        lh += baseline_drop(self.body)  # the label moves down with a formula's first line
        self._lh, self._bh = lh, bh
        self.width, self.height = avail_width, max(lh, bh)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width - self.gutter, avail_height)
        if len(parts) < 2:
            # A continuation moved to a fresh frame where it still does not fit: cut it.
            return self.cut(avail_width, avail_height) if hasattr(self, "_postponed") else []
        return self._pieces(parts)

    def cut(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._pieces(cut(self.body, avail_width - self.gutter, avail_height))

    def _pieces(self, parts: list[Flowable]) -> list[Flowable]:
        head = Labeled(self.label, parts[0], self.gutter)
        tails = [Labeled(Spacer(1, 0), p, self.gutter) for p in parts[1:]]
        return [head, *tails]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Flowable.drawOn's `q`, `1 0 0 1 x y cm` … `Q` at the top of a story too, without
        copying the whole graphics state (a bullet list's every item): neither label nor
        body leaves a change behind, each a paragraph, a container or bracketing itself."""
        self.draw_nested(canvas, self._hAlignAdjust(x, _sW), y)

    def draw(self) -> None:
        place(self.canv, self.label, 0, self.height - self._lh)
        place(self.canv, self.body, self.gutter, self.height - self._bh)


def baseline_drop(body: Flowable) -> float:
    """How far formulas lowered the first baseline of `body` (a paragraph, or the first part
    of a stack), so that a label beside it can share that baseline."""
    parts = getattr(body, "parts", None)  # a Stack (which imports this module)
    if parts:
        return baseline_drop(parts[0])
    return body.first_drop() if isinstance(body, JParagraph) else 0.0
