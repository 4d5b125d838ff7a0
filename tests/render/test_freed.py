"""render/pdf.py: a written document is freed by reference counting, without a collection."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from exampdf.layout.page.pages import PageInfo, page_infos
from exampdf.layout.page.paper import geometry
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.pdf.canvas import PaintCanvas
from exampdf.pdf.docslice import SliceDocTemplate
from exampdf.render import pdf
from exampdf.render.canvas import Tally

THEME = make_theme()
G = geometry("B5")
META = pdf.PdfMeta("t", font=THEME.fonts.body, recurring=True)


def _story() -> list[Flowable]:
    para = [Run("問題文です。" * 20, THEME.fonts.body, 10.5)]
    return [make_paragraph(para, ParaStyle(leading=18.0)), PageBreak()] * 3


def _paint(c: Canvas, page: PageInfo) -> None:
    c.setFont(THEME.fonts.body, 9)
    c.drawString(20, 20, str(page.index))


def _live() -> list[Any]:
    """Documents and canvases still in memory (the collector is off: what reference
    counting has not freed)."""
    return [o for o in gc.get_objects() if isinstance(o, SliceDocTemplate | PaintCanvas)]


COLLECT = gc.collect


@pytest.fixture
def no_collection(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The cycle collector off, and every full collection render/pdf.py asks for counted."""
    asked: list[int] = []

    def counted(*args: object) -> int:
        asked.append(1)
        return 0

    gc.collect()
    monkeypatch.setattr(gc, "collect", counted)
    gc.disable()
    try:
        yield asked
    finally:
        gc.enable()


def test_write_pdf_frees_the_document_without_collecting(
    tmp_path: Path, no_collection: list[int]
) -> None:
    rebuilt: list[bool] = []

    def rebuild(probes: object) -> list[Flowable]:
        rebuilt.append(True)
        return _story()

    pages = pdf.write_pdf(tmp_path / "a.pdf", _story(), G, _paint, META, rebuild)
    assert len(pages) == 3 and rebuilt
    assert _live() == [] and no_collection == []
    assert COLLECT() == 0  # nothing else the build made is left in a cycle either


def test_a_slice_is_freed_without_collecting(no_collection: list[int]) -> None:
    data, rest, _ = pdf.build_slice(_story(), G, _paint, META, [], [], 2, page_infos, Tally())
    assert data and rest
    assert _live() == [] and no_collection == []
    assert COLLECT() == 0  # nothing else the build made is left in a cycle either


def test_a_document_still_held_in_a_cycle_is_collected(
    tmp_path: Path, no_collection: list[int]
) -> None:
    kept: list[Any] = []

    def painter(c: Canvas, page: PageInfo) -> None:
        c.cycle = kept  # a canvas something else keeps in a cycle
        kept.append(c)

    pdf.write_pdf(tmp_path / "a.pdf", _story(), G, painter, META)
    assert no_collection == [1]
    kept.clear()
