"""Write a story to a PDF file: one frame per page, invariant mode, fonts embedded as subsets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exampdf.layout.page import PageGeometry
from exampdf.layout.pages import PageInfo
from exampdf.render.canvas import Painter, deferred_canvas


@dataclass(frozen=True)
class PdfMeta:
    title: str
    subject: str = ""
    author: str = ""
    font: str = "exampdf-mincho"  # the canvas's initial font, so Helvetica is never referenced


def write_pdf(
    path: Path, story: Sequence[Flowable], geometry: PageGeometry, painter: Painter, meta: PdfMeta
) -> list[PageInfo]:
    """Lay out and write `story`; returns what each page turned out to be."""
    pages: list[PageInfo] = []
    g = geometry
    doc = BaseDocTemplate(
        str(path),
        pagesize=(g.width, g.height),
        leftMargin=g.left,
        rightMargin=g.right,
        topMargin=g.top,
        bottomMargin=g.bottom,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        creator="exampdf",
        producer="exampdf",
        invariant=1,
        lang="ja-JP",
        initialFontName=meta.font,
    )
    frame = Frame(
        g.left,
        g.bottom,
        g.frame_width,
        g.frame_height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(list(story), canvasmaker=deferred_canvas(painter, pages))
    return pages
