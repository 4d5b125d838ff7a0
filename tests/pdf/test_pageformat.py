"""Page dictionaries formatted once per shape (pdf/pageformat.py): the same bytes as
ReportLab's own page formatting, with the full formatting done once per shape."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase import pdfdoc

from exampdf.pdf import canvas as paint_canvas
from exampdf.pdf.canvas import PaintCanvas


def _document() -> bytes:
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pagesize=(400, 500))
    c.beginForm("F")
    c.drawString(0, 0, "form")
    c.endForm()
    for i in range(9):
        if i == 3:
            c.linkURL("https://example.org", (10, 10, 90, 30))  # annotations: not plain
        if i == 5:
            c.setPageSize((500, 400))  # another shape
        if i == 7:
            c.setPageRotation(90)
        if i == 8:  # the first shape again, but for an entry a plain page leaves unset
            c.setPageRotation(0)
            c.setPageSize((400, 500))
            c.setCropBox((0, 0, 300, 300))
        c.drawString(20, 20, f"page {i}")
        if i % 2:
            c.doForm("F")  # the shared XObject dictionary: another shape
        c.showPage()
    c.save()
    return out.getvalue()


def test_the_same_bytes_as_reportlab_with_one_full_format_per_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    full = pdfdoc.PDFCatalog.format
    calls = {"pages": 0}

    def counted(self: pdfdoc.PDFCatalog, document: pdfdoc.PDFDocument) -> bytes:
        calls["pages"] += isinstance(self, pdfdoc.PDFPage)
        return full(self, document)

    monkeypatch.setattr(pdfdoc.PDFCatalog, "format", counted)
    shared = _document()
    assert calls["pages"] < 9
    formats = calls["pages"]
    monkeypatch.setattr(paint_canvas, "shared", lambda page: None)
    calls["pages"] = 0
    assert _document() == shared
    assert calls["pages"] == 9
    # shapes: plain A4-less 400x500 with and without forms, the annotated page, 500x400 with
    # and without forms, then rotated with forms, and the cropped page
    assert formats == 7
