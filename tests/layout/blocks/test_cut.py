"""The last resort for a block too tall for a fresh frame: cut it, else shrink it (as data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Flowable

from exampdf.layout.blocks.cut import Shrunk, cut, must_cut
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from tests.helpers.blockpdf import Slab, typeset_flowables

THEME = make_theme()


class Cuttable(Slab):
    """A slab that knows how to cut itself (as a question's stack does)."""

    def cut(self, width: float, height: float) -> list[Flowable]:
        return [Slab(self.size[0], height), Slab(self.size[0], self.size[1] - height)]


def test_a_block_with_its_own_cut_is_cut_its_way() -> None:
    first, rest = cut(Cuttable(50.0, 300.0), 200.0, 120.0)
    assert (first.wrap(200.0, 120.0)[1], rest.wrap(200.0, 500.0)[1]) == (120.0, 180.0)


def test_a_paragraph_is_cut_between_lines() -> None:
    text = "長い段落を行の間で切ることを確かめる。" * 30
    para = make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))
    pieces = cut(para, 200.0, 100.0)
    assert len(pieces) == 2 and pieces[0].wrap(200.0, 100.0)[1] <= 100.0


def test_anything_else_is_shrunk_never_enlarged() -> None:
    (piece,) = cut(Slab(100.0, 400.0), 200.0, 100.0)
    assert isinstance(piece, Shrunk)
    assert piece.wrap(200.0, 100.0) == pytest.approx((25.0, 100.0))
    assert piece.split(200.0, 50.0) == []
    assert Shrunk(Slab(100.0, 40.0), 100.0).wrap(200.0, 100.0) == (100.0, 40.0)


def test_shrunk_block_is_drawn_at_its_scaled_size(tmp_path: Path) -> None:
    pdf = typeset_flowables(tmp_path, [Shrunk(Slab(100.0, 400.0), 100.0)])
    (box,) = pdf.pages[0]["rects"]
    assert (box["width"], box["height"]) == pytest.approx((25.0, 100.0))


def test_must_cut_when_already_moved_on_or_the_room_is_a_whole_frame() -> None:
    block = Slab(10.0, 10.0)
    assert must_cut(block, 500.0, 500.0)
    assert not must_cut(block, 300.0, 500.0)
    block._postponed = True
    assert must_cut(block, 300.0, 500.0)
