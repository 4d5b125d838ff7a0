"""pdf/streams.py: page content streams and font subsets written faster, the same bytes."""

from __future__ import annotations

import io
import zlib

import pytest
from reportlab.pdfbase import pdfdoc

from exampdf.layout.theme import make_theme
from exampdf.pdf import pageformat, streams
from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.streams import PageStream, SubsetFile

THEME = make_theme()


@pytest.mark.parametrize("content", ["BT /F1 12 Tf (日本) Tj ET\n", b"q 1 0 0 1 2 3 cm Q\n"])
def test_a_page_stream_formats_as_reportlab_does(content: str | bytes) -> None:
    doc = pdfdoc.PDFDocument()
    plain = pdfdoc.PDFStream(content=content, filters=[pdfdoc.PDFZCompress])
    fast = PageStream(content=content, filters=[pdfdoc.PDFZCompress])
    assert fast.format(doc) == plain.format(doc)
    fast.dictionary["Type"] = pdfdoc.PDFName("X")  # anything else: ReportLab's own path
    plain.dictionary["Type"] = pdfdoc.PDFName("X")
    assert fast.format(doc) == plain.format(doc)


def _document() -> tuple[bytes, int]:
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pagesize=(400, 500))
    for i in range(4):
        c.setFont(THEME.fonts.body, 12)
        c.drawString(20, 20, f"頁 {i}")
        c.showPage()
    pages = c._doc.Pages.pages  # what the canvas made
    c.save()
    made = sum(type(p.Contents) is PageStream for p in pages)
    return out.getvalue(), made


def test_pages_written_through_page_streams_are_the_same_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast, made = _document()
    assert made == 4
    monkeypatch.setattr(pageformat, "fast_contents", lambda page: None)
    plain, made = _document()
    assert made == 0 and fast == plain


def test_a_subset_file_is_compressed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    streams.deflate_subsets_once()
    calls: list[int] = []
    compress = zlib.compress

    def counted(data: bytes, *args: int) -> bytes:
        calls.append(len(data))
        return compress(data, *args)

    monkeypatch.setattr(streams.zlib, "compress", counted)
    subset = SubsetFile(b"glyphs" * 1000)
    first = pdfdoc.PDFZCompress.encode(subset)
    assert pdfdoc.PDFZCompress.encode(subset) is first and first == compress(subset)
    assert calls == [6000]
    assert pdfdoc.PDFZCompress.encode(b"other") == compress(b"other")
