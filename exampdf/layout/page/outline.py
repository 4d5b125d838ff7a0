"""PDF bookmarks (the outline) from zero-size flowables placed in the story."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.platypus import Flowable


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
        # Our canvas keeps pages back until the end (page n / N), so the document's own
        # "current page" is not known yet; ReportLab names pages Page1, Page2, … in order,
        # and the page number the layout reached is the one this entry belongs to.
        page = c._doctemplate.page
        dest = c._bookmarkReference(self.key)
        dest.fit()
        dest.setPage(PDFObjectReference(f"Page{page}"))
        c.addOutlineEntry(self.title, self.key, self.level)
        c.showOutline()
