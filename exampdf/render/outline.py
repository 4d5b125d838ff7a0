"""The joined PDF's bookmarks: each slice's read back, folded into one outline in slice
order (entries a slice resumes go under the entry they continue: render/booklet.py), and
written once every slice is in (render/merge.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from exampdf.pdf.docslice import RESUMED
from exampdf.render.rawpdf import REF, RawPdf, array, ref

_STRING = rb"\((?:\\.|[^\\()])*\)"
_TITLE = re.compile(rb"/Title (" + _STRING + rb"|<[0-9A-Fa-f]*>)")
_COUNT = re.compile(rb"/Count (-?\d+)")


@dataclass
class Outline:
    """One bookmark and those under it."""

    title: bytes  # the PDF string token as written
    dest: bytes  # the destination array's contents, page reference renumbered
    closed: bool
    children: list[Outline] = field(default_factory=list)


def read_items(pdf: RawPdf, parent: bytes, memo: dict[int, int]) -> list[Outline]:
    """The entries under the outline item (or root) `parent`, pages renumbered by `memo`."""
    items = []
    n = ref(parent, b"First", required=False)
    while n:
        head = pdf.head(n)
        title = _TITLE.search(head)
        dest = REF.sub(lambda m: b"%d 0 R" % memo[int(m.group(1))], array(head, b"Dest"))
        count = _COUNT.search(head)
        item = Outline(
            title.group(1) if title else b"()",
            dest,
            bool(count and int(count.group(1)) < 0),
            read_items(pdf, head, memo),
        )
        items.append(item)
        n = ref(head, b"Next", required=False)
    return items


def fold(into: list[Outline], items: list[Outline]) -> None:
    """Append `items` to `into`, what is under a stand-in (RESUMED) under the entry it resumes."""
    for item in items:
        if item.title == b"(%s)" % RESUMED.encode() and into:  # as ReportLab writes it
            fold(into[-1].children, item.children)
        else:
            into.append(item)


def write_outline(
    items: list[Outline], reserve: Callable[[], int], put: Callable[[int, bytes], None]
) -> int:
    """Write the outline (objects numbered by `reserve`, written by `put`); its root's number."""
    root = reserve()
    first, last, count = _write_items(items, root, reserve, put)
    put(
        root, b"<< /Count %d /First %d 0 R /Last %d 0 R /Type /Outlines >>\n" % (count, first, last)
    )
    return root


def _write_items(
    items: list[Outline], parent: int, reserve: Callable[[], int], put: Callable[[int, bytes], None]
) -> tuple[int, int, int]:
    """Numbers of the first and last item and how many are visible below `parent`."""
    numbers = [reserve() for _ in items]
    visible = len(items)
    for i, (item, n) in enumerate(zip(items, numbers, strict=True)):
        parts = [b"<< /Title %s /Dest [ %s ] /Parent %d 0 R" % (item.title, item.dest, parent)]
        if i:
            parts.append(b"/Prev %d 0 R" % numbers[i - 1])
        if i + 1 < len(items):
            parts.append(b"/Next %d 0 R" % numbers[i + 1])
        if item.children:
            first, last, below = _write_items(item.children, n, reserve, put)
            parts.append(
                b"/First %d 0 R /Last %d 0 R /Count %d"
                % (first, last, -below if item.closed else below)
            )
            visible += 0 if item.closed else below
        put(n, b" ".join(parts) + b" >>\n")
    return numbers[0], numbers[-1], visible
