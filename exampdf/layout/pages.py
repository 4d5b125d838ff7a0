"""Which version each page belongs to and where it stands in it (known once all pages are)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    number: int  # 1-based in the file
    section: str  # version code, "" outside any section
    index: int  # 1-based within the section
    count: int  # pages in the section
    blank: bool  # inserted so the next section starts on an odd page
    last: bool  # no printed page of this section follows


def page_infos(marks: list[tuple[str, bool]]) -> list[PageInfo]:
    counts: dict[str, int] = {}
    for section, _ in marks:
        counts[section] = counts.get(section, 0) + 1
    last_printed = {section: n for n, (section, blank) in enumerate(marks) if not blank}
    seen: dict[str, int] = {}
    out = []
    for n, (section, blank) in enumerate(marks):
        seen[section] = seen.get(section, 0) + 1
        last = n >= last_printed.get(section, -1)
        out.append(PageInfo(n + 1, section, seen[section], counts[section], blank, last))
    return out
