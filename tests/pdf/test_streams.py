"""pdf/streams.py: page content streams and font subsets written faster, the same bytes."""

from __future__ import annotations

import io
import sys
import threading
import zlib

import pytest
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics

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


def _held_document(aside: streams.Deflater | None, started: bool = True) -> bytes:
    """Pages emitted as the answer key's save emits them, compressed aside or not (Flate
    alone, as render/pdf.py sets ReportLab up); `started`: the deflater is done with every
    page before the document is formatted."""
    out = io.BytesIO()
    c = PaintCanvas(out, invariant=1, pagesize=(400, 500))
    for i in range(6):
        c.setFont(THEME.fonts.body, 9 + i)
        for row in range(40 * i):
            c.drawString(20, 20 + row, f"頁 {i} 行 {row} abc {row * i}")
        c.emit_page(aside)
    if aside is not None and started:
        aside.made()
        for page in aside._pages:
            page.done.wait()
    c.save()
    if aside is not None:
        aside.close()
    return out.getvalue()


@pytest.mark.parametrize("started", [True, False])
def test_pages_compressed_aside_are_the_same_file(
    monkeypatch: pytest.MonkeyPatch, started: bool
) -> None:
    """Every page by the deflater's thread when it had the time, else all by the formatting."""
    monkeypatch.setattr(rl_config, "useA85", 0)
    threads: list[str] = []
    compress = zlib.compress

    def noted(data: bytes, *args: int) -> bytes:
        threads.append(threading.current_thread().name)
        return compress(data, *args)

    plain = _held_document(None)  # fonts' subsets made and compressed (kept per process)
    monkeypatch.setattr(zlib, "compress", noted)  # everyone's: fonts' streams too
    assert _held_document(None) == plain
    here = threads.count("MainThread")
    threads.clear()
    interval = sys.getswitchinterval()
    assert _held_document(streams.Deflater(), started) == plain
    assert threads.count("exampdf-deflate") == (6 if started else 0)
    assert threads.count("MainThread") == here - (6 if started else 0)
    assert sys.getswitchinterval() == interval


def test_a_page_the_deflater_failed_is_compressed_as_usual(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rl_config, "useA85", 0)
    plain = _held_document(None)
    compress = zlib.compress

    def failing(data: bytes, *args: int) -> bytes:
        if threading.current_thread().name == "exampdf-deflate":
            raise MemoryError
        return compress(data, *args)

    monkeypatch.setattr(streams.zlib, "compress", failing)
    assert _held_document(streams.Deflater()) == plain


def test_a_document_saved_without_a_seed_shares_its_subsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The subsets of a document nobody takes a seed from (the answer key) still go through
    the per-process memo and the cache between runs (pdf/docseed.py)."""
    face = pdfmetrics.getFont(THEME.fonts.body).face
    for name in ("_exampdf_memo", "makeSubset"):  # as a face no document has saved yet
        monkeypatch.delattr(face, name, raising=False)
    c = PaintCanvas(io.BytesIO(), invariant=1, pagesize=(400, 500))
    c.setFont(THEME.fonts.body, 10)
    c.drawString(20, 20, "subset")
    c.showPage()
    assert getattr(face, "_exampdf_memo", None) is None
    c.save()
    assert getattr(face, "_exampdf_memo", None) is not None
