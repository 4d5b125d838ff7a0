"""A name table without values is drawn once per canvas and then copied: the copies must be
exactly what drawing it again writes; a table with values is drawn every time."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exampdf.layout.exam.cover import name_table
from exampdf.layout.theme import make_theme
from exampdf.pdf.ops import content
from exampdf.pdf.state import paint_state

FIELDS = ("組", "番号", "氏名")


def _pages(forget: bool, values: tuple[str, ...] = ()) -> tuple[list[list[str]], int]:
    theme = make_theme()
    c = Canvas(io.BytesIO())
    pages = []
    for y in (700.0, 700.0, 650.0, 700.0):
        if forget:
            paint_state(c).tables.clear()
        table = name_table(FIELDS, theme, 400, 10 * mm, values=values)
        table.wrap(400, 800)
        table.drawOn(c, 50, y)
        pages.append(list(content(c)))
        c.showPage()
    return pages, len(paint_state(c).tables)


def test_copied_table_is_what_drawing_it_writes() -> None:
    (copied, kept), (drawn, _) = _pages(forget=False), _pages(forget=True)
    assert copied == drawn
    assert kept == 2  # one per place: the other two were copies
    assert any("Tj" in op for op in copied[-1])


def test_table_with_values_is_never_copied() -> None:
    pages, kept = _pages(forget=False, values=("1", "23", "山田"))
    assert kept == 0
    assert pages[0] == pages[1]
