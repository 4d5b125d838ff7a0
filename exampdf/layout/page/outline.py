"""PDF bookmarks (the outline) from zero-size flowables placed in the story."""

from __future__ import annotations

from reportlab.platypus import Flowable

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
