"""A safety net for blocks that cannot split: one taller than a whole page is scaled to fit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, KeepInFrame

Builder = Callable[[Any, Any], list[Flowable]]


class FitTall(Flowable):  # type: ignore[misc]
    """Behaves exactly like `inner`, except where ReportLab would raise LayoutError.

    ReportLab moves a block that does not fit to a fresh frame (marking it `_postponed`); if
    it still neither fits nor splits there (a table row taller than a page), the build
    fails. Here that second attempt gets the block shrunk into the frame instead.
    """

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner
        self.spaceBefore = inner.getSpaceBefore()
        self.spaceAfter = inner.getSpaceAfter()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.inner.split(avail_width, avail_height)
        if parts:
            return [FitTall(p) for p in parts]
        if not getattr(self, "_postponed", False):
            return []  # let ReportLab try a fresh frame first
        return [KeepInFrame(avail_width, avail_height, [self.inner], mode="shrink")]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


def fit_tall(builder: Builder) -> Builder:
    """A block builder whose flowables shrink to a page instead of failing the build."""

    def build(block: Any, theme: Any) -> list[Flowable]:
        return [FitTall(f) for f in builder(block, theme)]

    return build
