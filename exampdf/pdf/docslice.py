"""A document template that can end at a page boundary and hand back the rest of its story,
so a long document is laid out in slices, each taking the story up where the last stopped.

Platypus keeps nothing from one page to the next but the story itself (flowables already
split where the page ended, a postponed one marked on itself), the page template and the
frames' indents; a slice that begins where the last one ended, with the same template, lays
the rest out exactly as one long document would.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, Frame
from reportlab.platypus.doctemplate import PageBegin

# The title of a stand-in outline entry: a later slice opens the outline levels the last one
# left open (ReportLab's outline cannot start below level 0) with entries of this title,
# and the join puts what follows them under the entries they stand for (render/merge.py).
RESUMED = "exampdf:resumed"


def _geometry(name: str) -> property:
    """A Frame's geometry attribute as Frame's __getattr__/__setattr__ treat it: kept as
    `_name`, the frame's derived geometry recomputed when it is set."""
    key = "_" + name

    def get(frame: Any) -> Any:
        return frame.__dict__[key]

    def put(frame: Any, value: Any) -> None:
        frame.__dict__[key] = value
        frame._geom()

    return property(get, put)


class StoryFrame(Frame):  # type: ignore[misc]
    """A Frame without Python-level attribute hooks: platypus sets its cursor and asks
    `getattr(frame, "_generated_content", None)` for every flowable, and a plain Frame
    routes each set through its own `__setattr__` and each miss through a `__getattr__`
    that raises (~2 % of a long document's layout). The geometry attributes those hooks
    handle are properties here; anything else is a plain attribute."""

    __setattr__ = object.__setattr__
    _generated_content = None
    x1, y1, width, height = map(_geometry, ("x1", "y1", "width", "height"))
    leftPadding, bottomPadding = _geometry("leftPadding"), _geometry("bottomPadding")
    rightPadding, topPadding = _geometry("rightPadding"), _geometry("topPadding")


class SliceDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """BaseDocTemplate that, given `pages_max`, ends the document once that many pages are
    done and another would begin: `rest` then holds the story left (else it stays empty) and
    `next_template` the page template the next page would have used."""

    def __init__(self, *args: Any, pages_max: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pages_max = pages_max
        self.rest: list[Flowable] = []
        self.next_template = ""

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        super().handle_flowable(flowables)
        if (
            self.pages_max
            and self.page >= self.pages_max
            and flowables
            and flowables is not self._hanging
            and self._hanging
            and self._hanging[-1] is PageBegin  # a page just ended; the next is not begun
        ):
            self.rest = list(flowables)
            self.next_template = self.pageTemplate.id
            del flowables[:]  # the build loop ends, and the document with the page just shown

    def release(self) -> Any:
        """Break the references between this built document and its canvas (the template's
        namespace holds the template; the canvas, given its held pages' state back at save,
        holds the template again), so that reference counting frees both, every page with
        them, the moment the last outside reference goes. Returns the canvas (or None)."""
        self._nameSpace.clear()
        canvas = self.__dict__.pop("canv", None)
        if canvas is not None:
            canvas.__dict__.pop("_doctemplate", None)
        return canvas
