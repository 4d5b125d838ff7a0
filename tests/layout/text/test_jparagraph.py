"""JParagraph in a real document: text read back with pdfplumber, geometry and page splits."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A5
from reportlab.platypus import Flowable, SimpleDocTemplate

from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.jlreq import may_end_line, may_start_line
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.jsegment import measure, units
from exampdf.layout.text.linefit import capacity
from exampdf.layout.text.textrun import Run

BODY, BOLD, MONO = "exampdf-mincho", "exampdf-gothic-bold", "exampdf-mono"
MARGIN = 50.0
PAD = 6.0  # SimpleDocTemplate frames pad 6 pt on each side
CJK_GAP = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff、。][ \t]+[\u3040-\u30ff\u4e00-\u9fff、。]")
SENTENCE = (
    "ファインチューニング（Fine-tuning）は、既に大規模データで事前学習された汎用的なモデルを、"
    "特定のタスクに適応させるために重みを調整する手法です。メモリ使用量を99%以上削減し、"
)


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def runs() -> list[Run]:
    return [
        Run("　深層学習における", BODY, 10.5),
        Run("ファインチューニング", BOLD, 10.5),
        Run("では、", BODY, 10.5),
        Run("model.train()", MONO, 10.5, back=(0.9, 0.9, 0.9)),
        Run("を呼んでから学習率を3.14に設定します。詳しくは", BODY, 10.5),
        Run("https://example.com/docs", MONO, 10.5, link="https://example.com/docs"),
        Run("を参照してください。" + SENTENCE, BODY, 10.5),
    ]


def build(path: Path, story: list[Flowable]) -> list[str]:
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A5,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.build(story)
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def squash(s: str) -> str:
    return "".join(s.split())


def test_text_reads_back_in_order(tmp_path: Path) -> None:
    para = JParagraph(runs(), ParaStyle(leading=18))
    pages = build(tmp_path / "p.pdf", [para])
    assert squash(pages[0]) == squash("".join(r.text for r in runs()))
    assert not CJK_GAP.search(pages[0]), pages[0]


def test_lines_match_line_texts(tmp_path: Path) -> None:
    para = JParagraph(runs(), ParaStyle(leading=18))
    width = A5[0] - 2 * MARGIN - 2 * PAD
    expected = para.line_texts(width)
    pages = build(tmp_path / "p.pdf", [JParagraph(runs(), ParaStyle(leading=18))])
    assert [squash(x) for x in pages[0].splitlines()] == [squash(x) for x in expected]


def test_nothing_beyond_the_right_edge(tmp_path: Path) -> None:
    style = ParaStyle(leading=18, left_indent=12, right_indent=7)
    build(tmp_path / "p.pdf", [JParagraph(runs(), style)])
    with pdfplumber.open(tmp_path / "p.pdf") as pdf:
        page = pdf.pages[0]
        right = page.width - MARGIN - PAD - 7
        assert page.chars and max(c["x1"] for c in page.chars) <= right + 0.05
        assert min(c["x0"] for c in page.chars) >= MARGIN + PAD + 12 - 0.05
        fonts = {c["fontname"].split("+")[-1] for c in page.chars}
        assert fonts == {"BIZUDPMincho-Regular", "BIZUDPGothic-Bold", "BIZUDGothic-Regular"}
        assert page.hyperlinks and page.hyperlinks[0]["uri"] == "https://example.com/docs"
        assert page.rects  # the tint behind inline code


def test_long_paragraph_splits_across_pages(tmp_path: Path) -> None:
    text = SENTENCE * 40
    para = JParagraph([Run(text, BODY, 10.5)], ParaStyle(leading=18, first_indent=10.5))
    pages = build(tmp_path / "p.pdf", [para])
    assert len(pages) >= 3
    assert squash("".join(pages)) == squash(text)
    assert all(len(p.splitlines()) >= 2 for p in pages)


def test_widow_and_orphan_control() -> None:
    para = JParagraph([Run(SENTENCE * 3, BODY, 10.5)], ParaStyle(leading=10))
    n = len(para.lines(200))
    assert n >= 5
    assert para.split(200, 15) == []  # one line would be an orphan
    first, rest = para.split(200, (n - 1) * 10)
    assert first.wrap(200, 1000)[1] == (n - 2) * 10  # leave two lines, not a widow
    assert rest.wrap(200, 1000)[1] == 20
    assert isinstance(rest, JParagraph)
    assert rest.line_texts(200) == [ln.text for ln in para.lines(200)[n - 2 :]]
    assert "".join(rest.line_texts(300)) == "".join(ln.text for ln in para.lines(200)[n - 2 :])


def test_min_width_and_degenerate_input() -> None:
    para = JParagraph([Run("あ https://example.com/x い", BODY, 10.5)], ParaStyle(leading=16))
    assert para.minWidth() > 90
    assert JParagraph([], ParaStyle(leading=16)).wrap(100, 100) == (100, 0)
    assert JParagraph([Run("", BODY, 10.5)], ParaStyle(leading=16)).line_texts(100) == []
    assert JParagraph([Run("\n", BODY, 10.5)], ParaStyle(leading=16)).line_texts(100) == [""]


TOKENS = [
    "日本語",
    "文章",
    "です",
    "。",
    "、",
    "「かぎ」",
    "（括弧）",
    "ちょっと",
    "ー",
    "っ",
    "……",
    "Python",
    "100%",
    "3.14",
    "https://example.com/a/b",
    " ",
    "もの",
    "！",
    "ヴァ",
    "々",
    "f(x)",
    "データ",
    "テスト",
    "a_b_c",
]


@settings(max_examples=80, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60),
    st.floats(60, 300),
    st.booleans(),
)
def test_property_no_prohibited_line_edges_and_lines_fit(
    tokens: list[str], width: float, phrases: bool
) -> None:
    text = "".join(tokens)
    runs = [Run(text, BODY, 10.5)]
    para = JParagraph(runs, ParaStyle(leading=16, phrases=phrases))
    lines = para.lines(width)
    assert "".join(ln.text for ln in lines).replace(" ", "") == text.replace(" ", "")
    strict = _strict_possible(runs, width)
    for i, ln in enumerate(lines):
        body = ln.text
        if i > 0 and body and strict:
            assert may_start_line(body[0]), (body, [x.text for x in lines])
        if i < len(lines) - 1 and body:
            assert may_end_line(body[-1]), (body, [x.text for x in lines])
        end = max((p.x + p.width for p in ln.pieces), default=0.0)
        assert end <= width + 0.01


def _strict_possible(runs: list[Run], width: float) -> bool:
    """Every unbreakable cluster (。。。。ーー with the character before it) fits, pushed in:
    otherwise no break is both legal and fitting, and fitting wins (test_kinsoku_long.py)."""
    t = measure(runs)
    return all(t.width(a, c) - capacity(t, runs, a, c) <= width for a, c, _ in units(t, 1e9, False))
