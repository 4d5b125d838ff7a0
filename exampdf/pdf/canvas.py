"""A canvas that holds pages back until the end, so headers can say 'page n / N' per version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObjectReference, PDFPage
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.page.pages import PageInfo, Probe, page_infos
from exampdf.layout.text.jparagraph import EAGER, INHERITED, painted_forms
from exampdf.pdf.docseed import DocSeed, apply, capture

Painter = Callable[[Canvas, PageInfo], None]
SHARED_XOBJECTS = "exampdf.XObjects"


def deferred_canvas(
    painter: Painter,
    pages_out: list[PageInfo],
    probes_out: list[Probe] | None = None,
    seed: DocSeed | None = None,  # font names and codes to start from (render/docseed.py)
    seed_out: list[DocSeed] | None = None,  # receives this document's own seed
    recurring: bool = False,  # most paragraphs recur (exam versions): forms at first sight
) -> type[Canvas]:
    """A Canvas class whose pages are decorated by `painter` once every page is known."""

    class DeferredCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if seed is not None:
                apply(seed, self._doc)
                self.__dict__[INHERITED] = seed.forms
            if recurring:
                self.__dict__[EAGER] = True
            self._states: list[dict[str, Any]] = []
            self._marks: list[tuple[str, bool]] = []
            self._covers: set[int] = set()
            self._section = ""
            self._blank = False
            self._xobjects: dict[str, None] = {}  # every form a page uses, in order of first use

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
            self._states.append(dict(self.__dict__))
            self._marks.append((self._section, self._blank))
            self._blank = False
            self._startPage()

        def save(self) -> None:
            infos = page_infos(self._marks, self._covers)
            pages_out.extend(infos)
            for state, info in zip(self._states, infos, strict=True):
                self.__dict__.update(state)
                painter(self, info)
                Canvas.showPage(self)
            if seed_out is not None:
                seed_out.append(capture(self._doc, painted_forms(self)))
            if self._xobjects:
                self._doc.Reference(self._doc.xobjDict(list(self._xobjects)), SHARED_XOBJECTS)
            Canvas.save(self)

        def _setXObjects(self, thing: Any) -> None:
            """Pages share one dictionary of the forms they use instead of each listing its
            own: an exam page places forty forms, and formatting and storing forty names and
            references per page was most of the cost of saving (and a third of the file)."""
            if not isinstance(thing, PDFPage) or not self._formsinuse:
                super()._setXObjects(thing)
                return
            self._xobjects.update(dict.fromkeys(self._formsinuse))
            thing.XObjects = PDFObjectReference(SHARED_XOBJECTS)

    return DeferredCanvas
