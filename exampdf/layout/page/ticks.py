"""Zero-size marks in a story that report progress as each version reaches the page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from exampdf.layout.page.markers import SectionStart

# (sections finished, page number) -> None
Tick = Callable[[int, int], None]


class TickMark(Flowable):  # type: ignore[misc]
    """Calls back when drawn: layout is sequential, so drawing means everything before is set."""

    _ZEROSIZE = 1

    def __init__(self, finished: int, tick: Tick) -> None:
        super().__init__()
        self.finished, self.tick = finished, tick
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        # No saveState/translate: the mark leaves the page content byte-for-byte unchanged.
        self.tick(self.finished, int(canvas.getPageNumber()))  # type: ignore[attr-defined]


def with_ticks(story: Sequence[Flowable], tick: Tick) -> list[Flowable]:
    """The story with a TickMark before every section start and one at the very end."""
    out: list[Flowable] = []
    started = 0
    for flowable in story:
        if isinstance(flowable, SectionStart):
            if started:
                out.append(TickMark(started, tick))
            started += 1
        out.append(flowable)
    out.append(TickMark(started, tick))
    return out
