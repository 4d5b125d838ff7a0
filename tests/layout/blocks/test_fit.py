"""FitTall: a block that cannot split and is taller than a page is shrunk, not a build error."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import KeepInFrame, SimpleDocTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from exampdf.layout.blocks.fit import FitTall, fit_tall
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from tests.helpers.blockpdf import MARGIN, PAD, PAGE, Slab, typeset_flowables

THEME = make_theme()
FRAME_HEIGHT = PAGE[1] - 2 * (MARGIN + PAD)


def test_behaves_like_its_block_until_a_fresh_frame_cannot_hold_it() -> None:
    fit = FitTall(Slab(100.0, 800.0))
    assert fit.wrap(200.0, 300.0) == (100.0, 800.0)
    assert fit.split(200.0, 300.0) == []  # first: let ReportLab try a fresh frame
    fit._postponed = True  # what ReportLab sets when it moves the block on
    (shrunk,) = fit.split(200.0, 300.0)
    assert isinstance(shrunk, KeepInFrame)


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
    # ReportLab first moves it to a fresh frame (here leaving page 1 empty), then it is shrunk
    (box,) = [r for page in pdf.pages for r in page["rects"]]
    assert box["height"] <= FRAME_HEIGHT + 0.5
    assert box["height"] / box["width"] == pytest.approx(8.0)  # shrunk, not squashed
