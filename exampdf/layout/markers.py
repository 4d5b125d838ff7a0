"""Zero-size flowables that tell the page painter where a version starts and which page is blank."""

from __future__ import annotations

from typing import Protocol

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import DocIf


class SectionCanvas(Protocol):
    def begin_section(self, key: str) -> None: ...
    def mark_blank(self) -> None: ...


class SectionStart(Flowable):  # type: ignore[misc]
    """Marks the page it lands on as the first page of section `key` (a version code)."""

    _ZEROSIZE = 1

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.begin_section(self.key)


class BlankMark(Flowable):  # type: ignore[misc]
    _ZEROSIZE = 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.mark_blank()


def to_odd_page() -> list[Flowable]:
    """End the page; if the next one is even, leave it blank so the section starts on a recto."""
    return [PageBreak(), DocIf("doc.page % 2 == 0", [BlankMark(), PageBreak()])]
