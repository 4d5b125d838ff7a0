"""Streams written faster, the same bytes: a page's content stream without ReportLab's
dictionary formatting (compressed by a thread of its own, if asked), and a font subset
compressed once per process, not once per PDF."""

from __future__ import annotations

import sys
import threading
import zlib
from queue import SimpleQueue
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
        aside: _Aside | None = self.__dict__.get(_ASIDE)
        deflated = aside.result() if aside is not None and aside.source is content else None
        if deflated is None:
            if isinstance(content, str):
                content = content.encode("utf8")  # as the filter encodes it
            deflated = zlib.compress(content)
        data: bytes = document.encrypt.encode(deflated)
        return b"".join((_FLATE_HEAD % len(data), data, b"endstream\n"))


def fast_contents(page: Any) -> None:
    """Make the content stream PDFPage.check_format just gave `page` a PageStream (with the
    compression a `Deflater` started for the page, if any)."""
    if type(page.Contents) is PDFStream:
        page.Contents.__class__ = PageStream
        aside = page.__dict__.get(_ASIDE)
        if aside is not None:
            setattr(page.Contents, _ASIDE, aside)


_ASIDE = "_exampdf_aside"  # on a page and then its content stream: a `Deflater`'s work
# While the deflater waits for the GIL (after each page), the thread holding it lets go this
# soon rather than after Python's 5 ms: a page takes ~0.2 ms to compress.
SWITCH_INTERVAL = 0.0001


class _Aside:
    """A page stream a Deflater's thread compresses: the string and, once done, its bytes
    (None if the thread failed: the page is then compressed as usual)."""

    __slots__ = ("data", "deflated", "done", "source")

    def __init__(self, source: str | bytes) -> None:
        self.source = source
        self.data = source.encode("utf8") if isinstance(source, str) else source
        self.deflated: bytes | None = None
        self.done = threading.Event()

    def result(self) -> bytes | None:
        self.done.wait()
        return self.deflated


class Deflater:
    """Compresses the content streams of pages as they are made, in a thread of its own
    (zlib lets the GIL go while it works), while this thread makes the next pages and
    formats the rest of the document; the bytes are those PageStream would write. For the
    save of the answer key, the end of the longest job of a small run, when the other
    worker's core is idle (a third of the save's time was compressing its pages)."""

    def __init__(self) -> None:
        self._jobs: SimpleQueue[_Aside | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="exampdf-deflate", daemon=True)
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
        self._thread.start()

    def add(self, page: Any) -> None:
        """Start compressing the stream of `page`, a PDFPage the canvas has just made."""
        aside = _Aside(page.stream)
        setattr(page, _ASIDE, aside)
        self._jobs.put(aside)

    def close(self) -> None:
        """Once the document is formatted: the thread ends, the switch interval is restored."""
        self._jobs.put(None)
        self._thread.join()
        sys.setswitchinterval(self._interval)

    def _run(self) -> None:
        while (aside := self._jobs.get()) is not None:
            try:
                aside.deflated = zlib.compress(aside.data)
            except Exception:  # e.g. MemoryError: format compresses it instead
                aside.deflated = None
            finally:
                aside.data = b""
                aside.done.set()


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
