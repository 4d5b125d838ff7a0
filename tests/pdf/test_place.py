"""Our containers draw their children by offset (layout/place.py): the operators must be the
ones ReportLab's drawOn and JParagraph's own drawing write, so exam.pdf stays byte-identical."""

from __future__ import annotations

import io
import random
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.labeled import Labeled
from exampdf.layout.blocks.place import place, share, translate
from exampdf.layout.blocks.stack import Stack
from exampdf.layout.exam.options import GridMemo, OptionGrid
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme

THEME = make_theme()
STYLE = ParaStyle(leading=THEME.leading, align="left")


def _para(text: str, link: str = "") -> JParagraph:
    return share(JParagraph([Run(text, THEME.fonts.body, THEME.size, link=link)], STYLE))


def _canvas() -> Any:
    return Canvas(io.BytesIO())


def test_translate_writes_what_canvas_translate_writes() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        x = rng.choice([rng.uniform(-900, 900), rng.randint(-900, 900), 0, 0.0, 1e-9])
        y = rng.uniform(-900, 900)
        c = _canvas()
        c.saveState()
        c.translate(x, y)
        assert c._code[-1] == translate(x, y) == f"{fp_str(1, 0, 0, 1, x, y)} cm"


def test_a_spacer_and_a_container_write_the_brackets_drawon_writes() -> None:
    for make in (lambda: Spacer(1, 5), lambda: Stack([Spacer(1, 5)])):
        a, b = _canvas(), _canvas()
        f = make()
        f.wrap(100, 100)
        Flowable.drawOn(f, a, 12.5, 30)
        place(b, f, 12.5, 30)
        assert a._code == b._code
        assert b._currentMatrix == (1, 0, 0, 1, 0, 0)


def test_a_shared_paragraph_is_placed_as_jparagraph_draws_it() -> None:
    """First use painted in the page, second as a new form, later ones only placed."""
    p, q = _para("選択肢の本文です"), _para("選択肢の本文です")
    a, b = _canvas(), _canvas()
    for i in range(4):
        for f in (p, q):
            f.wrap(200, 100)
        p.drawOn(a, 10, 20 + i)
        place(b, q, 10, 20 + i)
    assert a._code == b._code
    assert a._formsinuse == b._formsinuse


def test_links_inside_nested_containers_land_where_drawon_puts_them() -> None:
    """Containers track the transform without saveState: link areas need it."""
    c = _canvas()
    body = Stack([Spacer(1, 7), _para("リンク", link="https://example.com")])
    outer = Labeled(_para("問1"), body, 30)
    outer.wrap(300, 500)
    seen: list[tuple[float, float]] = []

    def link(url: str, rect: tuple[float, ...], relative: int = 0, thickness: int = 0) -> None:
        seen.append(c.absolutePosition(rect[0], rect[1]))

    c.linkURL = link
    outer.drawOn(c, 40, 200)  # the frame's drawOn, then our containers down to the paragraph
    ((x, y),) = seen
    assert x == 40 + 30  # the gutter, inside the translated origin
    assert 200 < y < 200 + THEME.leading  # the body's last line sits at the block's foot
    assert c._currentMatrix == (1, 0, 0, 1, 0, 0)


def test_option_cells_write_what_labeled_cells_drawn_by_reportlab_write() -> None:
    cells = [(_para(f"○ {x}."), _para(f"選択肢{x}の本文")) for x in "ABCD"]
    memo = GridMemo()
    a, b = _canvas(), _canvas()
    for version in range(4):  # the same cells in other orders, as versions print them
        order = cells[version:] + cells[:version]
        grid = OptionGrid(order, 30, THEME.size, memo=memo)
        grid.wrap(400, 800)
        Flowable.drawOn(grid, b, 50, 100 + version)
        _reference_grid(grid, order, a, 50, 100 + version)
    assert a._code == b._code
    assert a._formsinuse == b._formsinuse


def _reference_grid(grid: OptionGrid, cells: list[Any], c: Any, x: float, y: float) -> None:
    """The grid as it was drawn before place.py: a Labeled per cell, ReportLab's drawOn."""
    c.saveState()
    c.translate(x, y)
    col = grid.width / grid.columns
    top = grid.height
    n = grid.columns
    for start in range(0, len(cells), n):
        row = cells[start : start + n]
        heights = [
            (lab.wrap(grid.gutter, 1e6)[1], body.wrap(col - grid.gutter, 1e6)[1])
            for lab, body in row
        ]
        height = max(max(h) for h in heights)
        top -= height
        for i, ((lab, body), (lh, bh)) in enumerate(zip(row, heights, strict=True)):
            ch = max(lh, bh)
            c.saveState()
            c.translate(i * col, top + height - ch)
            lab.drawOn(c, 0, ch - lh)
            body.drawOn(c, grid.gutter, ch - bh)
            c.restoreState()
    c.restoreState()
