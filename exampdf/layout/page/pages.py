"""Which version each page belongs to and where it stands in it (known once all pages are)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page of a written document: where it falls and how it is numbered."""

    number: int  # 1-based in the file
    section: str  # version code, "" outside any section
    index: int  # 1-based within the section, cover pages not counted
    count: int  # numbered pages in the section
    blank: bool  # inserted so the next section starts on an odd page
    last: bool  # no printed page of this section follows
    cover: bool = False  # a version's cover: no running header or page number


@dataclass(unsafe_hash=True)
class Probe:
    """Where a zero-size probe flowable was drawn: used to balance the columns of a last page."""

    key: str
    page: int  # 1-based in the file
    frame: str  # frame id: col0, col1, …
    y: float  # frame's current y (points from the page bottom) when the probe was placed
    height: float = 0.0  # what the recorded block took in its column, space after included


def page_infos(marks: Sequence[tuple[str, bool]], covers: Collection[int] = ()) -> list[PageInfo]:
    """`marks[n]` is (section, blank) of page n+1; `covers` holds 0-based cover page indices."""
    counts: dict[str, int] = {}
    for n, (section, _) in enumerate(marks):
        counts[section] = counts.get(section, 0) + (n not in covers)
    last_printed = {section: n for n, (section, blank) in enumerate(marks) if not blank}
    seen: dict[str, int] = {}
    out = []
    for n, (section, blank) in enumerate(marks):
        cover = n in covers
        seen[section] = seen.get(section, 0) + (not cover)
        last = n >= last_printed.get(section, -1)
        out.append(PageInfo(n + 1, section, seen[section], counts[section], blank, last, cover))
    return out
