"""A document's objects written in one loop (pdf/docformat.py): the same bytes as ReportLab's
PDFDocument.format, cross-reference table and all."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import registerFont
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.layout.text.fonts import FONT_DIR
from exampdf.pdf import canvas as paint_canvas
from exampdf.pdf import docformat
from exampdf.pdf.canvas import PaintCanvas


def _document() -> bytes:
    registerFont(TTFont("DocFormatGothic", str(FONT_DIR / "BIZUDPGothic-Regular.ttf")))
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pagesize=(400, 500))
    c.beginForm("F")
    c.drawString(0, 0, "form")
    c.endForm()
    for i in range(12):
        c.setFont("DocFormatGothic", 10)
        c.drawString(20, 20, f"ページ {i} 漢字")
        c.bookmarkPage(f"p{i}")
        c.addOutlineEntry(f"第{i}問", f"p{i}", level=0)
        if i == 4:
            c.linkURL("https://example.org", (10, 10, 90, 30))
        if i % 3:
            c.doForm("F")
        c.showPage()
    c.save()
    return out.getvalue()


def test_the_same_bytes_as_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"fast": 0}
    fast = docformat.FastDocument.format

    def counted(self: docformat.FastDocument) -> bytes:
        calls["fast"] += 1
        return fast(self)

    monkeypatch.setattr(docformat.FastDocument, "format", counted)
    ours = _document()
    assert calls["fast"] == 1
    monkeypatch.setattr(paint_canvas, "fast_document", lambda doc: None)
    assert _document() == ours
    assert calls["fast"] == 1


def test_objects_numbered_otherwise_get_reportlabs_table() -> None:
    doc = pdfdoc.PDFDocument(invariant=1)
    doc.idToObjectNumberAndVersion.update({"A": (1, 0), "B": (3, 0)})
    doc.idToOffset.update({"A": 15, "B": 40})
    with pytest.raises(ValueError, match="not in range"):
        docformat._xref(doc, ["A", "B"])
    doc.idToObjectNumberAndVersion["B"] = (2, 0)
    table = pdfdoc.PDFCrossReferenceTable()
    table.addsection(0, ["A", "B"])
    assert docformat._xref(doc, ["A", "B"]) == table.format(doc)
