"""Zero-size flowables that tell the page painter about pages: version starts, blanks, covers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import DocIf

from exampdf.pdf.ops import frame_cursor


class SectionCanvas(Protocol):
    def begin_section(self, key: str) -> None: ...
    def mark_blank(self) -> None: ...
    def mark_cover(self) -> None: ...
    def record(self, key: str, frame: str, y: float, height: float = 0.0) -> None: ...


class _Marker(Flowable):  # type: ignore[misc]
    _ZEROSIZE = 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0


class SectionStart(_Marker):
    """Marks the page it lands on as the first page of section `key` (a version code)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def draw(self) -> None:
        self.canv.begin_section(self.key)


class BlankMark(_Marker):
    def draw(self) -> None:
        self.canv.mark_blank()


class CoverMark(_Marker):
    """The page it lands on is a cover: no running header, not counted in 「n / N」."""

    def draw(self) -> None:
        self.canv.mark_cover()


class ProbeMark(_Marker):
    """Records page, frame and height where it lands (the canvas keeps the log)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def draw(self) -> None:
        frame = getattr(self, "_frame", None)
        if frame is not None and hasattr(self.canv, "record"):
            self.canv.record(self.key, frame.id, frame_cursor(frame))


def to_odd_page(simplex: bool = False) -> list[Flowable]:
    """End the page; if the next one is even, leave it blank so the section starts on a recto."""
    if simplex:
        return [PageBreak()]
    return [PageBreak(), _IfPage(0, [BlankMark(), PageBreak()])]


def to_even_page() -> list[Flowable]:
    """At the very end of a document: if its last page is odd, add a blank one, so that a
    document joined after it starts on a recto. (to_odd_page would leave a trailing empty
    page behind when nothing follows.)"""
    return [_IfPage(1, [PageBreak(), BlankMark()])]


class _IfPage(DocIf):  # type: ignore[misc]
    """`then` where the current page number is even (parity 0) or odd (1): DocIf without
    ReportLab's safe_eval, whose inspect.stack() cost 20 ms per version."""

    def __init__(self, parity: int, then: list[Flowable]) -> None:
        super().__init__("", then)
        self.parity = parity

    def funcWrap(self, avail_width: float, avail_height: float) -> bool:
        return int(self._doctemplateAttr("page")) % 2 == self.parity


class Expand(Flowable):  # type: ignore[misc]
    """Stands for flowables made only when the layout reaches this point (a version's body),
    so a long exam never holds every version's flowables at once."""

    _ZEROSIZE = 1

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._doctemplateAttr("frame").add_generated_content(*self.make())
        return 0, 0

    def draw(self) -> None:
        pass


class Deferred(Expand):
    """An Expand that writes nothing where it stands (any flowable, Expand too, writes an
    empty `q … Q` there): part of a story made late without a byte of the PDF changing."""

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        pass
