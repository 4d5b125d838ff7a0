"""A canvas that holds pages back until the end, so headers can say 'page n / N' per version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from exampdf.layout import PageInfo, Probe, page_infos
from exampdf.pdf.canvas import PageState, PaintCanvas
from exampdf.pdf.docseed import DocSeed

Painter = Callable[[Canvas, PageInfo], None]


def deferred_canvas(
    painter: Painter,
    pages_out: list[PageInfo],
    probes_out: list[Probe] | None = None,
    seed: DocSeed | None = None,  # font names and codes to start from (pdf/docseed.py)
    seed_out: list[DocSeed] | None = None,  # receives this document's own seed
    recurring: bool = False,  # most paragraphs recur (exam versions): forms at first sight
) -> type[Canvas]:
    """A Canvas class whose pages are decorated by `painter` once every page is known."""

    class DeferredCanvas(PaintCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, seed=seed, recurring=recurring, **kwargs)
            self._states: list[PageState] = []
            self._marks: list[tuple[str, bool]] = []
            self._covers: set[int] = set()
            self._section = ""
            self._blank = False

        def begin_section(self, key: str) -> None:
            self._section = key

        def mark_blank(self) -> None:
            self._blank = True

        def mark_cover(self) -> None:
            self._covers.add(len(self._states))

        def record(self, key: str, frame: str, y: float, height: float = 0.0) -> None:
            if probes_out is not None:
                probes_out.append(Probe(key, len(self._states) + 1, frame, y, height))

        def showPage(self) -> None:
            self._states.append(self.hold_page())
            self._marks.append((self._section, self._blank))
            self._blank = False

        def save(self) -> None:
            infos = page_infos(self._marks, self._covers)
            pages_out.extend(infos)
            # Each held page is dropped once written: a page's operators are never in
            # memory twice (held and in the document), and the peak stays near one copy.
            held, self._states = self._states, []
            held.reverse()
            for info in infos:
                self.write_page(held.pop())
                painter(self, info)
                self.emit_page()
            if seed_out is not None:
                seed_out.append(self.seed())
            super().save()

    return DeferredCanvas
