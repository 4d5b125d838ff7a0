"""FitTall: a block that cannot split and is taller than a page is shrunk, not a build error."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from exampdf.layout.blocks.cut import Shrunk
from exampdf.layout.blocks.dispatch import block_flowables
from exampdf.layout.blocks.fit import FitTall, fit_tall
from exampdf.layout.blocks.shrinks import Origin, noting
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Block
from exampdf.parse.blocks import convert_blocks
from exampdf.parse.markdown import parse_tree
from tests.helpers.blockpdf import MARGIN, PAD, PAGE, Slab, typeset_flowables

THEME = make_theme()
FRAME_HEIGHT = PAGE[1] - 2 * (MARGIN + PAD)


def test_behaves_like_its_block_until_a_fresh_frame_cannot_hold_it() -> None:
    fit = FitTall(Slab(100.0, 800.0))
    assert fit.wrap(200.0, 300.0) == (100.0, 800.0)
    assert fit.split(200.0, 300.0) == []  # nested (no frame): its container decides
    fit._postponed = True  # what ReportLab sets when it moves the block on
    (shrunk,) = fit.split(200.0, 300.0)
    assert isinstance(shrunk, Shrunk) and shrunk.wrap(200.0, 300.0) == (37.5, 300.0)


def test_blocks_that_split_are_split_as_usual() -> None:
    text = "分割できる長い段落です。" * 40
    para = make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))
    parts = FitTall(para).split(200.0, 100.0)
    assert len(parts) == 2 and all(isinstance(p, FitTall) for p in parts)
    assert parts[0].wrap(200.0, 100.0)[1] <= 100.0
    built = fit_tall(lambda block, theme: [Spacer(1, block)])(10.0, None)
    assert [type(f) for f in built] == [FitTall] and built[0].wrap(50.0, 50.0) == (1, 10.0)


def test_a_block_taller_than_the_page_is_drawn_shrunk_into_the_frame(tmp_path: Path) -> None:
    with pytest.raises(LayoutError):
        SimpleDocTemplate(str(tmp_path / "raw.pdf"), pagesize=PAGE).build([Slab(100.0, 800.0)])
    pdf = typeset_flowables(tmp_path, [FitTall(Slab(100.0, 800.0))])
    (box,) = [r for page in pdf.pages for r in page["rects"]]
    assert box["height"] <= FRAME_HEIGHT + 0.5
    assert box["height"] / box["width"] == pytest.approx(8.0)  # shrunk, not squashed


def test_at_the_top_of_an_empty_page_it_is_shrunk_there_not_moved_on(tmp_path: Path) -> None:
    """Moving it on from the top of an empty frame would leave a blank page behind."""
    style = ParaStyle(leading=18.0)
    after = make_paragraph([Run("次の段落", THEME.fonts.body, 10.5)], style)
    pdf = typeset_flowables(tmp_path, [FitTall(Slab(100.0, 800.0)), after])
    assert [(len(p["rects"]), p["text"]) for p in pdf.pages] == [(1, ""), (0, "次の段落")]
    after_break = [Paragraph("before"), PageBreak(), FitTall(Slab(100.0, 800.0))]
    pdf = typeset_flowables(tmp_path, after_break)
    assert [len(p["rects"]) for p in pdf.pages] == [0, 1]  # page 2 holds it, no page 3


def test_a_shrunk_table_row_is_noted_at_its_own_line(tmp_path: Path) -> None:
    made = block_flowables(_table(), THEME, "q/t.md")
    with noting() as got:
        pdf = typeset_flowables(tmp_path, made)
    (shrink,) = got
    assert shrink.origin == Origin("q/t.md", 6, "table-row", row=2)
    assert 0.2 < shrink.scale < 1.0
    sizes = {c["text"]: round(c["size"], 2) for page in pdf.pages for c in page["chars"]}
    full = round(THEME.size * 0.92, 2)  # the table's type size
    assert sizes["長"] < full and sizes["x"] == sizes["z"] == sizes["w"] == full  # that row only


def test_a_container_cutting_a_table_shrinks_only_its_tall_first_row() -> None:
    (table, _) = block_flowables(_table(), THEME, "q/t.md")[1:]
    table.wrap(300.0, 400.0)
    head, rest = table.split(300.0, 60.0)  # the header and row x fit
    assert head.origin.row == 1
    assert rest.split(300.0, 400.0) == []  # nested: nothing to do with frames
    shrunk, after = rest.cut(300.0, 400.0)
    assert isinstance(shrunk, Shrunk) and shrunk.wrap(300.0, 400.0)[1] == pytest.approx(400.0)
    assert shrunk.inner.origin.row == 2 and after.origin == Origin("q/t.md", 7, "table-row", 3)
    assert after.wrap(300.0, 400.0)[1] < 60.0  # the header with rows z and w, at full size


def _table() -> list[Block]:
    tall = "長い" * 700
    text = f"前文\n\n|a|b|\n|-|-|\n|x|y|\n|{tall}|y|\n|z|w|\n"
    return convert_blocks(parse_tree(text).children)
