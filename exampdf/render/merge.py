"""Join PDFs that ReportLab wrote (the exam's slices of versions) into one, without
re-encoding anything: objects are copied byte for byte and renumbered.

A later slice's reference to a form the first slice painted (to an object it does not hold, or
a stand-in: pdf/ops.py) becomes a reference to that form. Objects that come out identical once
renumbered (font subsets every slice shares, the fonts' resource dictionary) are written once.
Each slice keeps its own resource dictionaries, so a slice whose font subsets differ from the
others' stays correct: only identical ones are shared. Pages and annotations are never shared.
Bookmarks are rebuilt as one outline, in slice order (entries resumed: render/booklet.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import BinaryIO

from exampdf.render.outline import Outline, fold, read_items, write_outline
from exampdf.render.rawpdf import REF, MergeError, RawPdf, array, ref

__all__ = ["MergeError", "Merger", "RawPdf", "merge_pdfs"]

_UNSHARED = re.compile(rb"/Type /(?:Page|Annot)\b")
_XOBJECTS = re.compile(rb"/XObject (\d+) 0 R")
_FORM_ENTRY = re.compile(rb"/FormXob\.(\S+) (\d+) 0 R")
_PLACEHOLDER = b"/ExampdfForm /"  # layout/jparagraph.py: a later slice's stand-in
_FONT_NAME = re.compile(rb"/(FontName|BaseFont) /([A-Z]{6}\+[^\s/\]>]+)")


class Merger:
    """Streams the joined PDF to `out` slice by slice; `close` writes what ties it together."""

    CATALOG, PAGES, INFO = 1, 2, 3

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.rows: dict[int, bytes] = {}  # object number -> its cross-reference row
        self.next_id = 4
        self.shared: dict[bytes, int] = {}  # digest of a renumbered object -> its number
        self.pages: list[int] = []
        self.kids: list[bytes] = []  # the page tree's references, a slice's at a time
        self.font_names: dict[int, bytes] = {}  # descriptor number -> subset name given
        self.tags = 0  # subset tags handed out for clashing names
        self.forms: dict[bytes, int] = {}  # form name -> number, for later slices' stand-ins
        # A later slice's XObject dictionary that places only forms an earlier slice painted
        # (as read) -> its number: the same text renumbers to the same object.
        self.inherited: dict[bytes, int] = {}
        self.outline: list[Outline] = []
        self.catalog: bytes | None = None
        self.info: bytes | None = None
        self._first: RawPdf | None = None  # slice one, whose catalog and info are kept
        self._first_memo: dict[int, int] = {}
        self._digest = hashlib.sha256()
        self.sha256 = ""  # once closed
        # What is written goes out (and into the digest) a slice at a time, not object by
        # object: `_at` is where the next object starts in the file.
        self._pending: list[bytes] = []
        self._at = out.tell()
        self._last = b""  # the content of the object written last

    def add(self, pdf: RawPdf) -> None:
        catalog = pdf.head(pdf.root)
        pages_root = ref(catalog, b"Pages")
        kids = [int(k) for k in REF.findall(array(pdf.head(pages_root), b"Kids"))]
        memo: dict[int, int] = {pages_root: self.PAGES}
        for kid in kids:  # numbers first: anything may point at a page
            memo[kid] = self._reserve()
        heads = [pdf.head(kid) for kid in kids]
        named, inherited = self._named_forms(pdf, heads, memo)
        for name, n in named:
            if n not in pdf.spans or pdf.opens_with(n, _PLACEHOLDER):  # an earlier slice's
                if name not in self.forms:
                    raise MergeError(f"no earlier slice painted form {name.decode()}")
                memo[n] = self.forms[name]
        if self.catalog is None:
            version = max(pdf.data[: pdf.data.index(b"\n")], b"%PDF-1.4")  # 1.4: /Lang
            self._write(version + b"\n%\x93\x8c\x8b\x9e exampdf\n")
            self.catalog, self.info = catalog, pdf.head(pdf.info)
            self._first, self._first_memo = pdf, memo
        shapes: dict[bytes, tuple[bytes, bytes]] = {}
        for kid, head in zip(kids, heads, strict=True):
            self._page(pdf, kid, head, memo, shapes)
        self.pages += [memo[kid] for kid in kids]
        self.kids.append(b" ".join([b"%d 0 R" % memo[kid] for kid in kids]))
        for name, n in named:
            self.forms.setdefault(name, memo[n])
        for raw, d in inherited:
            self.inherited[raw] = memo[d]
        outlines = ref(catalog, b"Outlines", required=False)
        if outlines:
            fold(self.outline, read_items(pdf, pdf.head(outlines), memo))
        self._flush()

    def close(self) -> None:
        """Page tree, outline, catalog, info, cross-reference table and trailer."""
        if self.catalog is None or self.info is None:
            raise MergeError("nothing to merge")
        kids = b" ".join(self.kids)  # (made as the slices came: less after the last one)
        self._obj(
            self.PAGES, b"<< /Count %d /Kids [ %s ] /Type /Pages >>\n" % (len(self.pages), kids)
        )
        self._obj(self.CATALOG, self._catalog(self.catalog))
        self._obj(self.INFO, self.info)
        self._flush()
        xref = self._at
        rows = [b"xref\n0 %d\n" % self.next_id, b"0000000000 65535 f \n"]
        rows += [self.rows[n] for n in range(1, self.next_id)]
        ident = self._digest.copy().hexdigest()[:32].encode()
        rows.append(
            b"trailer\n<< /ID [<%s><%s>] /Info %d 0 R /Root %d 0 R /Size %d >>\n"
            % (ident, ident, self.INFO, self.CATALOG, self.next_id)
        )
        rows.append(b"startxref\n%d\n%%%%EOF\n" % xref)
        self._write(b"".join(rows))
        self._flush()
        self.sha256 = self._digest.hexdigest()  # of everything written: the file's

    # -- objects -------------------------------------------------------------------------

    def _put(self, pdf: RawPdf, n: int, memo: dict[int, int], number: int | None = None) -> int:
        """Copy object `n` (and what it refers to) unless an identical one is already out."""
        if number is None:
            known = memo.get(n)
            if known is not None:
                return known
        content = pdf.body(n)
        cut = content.find(b"stream\n") if b"/Length" in content else -1
        head = content if cut < 0 else content[:cut]
        if b" 0 R" in head:  # else nothing to renumber (a page's content stream): as it is
            parts = REF.split(head)  # text, number, text, …: what it refers to, in order
            olds = [int(old) for old in parts[1::2]]
            found = [memo.get(old) for old in olds]  # most are out already (fonts, forms)
            parts[1::2] = [
                b"%d 0 R" % (self._put(pdf, old, memo) if new is None else new)  # in order
                for old, new in zip(olds, found, strict=True)
            ]
            head = b"".join(parts)
            content = head if cut < 0 else head + content[cut:]
        if number is None and not (b"/Type /" in head and _UNSHARED.search(head)):
            key = hashlib.sha1(content).digest()
            number = self.shared.get(key)
            if number is not None:
                memo[n] = number
                return number
            number = self.shared[key] = self.next_id
            self.next_id += 1
            if b"Font" in head and _FONT_NAME.search(head):
                content = self._tagged(head, number) + content[len(head) :]
        elif number is None:
            number = self._reserve()
        memo[n] = number
        self._obj(number, content)
        return number

    def _page(
        self,
        pdf: RawPdf,
        kid: int,
        head: bytes,
        memo: dict[int, int],
        shapes: dict[bytes, tuple[bytes, bytes]],
    ) -> None:
        """Copy a page (its number reserved). A slice's pages differ but for their content
        streams: a page like an earlier one of its slice but for /Contents is that page's
        text around its own content stream's number (everything else it refers to is out
        already, under the same numbers), without parsing it again."""
        at = head.find(b"/Contents ") + 10
        end = head.find(b" 0 R", at) if at >= 10 else -1
        if end < 0 or not head[at:end].isdigit():
            self._put(pdf, kid, memo, memo[kid])
            return
        shape = head[:at] + head[end:]
        known = shapes.get(shape)
        if known is None:
            self._put(pdf, kid, memo, memo[kid])
            made = self._last
            cut = made.index(b" 0 R", made.index(b"/Contents ") + 10)
            shapes[shape] = made[: made.index(b"/Contents ") + 10], made[cut:]
            return
        contents = int(head[at:end])
        number = memo.get(contents)
        if number is None:
            number = self._put(pdf, contents, memo)
        self._obj(memo[kid], b"%s%d%s" % (known[0], number, known[1]))

    def _tagged(self, head: bytes, number: int) -> bytes:
        """A font subset another slice also calls AAAAAA+Name but with other characters gets a
        tag of its own: subsets that differ must not share a name (PDF 32000 9.6.4)."""
        m = _FONT_NAME.search(head)
        assert m is not None
        if m.group(1) == b"FontName":  # a descriptor: the first to claim a name keeps it
            name = m.group(2)
            if name in self.font_names.values():
                self.tags += 1
                name = _tag(self.tags) + name[6:]
            self.font_names[number] = name
        else:  # a font: named like the descriptor it points at
            desc = re.search(rb"/FontDescriptor (\d+) 0 R", head)
            name = self.font_names.get(int(desc.group(1)), m.group(2)) if desc else m.group(2)
        return head[: m.start(2)] + name + head[m.end(2) :]

    def _named_forms(
        self, pdf: RawPdf, heads: list[bytes], memo: dict[int, int]
    ) -> tuple[list[tuple[bytes, int]], list[tuple[bytes, int]]]:
        """(name, object) of every form in the XObject dictionaries the pages use, and those
        dictionaries that refer only to forms of earlier slices (text, number). A dictionary
        as an earlier slice had it is that slice's (in `memo`): its forms are known."""
        named: list[tuple[bytes, int]] = []
        inherited = []
        for d in dict.fromkeys(int(n) for head in heads for n in _XOBJECTS.findall(head)):
            raw = pdf.head(d)
            known = self.inherited.get(raw)
            if known is not None:
                memo[d] = known
                continue
            entries = [(name, int(n)) for name, n in _FORM_ENTRY.findall(raw)]
            named += entries
            if raw.count(b" 0 R") == len(entries) and not any(n in pdf.spans for _, n in entries):
                inherited.append((raw, d))
        return named, inherited

    def _catalog(self, catalog: bytes) -> bytes:
        """Slice one's catalog, pointing at the joined page tree and outline; anything else
        it refers to is copied from slice one."""
        outlines = ref(catalog, b"Outlines", required=False)
        if not self.outline and outlines:
            catalog = catalog.replace(b"/Outlines %d 0 R" % outlines, b"")
        new_root = write_outline(self.outline, self._reserve, self._obj) if self.outline else 0
        first, memo = self._first, dict(self._first_memo)
        assert first is not None

        def sub(m: re.Match[bytes]) -> bytes:
            n = int(m.group(1))
            return b"%d 0 R" % (new_root if n == outlines else self._put(first, n, memo))

        return REF.sub(sub, catalog)

    def _reserve(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _obj(self, number: int, content: bytes) -> None:
        self.rows[number] = b"%010d 00000 n \n" % self._at
        self._last = content
        start = b"%d 0 obj\n" % number
        self._pending += (start, content, b"endobj\n")
        self._at += len(start) + len(content) + 7

    def _write(self, data: bytes) -> None:
        self._pending.append(data)
        self._at += len(data)

    def _flush(self) -> None:
        data = b"".join(self._pending)
        self._pending.clear()
        self._digest.update(data)
        self.out.write(data)


def merge_pdfs(parts: Iterator[bytes], out: BinaryIO) -> int:
    """Write the PDFs in `parts` (in order) as one to `out`; returns its page count."""
    merger = Merger(out)
    for data in parts:
        merger.add(RawPdf.read(data))
    merger.close()
    return len(merger.pages)


def _tag(n: int) -> bytes:
    """The n-th six-letter subset tag of our own: EXAAAB, EXAAAC, … (ReportLab's start AAAAAA)."""
    letters = []
    for _ in range(4):
        n, r = divmod(n, 26)
        letters.append(65 + r)
    return b"EX" + bytes(reversed(letters))
