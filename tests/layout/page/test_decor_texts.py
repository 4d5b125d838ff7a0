"""Page decoration copies the operators of strings and parts (rules and title, version box,
page number) it has drawn before on the same canvas: they must be exactly what drawing them
again writes."""

from __future__ import annotations

import io
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.page.decor import Decor
from exampdf.layout.page.pages import page_infos
from exampdf.layout.page.paper import geometry
from exampdf.layout.theme import make_theme
from exampdf.pdf.ops import content
from exampdf.pdf.state import paint_state


def _paint(forget: bool) -> tuple[list[Any], int]:
    g = geometry("B4", "landscape", 2)
    decor = Decor(g, make_theme(), "確認テスト", "")
    marks = [("A", False), ("A", False), ("A", True), ("B", False), ("B", False), ("B", False)]
    marks += [("C", False), ("C", False), ("C", True)]
    c = Canvas(io.BytesIO(), pagesize=(g.width, g.height))
    pages = []
    for info in page_infos(marks):
        if forget:
            paint_state(c).decor.clear()
            paint_state(c).decor_parts.clear()
        decor(c, info)
        pages.append(list(content(c)))
        c.showPage()
    return pages, len(paint_state(c).decor_parts)


def test_copied_strings_are_what_drawing_them_writes() -> None:
    (copied, parts), (drawn, _) = _paint(forget=False), _paint(forget=True)
    assert copied == drawn
    assert parts < 3 * len(copied)  # some parts were copied, not drawn again
    assert any("Tj" in op for op in copied[-1])  # the strings are there
