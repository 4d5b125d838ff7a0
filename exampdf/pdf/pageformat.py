"""Page dictionaries formatted once per shape and document: every page of an exam has the
same dictionary but for its content stream's object number, which ReportLab formats anew
for each page (names, arrays, the resource dictionary: a twelfth of writing an exam slice)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference, PDFPage
from reportlab.pdfbase.pdfdoc import format as pdf_format

from exampdf.pdf.streams import fast_contents

_SHAPES = "_exampdf_page_shapes"  # the one attribute exampdf sets on a PDFDocument
_CONTENTS = b"/Contents "
_KNOWN = True  # an entry check_format must not build: its bytes are in the shape's
# Entries a plain page leaves unset; a page setting any of them is formatted as ReportLab does.
_UNSET = tuple(
    k
    for k in PDFPage.__NoDefault__
    if k not in {"Parent", "MediaBox", "Resources", "Contents", "Rotate", "Trans", "Annots"}
)


class SharedPage(PDFPage):  # type: ignore[misc]
    """A PDFPage whose dictionary, once formatted for a shape, is reused with only the
    content stream's reference put in (the same bytes ReportLab writes)."""

    def format(self, document: Any) -> bytes:
        shape = self._shape()
        if shape is None:
            return _formatted(super().format(document))
        shapes: dict[Hashable, list[bytes]] = getattr(document, _SHAPES, None) or {}
        setattr(document, _SHAPES, shapes)
        known = shapes.get(shape)
        if known is None:
            out = _formatted(super().format(document))
            parts = out.split(_CONTENTS + self._contents_ref(document))
            if len(parts) == 2:
                shapes[shape] = parts
            return out
        # Only the content stream is still needed, as check_format makes it: the entries it
        # would also build (media box, resources, parent) are in the bytes already formatted
        # for the shape, so they are marked as set and check_format leaves them.
        self.MediaBox = self.Resources = self.Parent = _KNOWN
        self.check_format(document)
        return known[0] + _CONTENTS + self._contents_ref(document) + known[1]

    def check_format(self, document: Any) -> None:
        super().check_format(document)
        fast_contents(self)

    def _contents_ref(self, document: Any) -> bytes:
        """`N 0 R` of the content stream (registered here, or already by the first format)."""
        return _formatted(pdf_format(document.Reference(self.Contents), document))

    def _shape(self) -> Hashable | None:
        """What the dictionary depends on besides the content stream; None: not plain."""
        if self.Annots or getattr(self, "ExtGState", None) or self._colorsUsed:
            return None
        if self._shadingUsed or any(getattr(self, k, None) is not None for k in _UNSET):
            return None
        trans = self.Trans
        if trans is not None and (not isinstance(trans, PDFDictionary) or trans.dict):
            return None
        xobjects = self.XObjects
        if xobjects is not None and not isinstance(xobjects, PDFObjectReference):
            return None
        names = None if xobjects is None else xobjects.name
        size = (self.pagewidth, self.pageheight, self.Rotate)
        return (*size, bool(self.hasImages), names, not trans)


def _formatted(data: Any) -> bytes:
    if not isinstance(data, bytes):
        raise TypeError("a PDF object formatted to something other than bytes")
    return data


def shared(page: Any) -> None:
    """Make a page ReportLab just built format through SharedPage (a plain PDFPage only)."""
    if type(page) is PDFPage:
        page.__class__ = SharedPage
