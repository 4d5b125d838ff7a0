"""Formulas set in Japanese paragraphs and as display blocks, read back from the PDF: on their
line's baseline, a quarter em from Japanese, lines grown without overlap, inside the frame."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from exampdf.layout.math.engine import lay_out
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.theme import make_theme
from tests.helpers.blockpdf import FRAME_LEFT, FRAME_RIGHT, typeset

SIZE = make_theme().size


def _math(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in chars if "STIXTwoMath" in c["fontname"]]


def _text(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in chars if "STIXTwoMath" not in c["fontname"]]


def _base(c: dict[str, Any]) -> float:
    return float(c["matrix"][5])


def test_inline_formula_sits_on_the_baseline_a_quarter_em_from_japanese(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "ただし$x>0$とする。")
    chars = pdf.chars()
    math, text = _math(chars), _text(chars)
    assert {round(_base(c), 1) for c in math} == {round(_base(text[0]), 1)}
    box = lay_out("x>0", False, SIZE, register_fonts().body)
    shi = next(c for c in text if c["text"] == "し")
    to = next(c for c in text if c["text"] == "と")
    left = min(c["x0"] for c in math)
    assert left - shi["x1"] == pytest.approx(0.25 * SIZE, abs=0.05)
    assert to["x0"] - (left + box.width) == pytest.approx(0.25 * SIZE, abs=0.05)


TALL = "f(x)=\\frac{1}{1+\\frac{1}{x}}"
PARAGRAPH = (
    "長い文章の途中に数式が現れる。" * 3
    + f"ここで ${TALL}$ とおくと、"
    + "関数の値が定まる。" * 6
    + "また $x^2-5x+6=0$ の解は $x=2, 3$ である。" * 2
)


def _lines(chars: list[dict[str, Any]]) -> list[float]:
    return sorted({round(_base(c), 1) for c in _text(chars)}, reverse=True)


def test_lines_grow_only_where_a_formula_needs_it(tmp_path: Path) -> None:
    chars = typeset(tmp_path, PARAGRAPH).chars()
    bases = _lines(chars)
    gaps = [a - b for a, b in itertools.pairwise(bases)]
    leading = make_theme().leading
    assert min(gaps) == pytest.approx(leading, abs=0.15)  # plain lines keep the leading
    assert max(gaps) > leading + 3  # the line with the nested fraction is taller
    assert sum(1 for g in gaps if g > leading + 0.15) <= 2  # only around that line


def test_formulas_share_their_line_baseline_and_overlap_no_text(tmp_path: Path) -> None:
    chars = typeset(tmp_path, PARAGRAPH).chars()
    bases = _lines(chars)
    body = register_fonts().body
    tall = lay_out(TALL, False, SIZE, body)
    equals = [c for c in _math(chars) if c["text"] == "="]
    assert len(equals) == 5
    for c in equals:  # every "=" is on a text line's baseline
        assert min(abs(_base(c) - b) for b in bases) <= 0.5
    first = equals[0]  # the tall formula's "=": its ink must clear the lines around it
    line = min(bases, key=lambda b: abs(b - _base(first)))
    above = [c for c in _text(chars) if round(_base(c), 1) > line + 1]
    below = [c for c in _text(chars) if round(_base(c), 1) < line - 1]
    top, bottom = _base(first) + tall.ascent, _base(first) - tall.descent
    page_height = 500.0
    assert top <= min(page_height - c["top"] for c in above if _base(c) < line + 30) + 0.01
    assert bottom >= max(page_height - c["bottom"] for c in below if _base(c) > line - 30)


def test_inline_and_display_formulas_stay_inside_the_frame(tmp_path: Path) -> None:
    chars = typeset(tmp_path, PARAGRAPH + "\n\n$$\n" + TALL + "\n$$\n").chars()
    for c in _math(chars):
        assert c["x0"] >= FRAME_LEFT - 0.01 and c["x0"] <= FRAME_RIGHT


def test_display_formula_is_centred(tmp_path: Path) -> None:
    chars = typeset(tmp_path, "$$\n" + TALL + "\n$$\n").chars()
    box = lay_out(TALL, True, SIZE, register_fonts().body)
    left = min(c["x0"] for c in chars)
    centre = (FRAME_LEFT + FRAME_RIGHT) / 2
    assert left + box.width / 2 == pytest.approx(centre, abs=0.5)


def test_display_formula_wider_than_the_frame_is_scaled_to_fit(tmp_path: Path) -> None:
    wide = "+".join(f"\\frac{{{i}}}{{{i + 1}}}x^{{{i}}}" for i in range(1, 16))
    chars = typeset(tmp_path, "$$\n" + wide + "\n$$\n").chars()
    assert lay_out(wide, True, SIZE, register_fonts().body).width > FRAME_RIGHT - FRAME_LEFT
    math = _math(chars)
    assert min(c["x0"] for c in math) >= FRAME_LEFT - 0.01
    assert max(c["x1"] for c in math) <= FRAME_RIGHT + 1.0  # the last glyph's advance
    assert max(c["size"] for c in math) < SIZE  # set smaller


def test_a_label_shares_the_baseline_a_formula_pushed_down(tmp_path: Path) -> None:
    chars = typeset(tmp_path, "- $\\int_0^1 x\\,dx$ を求めよ\n- 二つ目\n").chars()
    bullet = next(c for c in chars if c["text"] == "・")
    text = next(c for c in chars if c["text"] == "を")
    assert _base(bullet) == pytest.approx(_base(text), abs=0.01)
