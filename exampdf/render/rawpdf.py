"""One PDF that ReportLab wrote, held as bytes and read in place: where each object is, its
dictionary, the references in it (what render/merge.py joins)."""

from __future__ import annotations

import re
from dataclasses import dataclass

REF = re.compile(rb"(\d+) 0 R\b")
_XREF_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])")


class MergeError(Exception):
    """A slice is not the kind of PDF this module reads (ReportLab output, classic xref)."""


@dataclass(frozen=True)
class RawPdf:
    """One PDF held as bytes with where each object starts."""

    data: bytes
    spans: dict[int, tuple[int, int]]  # object number -> (start of its content, end)
    root: int
    info: int

    @classmethod
    def read(cls, data: bytes) -> RawPdf:
        m = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data[-64:])
        if m is None:
            raise MergeError("no startxref")
        xref = int(m.group(1))
        table_end = data.find(b"trailer", xref)
        ordered = sorted(
            (int(off), n)
            for n, (off, _, kind) in enumerate(_XREF_ROW.findall(data, xref, table_end))
            if kind == b"n"
        )
        ends = [off for off, _ in ordered[1:]]
        ends.append(xref)
        index, rindex = data.index, data.rindex
        spans: dict[int, tuple[int, int]] = {}
        for (off, n), end in zip(ordered, ends, strict=True):
            begin = index(b"obj", off) + 3
            spans[n] = (begin, rindex(b"endobj", begin, end))
        trailer = data[table_end:]
        return cls(data, spans, ref(trailer, b"Root"), ref(trailer, b"Info"))

    def body(self, n: int) -> bytes:
        begin, end = self.spans[n]
        return self.data[begin:end].strip(b"\r\n") + b"\n"

    def opens_with(self, n: int, key: bytes) -> bool:
        """Whether object n's dictionary has `key` among its first entries (read in place:
        a form's stream is not copied to look)."""
        begin, end = self.spans[n]
        return self.data.find(key, begin, min(end, begin + 96)) >= 0

    def head(self, n: int) -> bytes:
        """The object up to its stream data (the part that may hold references)."""
        body = self.body(n)
        cut = body.find(b"stream\n") if b"/Length" in body else -1
        return body if cut < 0 else body[:cut]


def ref(head: bytes, key: bytes, required: bool = True) -> int:
    """The object number `key` refers to in a dictionary (0 if absent and not required)."""
    m = re.search(rb"/" + key + rb" (\d+) 0 R", head)
    if m is None:
        if required:
            raise MergeError(f"no /{key.decode()} reference")
        return 0
    return int(m.group(1))


def array(head: bytes, key: bytes) -> bytes:
    """What is between the brackets of the array `key` holds ("" if none)."""
    m = re.search(rb"/" + key + rb" \[([^\]]*)\]", head)
    return m.group(1).strip() if m else b""
