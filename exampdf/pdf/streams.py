"""Streams written faster, the same bytes: a page's content stream without ReportLab's
dictionary formatting, and a font subset compressed once per process, not once per PDF."""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFStream

# What ReportLab writes for a stream whose dictionary holds only its filter and length
# (keys sorted, one line: rl_config.pdfMultiLine is off); tests/pdf/test_streams.py checks.
_FLATE_HEAD = b"<<\n/Filter [ /FlateDecode ] /Length %d\n>>\nstream\n"


class PageStream(PDFStream):  # type: ignore[misc]
    """A page's content stream (what PDFPage.check_format makes): compressed and written
    directly. An exam slice writes thousands; copying and formatting a dictionary of two
    entries for each cost about as much as compressing it."""

    def format(self, document: Any) -> bytes:
        if self.dictionary.dict or self.filters != [pdfdoc.PDFZCompress]:
            formatted: bytes = super().format(document)
            return formatted
        content = self.content
        if isinstance(content, str):
            content = content.encode("utf8")  # as the filter encodes it
        data: bytes = document.encrypt.encode(zlib.compress(content))
        return b"".join((_FLATE_HEAD % len(data), data, b"endstream\n"))


def fast_contents(page: Any) -> None:
    """Make the content stream PDFPage.check_format just gave `page` a PageStream."""
    if type(page.Contents) is PDFStream:
        page.Contents.__class__ = PageStream


class SubsetFile(bytes):
    """A font subset's file (pdf/docseed.py keeps them per process), compressed at most once:
    every slice of an exam embeds the same subsets."""

    deflated: bytes | None = None


class _CachingFlate(pdfdoc.PDFStreamFilterZCompress):  # type: ignore[misc]
    def encode(self, text: Any) -> bytes:
        if type(text) is SubsetFile:
            if text.deflated is None:
                text.deflated = zlib.compress(text)
            return text.deflated
        encoded: bytes = super().encode(text)
        return encoded


def deflate_subsets_once() -> None:
    """ReportLab's one Flate filter (a process-wide object, used by every stream it writes)
    made to reuse a SubsetFile's compressed bytes; any other stream is compressed as before."""
    flate = pdfdoc.PDFZCompress
    if type(flate) is pdfdoc.PDFStreamFilterZCompress:
        flate.__class__ = _CachingFlate
