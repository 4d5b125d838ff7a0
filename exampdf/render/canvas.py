"""A canvas that holds pages back until the end, so headers can say 'page n / N' per version."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from exampdf.layout import PageInfo, Probe, page_infos
from exampdf.pdf.canvas import PageState, PaintCanvas
from exampdf.pdf.docseed import DocSeed

Painter = Callable[[Canvas, PageInfo], None]
# (section, blank) of each page and the 0-based cover pages -> what each page says
Numbering = Callable[[Sequence[tuple[str, bool]], Collection[int]], list[PageInfo]]


@dataclass
class Tally:
    """What a long document's canvas is told and tells besides its pages (render/booklet.py)."""

    count_only: bool = False  # in: hold no page and write nothing, only count the pages
    outline_level: int = -1  # out: the level of the last bookmark (a next slice resumes it)


@dataclass(unsafe_hash=True)
class _Setup:
    """What one document's DeferredCanvas is given (deferred_canvas's arguments)."""

    painter: Painter
    pages_out: list[PageInfo]
    probes_out: list[Probe] | None
    seed: DocSeed | None
    seed_out: list[DocSeed] | None
    recurring: bool
    numbering: Numbering
    tally: Tally | None


def deferred_canvas(
    painter: Painter,
    pages_out: list[PageInfo],
    probes_out: list[Probe] | None = None,
    seed: DocSeed | None = None,  # font names and codes to start from (pdf/docseed.py)
    seed_out: list[DocSeed] | None = None,  # receives this document's own seed
    recurring: bool = False,  # most paragraphs recur (exam versions): forms at first sight
    numbering: Numbering = page_infos,  # a slice numbers its pages as the whole document does
    tally: Tally | None = None,
) -> Callable[..., Canvas]:
    """A maker of canvases whose pages are decorated by `painter` once every page is known.
    One class for all documents (a class made per document is a reference cycle, which only
    the cycle collector frees: render/pdf.py frees a document by reference counting)."""
    setup = _Setup(painter, pages_out, probes_out, seed, seed_out, recurring, numbering, tally)
    return partial(DeferredCanvas, setup=setup)


class DeferredCanvas(PaintCanvas):
    """Holds every page back; at `save`, numbers them and lets the painter decorate each."""

    def __init__(self, *args: Any, setup: _Setup, **kwargs: Any) -> None:
        super().__init__(*args, seed=setup.seed, recurring=setup.recurring, **kwargs)
        self._setup = setup
        self._states: list[PageState] = []
        self._marks: list[tuple[str, bool]] = []
        self._covers: set[int] = set()
        self._section = ""
        self._blank = False
        self._counting = setup.tally is not None and setup.tally.count_only

    def begin_section(self, key: str) -> None:
        self._section = key

    def mark_blank(self) -> None:
        self._blank = True

    def mark_cover(self) -> None:
        self._covers.add(len(self._marks))  # the page being laid out

    def record(self, key: str, frame: str, y: float, height: float = 0.0) -> None:
        probes = self._setup.probes_out
        if probes is not None:
            probes.append(Probe(key, len(self._marks) + 1, frame, y, height))

    def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: Any = None) -> None:
        super().addOutlineEntry(title, key, level, closed)
        if self._setup.tally is not None:
            self._setup.tally.outline_level = level

    def showPage(self) -> None:
        page = self.hold_page()
        if not self._counting:
            self._states.append(page)
        self._marks.append((self._section, self._blank))
        self._blank = False

    def save(self) -> None:
        setup = self._setup
        infos = setup.numbering(self._marks, self._covers)
        setup.pages_out.extend(infos)
        if self._counting:
            return
        # Each held page is dropped once written: a page's operators are never in
        # memory twice (held and in the document), and the peak stays near one copy.
        held, self._states = self._states, []
        held.reverse()
        for info in infos:
            self.write_page(held.pop())
            setup.painter(self, info)
            self.emit_page()
        if setup.seed_out is not None:
            setup.seed_out.append(self.seed())
        super().save()
