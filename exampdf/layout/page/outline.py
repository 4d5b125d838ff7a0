"""PDF bookmarks (the outline) from zero-size flowables placed in the story."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from exampdf.pdf.docslice import RESUMED
from exampdf.pdf.ops import outline_here


class Bookmark(Flowable):  # type: ignore[misc]
    """An outline entry `title` at `level` (0 = top) for the page this flowable lands on."""

    _ZEROSIZE = 1

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        outline_here(c, self.key)  # pages are kept back: no current page object yet
        c.addOutlineEntry(self.title, self.key, self.level)
        c.showOutline()


class ResumeOutline(Flowable):  # type: ignore[misc]
    """At the start of a later slice of a long document: stand-in outline entries for the
    levels 0..`level` the last slice left open, so this slice's bookmarks nest as they
    would in one document (the join folds them into the entries they stand for). Nothing
    is drawn, not even the empty `q … Q` of a flowable."""

    _ZEROSIZE = 1

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        for level in range(self.level + 1):
            key = f"exampdf-resumed-{level}"
            outline_here(canvas, key)
            canvas.addOutlineEntry(RESUMED, key, level)
