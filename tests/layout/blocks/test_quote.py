"""Blockquotes as a box of children: sizes and splits as data, the rule read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Flowable, Spacer

from exampdf.layout.blocks.quote import BAR, QuoteBox
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from tests.helpers.blockpdf import FRAME_LEFT, typeset_flowables

THEME = make_theme()


def _block(height: float, before: float = 0.0, after: float = 0.0) -> Flowable:
    block = Spacer(1, height)
    block.spaceBefore, block.spaceAfter = before, after
    return block


def test_children_stack_with_collapsed_gaps_and_lend_the_box_their_outer_space() -> None:
    box = QuoteBox([_block(40, before=3, after=10), _block(40, before=6, after=4)], 12.0)
    assert box.wrap(200.0, 500.0) == (200.0, 40 + 10 + 40)  # the larger of 10 and 6, once
    assert (box.getSpaceBefore(), box.getSpaceAfter()) == (3, 4)


def test_split_between_children_when_one_does_not_fit() -> None:
    children = [_block(40), _block(40), _block(40)]
    head, tail = QuoteBox(children, 12.0).split(200.0, 90.0)
    assert (head.children, tail.children) == (children[:2], children[2:])
    head, tail = QuoteBox(children, 12.0).split(200.0, 80.0)  # an exact fit stays
    assert (head.children, tail.children) == (children[:2], children[2:])
    assert QuoteBox(children, 12.0).split(200.0, 30.0) == []  # not even the first child fits


def _long() -> Flowable:
    text = "引用の長い段落が次のページへ続くことを確かめる文章です。" * 6
    return make_paragraph([Run(text, THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))


def test_children_are_wrapped_to_the_width_beside_the_rule() -> None:
    assert QuoteBox([_long()], 100.0).wrap(300.0, 1000.0)[1] == _long().wrap(200.0, 1000.0)[1]


def test_split_inside_a_long_child_keeps_the_children_before_it_and_the_indent() -> None:
    first, para, last = _block(20.0), _long(), _block(10.0)
    full = QuoteBox([first, para, last], 20.0).wrap(200.0, 1000.0)[1]
    head, tail = QuoteBox([first, para, last], 20.0).split(200.0, 80.0)
    assert head.children[0] is first and len(head.children) == 2
    assert tail.children[-1] is last and len(tail.children) == 2
    assert (head.indent, tail.indent) == (20.0, 20.0)
    heights = [b.wrap(200.0, 1000.0)[1] for b in (head, tail)]
    assert heights[0] <= 80.0 and sum(heights) == pytest.approx(full)


def test_children_are_drawn_indented_right_of_the_rule(tmp_path: Path) -> None:
    para = make_paragraph([Run("引用文", THEME.fonts.body, 10.5)], ParaStyle(leading=18.0))
    pdf = typeset_flowables(tmp_path, [QuoteBox([para], 20.0)], THEME)
    (rule,) = pdf.pages[0]["lines"]
    assert rule["x0"] == pytest.approx(FRAME_LEFT + BAR / 2)
    assert rule["linewidth"] == BAR and rule["bottom"] - rule["top"] == pytest.approx(18.0)
    assert pdf.chars()[0]["x0"] == pytest.approx(FRAME_LEFT + 20.0)
