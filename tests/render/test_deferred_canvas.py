"""render/canvas.deferred_canvas: pages are painted once all are known, each exactly once."""

from __future__ import annotations

from pathlib import Path

import pypdf
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from exampdf.layout.page.markers import SectionStart, to_odd_page
from exampdf.layout.page.pages import PageInfo
from exampdf.layout.page.paper import geometry
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.pdf.docseed import DocSeed
from exampdf.render.pdf import PdfMeta, write_pdf

THEME = make_theme()


def _para(text: str) -> Flowable:
    return make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))


def test_the_painter_sees_each_page_once_with_the_totals_known(tmp_path: Path) -> None:
    seen: list[tuple[int, str, int, int, bool]] = []

    def painter(c: Canvas, page: PageInfo) -> None:
        seen.append((page.number, page.section, page.index, page.count, page.last))
        c.setFont(THEME.fonts.body, 9)
        c.drawString(20, 20, f"{page.index}/{page.count}")

    story = [SectionStart("A"), _para("一"), PageBreak(), _para("二"), *to_odd_page()]
    seeds: list[DocSeed] = []
    meta = PdfMeta("t", font=THEME.fonts.body)
    g = geometry("B5")
    path = tmp_path / "a.pdf"
    pages = write_pdf(path, [*story, SectionStart("B"), _para("三")], g, painter, meta, None, seeds)
    assert seen == [(1, "A", 1, 2, False), (2, "A", 2, 2, True), (3, "B", 1, 1, True)]
    assert [(p.number, p.section) for p in pages] == [(n, s) for n, s, *_ in seen]
    assert len(seeds) == 1
    reader = pypdf.PdfReader(path)
    texts = [p.extract_text().replace("\n", "") for p in reader.pages]
    assert texts == ["一1/2", "二2/2", "三1/1"]  # the painter's mark on its own page
