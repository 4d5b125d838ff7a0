"""Streams written faster, the same bytes: a page's content stream without ReportLab's
dictionary formatting (compressed by a thread of its own, if asked), and a font subset
compressed once per process, not once per PDF."""

from __future__ import annotations

import sys
import threading
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
        aside: _Aside | None = self.__dict__.get(_ASIDE)
        if aside is not None and aside.source is content:
            deflated = aside.result()
        else:
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
_PENDING, _WORKING, _DONE, _TAKEN = range(4)


class _Aside:
    """A page's stream, compressed by whichever thread claims it first: the deflater's
    (from the last page back) or the one formatting the document (from the first on)."""

    __slots__ = ("data", "deflated", "done", "lock", "source", "state")

    def __init__(self, source: str | bytes, lock: threading.Lock) -> None:
        self.source = source
        self.data = source.encode("utf8") if isinstance(source, str) else source
        self.deflated: bytes | None = None
        self.done = threading.Event()
        self.lock = lock
        self.state = _PENDING

    def claim(self, state: int) -> bool:
        with self.lock:
            if self.state != _PENDING:
                return False
            self.state = state
            return True

    def result(self) -> bytes:
        """The compressed stream: compressed here if the deflater has not started on it,
        else its bytes, waited for if it is at work on them."""
        if not self.claim(_TAKEN):
            self.done.wait()
            if self.deflated is not None:
                return self.deflated
        data, self.data = self.data, b""
        return zlib.compress(data)


class Deflater:
    """Compresses pages' content streams in a thread of its own (zlib lets the GIL go while
    it works) while this thread formats the rest of the document: it starts from the last
    page once all are made, the formatting takes them from the first, and each page is
    compressed once, by the first to claim it; nothing waits but for a page the other
    thread is compressing. The bytes are those PageStream writes. For the save of the
    answer key, the end of the longest job of a small run, when the other worker's core is
    idle; on a busy machine the thread gets little done and this one does the rest."""

    def __init__(self) -> None:
        self._pages: list[_Aside] = []
        self._lock = threading.Lock()
        self._made = threading.Event()  # every page is made: the thread may start
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="exampdf-deflate", daemon=True)
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
        self._thread.start()

    def add(self, page: Any) -> None:
        """The stream of `page`, a PDFPage the canvas has just made, to compress aside."""
        aside = _Aside(page.stream, self._lock)
        setattr(page, _ASIDE, aside)
        self._pages.append(aside)

    def made(self) -> None:
        """Every page is added: the thread starts on them, from the last."""
        self._made.set()

    def close(self) -> None:
        """Once the document is formatted: the thread ends, the switch interval is restored."""
        self._stop = True
        self._made.set()
        self._thread.join()
        sys.setswitchinterval(self._interval)

    def _run(self) -> None:
        self._made.wait()
        for aside in reversed(self._pages):
            if self._stop:
                return
            if not aside.claim(_WORKING):
                continue  # the formatting has it
            try:
                aside.deflated = zlib.compress(aside.data)
                aside.data = b""
            except Exception:  # e.g. MemoryError: the formatting compresses it instead
                aside.deflated = None
            finally:
                aside.state = _DONE
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
