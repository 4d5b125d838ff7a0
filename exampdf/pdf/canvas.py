"""The canvas exampdf paints on: a ReportLab Canvas that can hold pages back and replay them,
shares one XObject dictionary between pages, and starts from an earlier slice's seed."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObjectReference, PDFPage
from reportlab.pdfgen.canvas import Canvas

from exampdf.pdf.docformat import fast_document
from exampdf.pdf.docseed import DocSeed, apply, capture, share_subsets
from exampdf.pdf.forms import adopt, painted_forms, prime, remember
from exampdf.pdf.info import fixed_clock, own_metadata
from exampdf.pdf.ops import stand_in_objects
from exampdf.pdf.pageformat import shared
from exampdf.pdf.pdfenc import fast_encoding
from exampdf.pdf.resources import XObjectDict, fonts_once
from exampdf.pdf.state import paint_state

SHARED_XOBJECTS = "exampdf.XObjects"
PageState = dict[str, Any]


class PaintCanvas(Canvas):  # type: ignore[misc]
    """A Canvas whose pages can be kept back (`hold_page`) and written later (`write_page`),
    once what their decoration says is known."""

    def __init__(
        self, *args: Any, seed: DocSeed | None = None, recurring: bool = False, **kwargs: Any
    ) -> None:
        fast_encoding()  # before anything is formatted
        fonts_once()
        with fixed_clock():
            super().__init__(*args, **kwargs)
        own_metadata(self._doc)
        fast_document(self._doc)  # its objects written in one loop (pdf/docformat.py)
        state = paint_state(self)
        if seed is not None:
            apply(seed, self._doc)
            state.inherited = seed.forms
            adopt(self, seed.forms)  # what later slices in this process registered
        state.eager = recurring  # most paragraphs recur (exam versions): forms at first sight
        # every form a page uses (a set: the dictionary is written sorted, and a set takes a
        # page's ~60 names, most already in, ~6x faster than a dict made and merged per page)
        self._xobjects: set[str] = set()

    def hold_page(self) -> PageState:
        """End the page without writing it: its state, to write with `write_page`."""
        held = dict(self.__dict__)
        adopted = paint_state(self).adopted
        if adopted is not None:  # its forms, to name this slice's own (pdf/forms.py)
            adopted.held.append(self._formsinuse)
        self._startPage()
        return held

    def write_page(self, held: PageState) -> None:
        """Make a held page current again; the caller draws on it, then calls `emit_page`."""
        self.__dict__.update(held)

    def emit_page(self) -> None:
        Canvas.showPage(self)

    def seed(self) -> DocSeed:
        """This document's font names and codes and the paragraph forms it painted."""
        forms = painted_forms(self)
        if paint_state(self).inherited is None:  # the first slice
            prime(self, forms)
        return capture(self._doc, forms)

    def save(self) -> None:
        remember(self)  # for the next later slice in this process
        if self._xobjects:
            foreign = paint_state(self).foreign
            self._doc.Reference(XObjectDict(self._xobjects, foreign), SHARED_XOBJECTS)
        share_subsets(self._doc)  # `seed` does it too; a document may be saved without one
        Canvas.save(self)

    def _setXObjects(self, thing: Any) -> None:
        """Pages share one dictionary of the forms they use instead of each listing its
        own: an exam page places forty forms, and formatting and storing forty names and
        references per page was most of the cost of saving (and a third of the file)."""
        shared(thing)  # its dictionary formatted once per shape (pdf/pageformat.py)
        if not isinstance(thing, PDFPage) or not self._formsinuse:
            stand_in_objects(self, self._formsinuse)  # a dictionary of its own: by object
            super()._setXObjects(thing)
            return
        self._xobjects.update(self._formsinuse)
        thing.XObjects = PDFObjectReference(SHARED_XOBJECTS)
