"""Zero-size marks in a story (sections, blanks, covers, probes, bookmarks, progress ticks):
what the page list says after write_pdf, and the outline read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.platypus import Flowable, PageBreak

from exampdf.layout.page.markers import (
    CoverMark,
    Expand,
    ProbeMark,
    SectionStart,
    to_even_page,
    to_odd_page,
)
from exampdf.layout.page.outline import Bookmark
from exampdf.layout.page.pages import PageInfo, Probe
from exampdf.layout.page.paper import geometry
from exampdf.layout.page.ticks import TickMark, with_ticks
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.render.pdf import PdfMeta, write_pdf

THEME = make_theme()
G = geometry("B5")


def _para(text: str) -> Flowable:
    return make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))


def _write(path: Path, story: list[Flowable], probes: list[Probe] | None = None) -> list[PageInfo]:
    def rebuild(found: list[Probe]) -> None:
        if probes is not None:
            probes.extend(found)

    meta = PdfMeta("t", font=THEME.fonts.body)
    return write_pdf(path, story, G, lambda c, page: None, meta, rebuild)


def _marks(pages: list[PageInfo]) -> list[tuple[str, bool]]:
    return [(p.section, p.blank) for p in pages]


def test_sections_start_on_odd_pages_and_the_document_ends_on_an_even_one(
    tmp_path: Path,
) -> None:
    story = [SectionStart("A"), _para("A"), *to_odd_page(), SectionStart("B"), _para("B")]
    pages = _write(tmp_path / "a.pdf", [*story, *to_even_page()])
    assert _marks(pages) == [("A", False), ("A", True), ("B", False), ("B", True)]


def test_no_blank_where_the_parity_is_already_right(tmp_path: Path) -> None:
    two = [_para("1"), PageBreak(), _para("2")]
    story = [SectionStart("A"), *two, *to_odd_page(), SectionStart("B"), *two, *to_even_page()]
    pages = _write(tmp_path / "a.pdf", story)
    assert _marks(pages) == [("A", False), ("A", False), ("B", False), ("B", False)]


def test_simplex_never_adds_a_blank(tmp_path: Path) -> None:
    story = [SectionStart("A"), _para("A"), *to_odd_page(simplex=True), SectionStart("B")]
    pages = _write(tmp_path / "a.pdf", [*story, _para("B")])
    assert _marks(pages) == [("A", False), ("B", False)]


def test_a_cover_page_is_marked_and_not_counted(tmp_path: Path) -> None:
    story = [SectionStart("A"), CoverMark(), _para("表紙"), PageBreak(), _para("1"), PageBreak()]
    pages = _write(tmp_path / "a.pdf", [*story, _para("2")])
    assert [(p.cover, p.index, p.count) for p in pages] == [
        (True, 0, 2),
        (False, 1, 2),
        (False, 2, 2),
    ]


def test_a_probe_records_page_frame_and_how_far_down_it_landed(tmp_path: Path) -> None:
    probes: list[Probe] = []
    story = [_para("1"), PageBreak(), _para("2"), ProbeMark("after"), _para("3")]
    _write(tmp_path / "a.pdf", story, probes)
    (probe,) = probes
    assert (probe.key, probe.page, probe.frame) == ("after", 2, "col0")
    assert probe.y == pytest.approx(G.height - G.top - 18.0)  # one 18 pt line below the top


def test_expand_makes_its_flowables_only_when_the_layout_reaches_it(tmp_path: Path) -> None:
    made: list[int] = []

    def make() -> list[Flowable]:
        made.append(1)
        return [_para("遅延本文"), PageBreak(), _para("二頁目")]

    story = [_para("前"), Expand(make), _para("後")]
    assert made == []
    pages = _write(tmp_path / "a.pdf", story)
    assert made == [1] and len(pages) == 2
    with pypdf.PdfReader(tmp_path / "a.pdf") as reader:
        texts = [p.extract_text().replace("\n", "") for p in reader.pages]
    assert texts == ["前遅延本文", "二頁目後"]


def test_bookmarks_point_at_the_page_they_land_on(tmp_path: Path) -> None:
    story = [
        Bookmark("a", "第一部"),
        _para("1"),
        PageBreak(),
        _para("2"),
        Bookmark("a1", "第一部の二", 1),
        _para("3"),
        PageBreak(),
        Bookmark("b", "第二部"),
        _para("4"),
    ]
    _write(tmp_path / "a.pdf", story)
    with pypdf.PdfReader(tmp_path / "a.pdf") as reader:
        outline: list[Any] = reader.outline
        first, children, second = outline
        assert [first.title, second.title] == ["第一部", "第二部"]
        assert [c.title for c in children] == ["第一部の二"]  # nested under 第一部
        pages = [reader.get_destination_page_number(d) for d in (first, children[0], second)]
    assert pages == [0, 1, 2]


def test_progress_ticks_come_before_each_later_section_and_at_the_end() -> None:
    story = [SectionStart("A"), _para("A"), SectionStart("B"), _para("B")]
    out = with_ticks(story, lambda finished, page: None)
    shape = [(type(f).__name__, getattr(f, "finished", None)) for f in out]
    assert shape == [
        ("SectionStart", None),
        ("JParagraph", None),
        ("TickMark", 1),
        ("SectionStart", None),
        ("JParagraph", None),
        ("TickMark", 2),
    ]


def test_ticks_report_their_page_and_leave_the_pdf_unchanged(tmp_path: Path) -> None:
    def story() -> list[Flowable]:
        return [SectionStart("A"), _para("A"), *to_odd_page(), SectionStart("B"), _para("B")]

    ticks: list[tuple[int, int]] = []
    _write(tmp_path / "ticks.pdf", with_ticks(story(), lambda f, p: ticks.append((f, p))))
    _write(tmp_path / "plain.pdf", story())
    assert ticks == [(1, 3), (2, 3)]
    assert (tmp_path / "ticks.pdf").read_bytes() == (tmp_path / "plain.pdf").read_bytes()
    assert isinstance(with_ticks([], lambda f, p: None)[0], TickMark)
