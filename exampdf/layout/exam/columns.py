"""Balancing the columns of a version's last page from where the first pass put each question."""

from __future__ import annotations

from collections.abc import Sequence

from exampdf.layout.page.pages import Probe
from exampdf.layout.page.paper import PageGeometry
from exampdf.versions import ExamVersion


def question_key(code: str, number: int) -> str:
    return f"{code}:{number}"


def balance_breaks(
    probes: Sequence[Probe], versions: Sequence[ExamVersion], g: PageGeometry
) -> frozenset[tuple[str, int]]:
    """(version code, question number) pairs before which a column break evens the last page."""
    if g.columns < 2:
        return frozenset()
    where = {p.key: p for p in probes}
    top = g.bottom + g.frame_height
    out: set[tuple[str, int]] = set()
    for v in versions:
        n = len(v.items)
        last = where.get(question_key(v.code, n))
        if last is None:
            continue  # the last question was split: nothing to balance
        on_page = [k for k in range(1, n + 1) if _page(where, v.code, k) == last.page]
        first = on_page[0]
        if on_page != list(range(first, n + 1)) or (
            first > 1 and _page(where, v.code, first - 1) is None
        ):
            continue  # a question split across pages reaches into this one
        head = where[question_key(v.code, first)]
        offset = top - head.y if head.frame == "col0" else 0.0  # title and name box above
        heights = [where[question_key(v.code, k)].height for k in on_page]
        cut = best_cut(heights, offset, g.frame_height)
        if cut < len(on_page):
            out.add((v.code, on_page[cut]))
    return frozenset(out)


def best_cut(heights: Sequence[float], offset: float, limit: float) -> int:
    """How many blocks stay in the left column: the most even split, the left one not shorter."""
    best, best_cost = len(heights), float("inf")
    for cut in range(len(heights), 0, -1):
        left = offset + sum(heights[:cut])
        right = sum(heights[cut:])
        if left > limit or right > limit:
            continue
        cost = max(left, right)
        if cost < best_cost - 0.5:
            best, best_cost = cut, cost
    return best


def _page(where: dict[str, Probe], code: str, number: int) -> int | None:
    probe = where.get(question_key(code, number))
    return probe.page if probe else None
