"""Last-page column balancing, from probe positions alone (no PDF is written)."""

from __future__ import annotations

from exampdf.layout.exam.columns import balance_breaks, best_cut
from exampdf.layout.page.pages import Probe
from exampdf.layout.page.paper import geometry
from exampdf.versions import ExamVersion, VersionItem

TWO = geometry("B4", "landscape", 2)
TOP = TWO.bottom + TWO.frame_height


def test_best_cut_evens_the_columns_and_keeps_the_left_one_not_shorter() -> None:
    assert best_cut([10.0] * 6, 0.0, 100.0) == 3
    assert best_cut([10.0] * 3, 0.0, 100.0) == 2  # 20 | 10, not 10 | 20
    assert best_cut([10.0] * 6, 25.0, 100.0) == 2  # the title above takes room on the left


def test_best_cut_keeps_each_column_within_the_limit() -> None:
    assert best_cut([60.0, 60.0], 0.0, 100.0) == 1
    assert best_cut([40.0, 40.0, 40.0], 0.0, 100.0) == 2  # 80 | 40: 120 | 0 would overflow
    assert best_cut([150.0], 0.0, 100.0) == 1  # nothing fits: everything stays left
    assert best_cut([60.0, 60.0, 60.0], 0.0, 100.0) == 3  # no cut fits both: no break


def _version(code: str, n: int) -> ExamVersion:
    return ExamVersion(code, tuple(VersionItem(i, (0, 1)) for i in range(n)))


def _probes(code: str, pages: list[int], height: float = 50.0, y0: float = TOP) -> list[Probe]:
    """Question k (1-based) on pages[k-1], all in the left column, stacked from y0 down."""
    out, y, page = [], y0, 0
    for k, p in enumerate(pages, start=1):
        if p != page:
            y, page = (y0 if p == pages[0] else TOP), p
        out.append(Probe(f"{code}:{k}", p, "col0", y, height))
        y -= height
    return out


def test_one_column_pages_are_never_balanced() -> None:
    one = geometry("A4", "portrait", 1)
    assert balance_breaks(_probes("A", [1] * 6), [_version("A", 6)], one) == frozenset()


def test_break_goes_before_the_question_that_opens_the_right_column() -> None:
    probes = _probes("A", [1] * 6) + _probes("B", [3] * 4)
    breaks = balance_breaks(probes, [_version("A", 6), _version("B", 4)], TWO)
    assert breaks == {("A", 4), ("B", 3)}


def test_title_above_the_first_question_counts_on_the_left() -> None:
    probes = _probes("A", [1] * 6, y0=TOP - 100.0)  # 100 pt of title and name box
    assert balance_breaks(probes, [_version("A", 6)], TWO) == {("A", 3)}


def test_only_the_last_page_is_balanced() -> None:
    pages = [1] * 10 + [2] * 4
    probes = _probes("A", pages, height=70.0)
    assert balance_breaks(probes, [_version("A", 14)], TWO) == {("A", 13)}


def test_split_questions_leave_the_page_alone() -> None:
    probes = _probes("A", [1] * 6)
    last_split = [p for p in probes if p.key != "A:6"]
    assert balance_breaks(last_split, [_version("A", 6)], TWO) == frozenset()
    # 問3 started on page 1 and ran onto page 2 (no probe of its own): page 2 is not whole
    spanning = [p for p in _probes("A", [1, 1, 1, 2, 2, 2]) if p.key != "A:3"]
    assert balance_breaks(spanning, [_version("A", 6)], TWO) == frozenset()


def test_a_single_question_on_the_last_page_needs_no_break() -> None:
    probes = _probes("A", [1] * 9 + [2], height=100.0)
    assert balance_breaks(probes, [_version("A", 10)], TWO) == frozenset()
