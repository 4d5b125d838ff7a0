"""Exam sheets read back with pdfplumber: margins, columns, odd starts, labels, splits, covers."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.layout.exam.options import OptionGrid
from exampdf.layout.page.paper import exam_columns
from exampdf.layout.text.jparagraph import JParagraph, ParaStyle
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Bank
from exampdf.versions.labels import option_label, printed_label
from tests.helpers.bankfactory import bank, question
from tests.helpers.examlayout import build_exam, long_stem

LABEL = re.compile(r"^問(\d+)$")
SAFE = 6 * 72 / 25.4
SIZES = [
    ("A4", "portrait"),
    ("B5", "portrait"),
    ("B4", "portrait"),
    ("letter", "portrait"),
    ("B4", "landscape"),
    ("A3", "landscape"),
]


def _columns(page: pdfplumber.page.Page, xs: list[tuple[float, float]]) -> list[list[dict]]:
    """Words of the body (between header and footer rules) per column."""
    words = page.extract_words(keep_blank_chars=False)
    return [[w for w in words if x0 - 1 <= w["x0"] < x1] for x0, x1 in xs]


def _frames(g) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    return [(x, x + w) for x, _, w, _ in g.column_frames()]


@pytest.mark.parametrize(("paper", "orientation"), SIZES)
@pytest.mark.parametrize("font", ["mincho", "gothic"])
def test_nothing_outside_the_margins_and_versions_start_odd(
    tmp_path: Path, paper: str, orientation: str, font: str
) -> None:
    config = ExamConfig(
        paper=paper, orientation=orientation, font=font, shuffle=True, versions=2, show_points=True
    )
    pages, g = build_exam(bank(12), config, tmp_path / "exam.pdf")
    starts = [p.number for p in pages if p.index == 1 and not p.cover]
    assert len(starts) == 2 and all(n % 2 == 1 for n in starts)
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        for page in pdf.pages:
            assert (page.width, page.height) == pytest.approx((g.width, g.height))
            for ch in page.chars:
                assert g.left - 0.5 <= ch["x0"] and ch["x1"] <= g.width - g.right + 0.5, ch["text"]
                # header and footer sit in the margins, but clear of a copier's 6 mm edge
                assert ch["top"] >= SAFE and ch["bottom"] <= g.height - SAFE


def test_simplex_inserts_no_blank_pages(tmp_path: Path) -> None:
    config = ExamConfig(shuffle=True, versions=3, simplex=True)
    pages, _ = build_exam(Bank((question("q1"),)), config, tmp_path / "exam.pdf")
    assert [p.blank for p in pages] == [False, False, False]
    duplex, _ = build_exam(
        Bank((question("q1"),)), replace(config, simplex=False), tmp_path / "d.pdf"
    )
    assert [p.blank for p in duplex] == [False, True, False, True, False]


def _label_and_options(pdf_path: Path, g) -> list[tuple[int, int, int, float, bool]]:  # type: ignore[no-untyped-def]
    """(問N, page, column, top as a share of the column, an option mark below it in the column)."""
    out = []
    bottom = g.height - g.bottom
    with pdfplumber.open(pdf_path) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for c, words in enumerate(_columns(page, _frames(g))):
                for w in words:
                    if m := LABEL.match(w["text"]):
                        marks = [o for o in words if o["text"][0] in "○□" and o["top"] > w["top"]]
                        share = (w["top"] - g.top) / (bottom - g.top)
                        out.append((int(m.group(1)), n, c, share, bool(marks)))
    return out


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "portrait"), ("B4", "landscape")])
def test_no_question_label_at_a_column_foot_without_its_options(
    tmp_path: Path, paper: str, orientation: str
) -> None:
    questions = [question(f"q{i:02d}", options=4 + i % 3) for i in range(30)]
    config = ExamConfig(paper=paper, orientation=orientation)
    _, g = build_exam(Bank(tuple(questions)), config, tmp_path / "exam.pdf")
    labels = _label_and_options(tmp_path / "exam.pdf", g)
    assert sorted(n for n, *_ in labels) == list(range(1, 31))
    assert any(share > 0.6 for *_, share, _ in labels)  # some labels do reach low in a column
    for number, _page, _col, _share, has_options in labels:
        assert has_options, f"問{number} has no option below it in its column"


def test_two_columns_have_a_rule_between_them_and_text_stays_on_its_side(tmp_path: Path) -> None:
    config = ExamConfig(paper="B4", orientation="landscape")
    assert exam_columns(config.paper, config.orientation, config.columns, config.base_size) == 2
    _, g = build_exam(bank(14), config, tmp_path / "exam.pdf")
    (rule_x,) = g.rule_xs()
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        page = pdf.pages[0]
        verticals = [ln for ln in page.lines if abs(ln["x0"] - ln["x1"]) < 0.1]
        assert any(abs(ln["x0"] - rule_x) < 0.5 for ln in verticals)
        body = [ch for ch in page.chars if g.top < ch["top"] < g.height - g.bottom]
        assert len(body) > 100
        for ch in body:  # the centred page number below the rule is not body text
            assert not (ch["x0"] < rule_x < ch["x1"]), ch["text"]
            assert abs((ch["x0"] + ch["x1"]) / 2 - rule_x) > g.gap / 2 - 1


def test_last_page_columns_are_balanced(tmp_path: Path) -> None:
    # 6 equal questions fit the left column of one B4 landscape page: balancing moves some right.
    questions = Bank(tuple(question(f"q{i}", options=4) for i in range(6)))
    config = ExamConfig(paper="B4", orientation="landscape")
    _, g = build_exam(questions, config, tmp_path / "exam.pdf")
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        left, right = _columns(pdf.pages[0], _frames(g))
    assert left and right
    tops = sorted(w["top"] for w in left if LABEL.match(w["text"]))
    block = max(b - a for a, b in itertools.pairwise(tops))
    bottoms = [
        max(w["bottom"] for w in col if w["top"] < g.height - g.bottom) for col in (left, right)
    ]
    assert abs(bottoms[0] - bottoms[1]) <= block
    assert bottoms[0] >= bottoms[1] - 1  # the left column is the longer one


def test_question_taller_than_a_column_splits_with_continued_mark(tmp_path: Path) -> None:
    tall = long_stem(question("tall"), 40)
    config = ExamConfig()
    pages, g = build_exam(
        Bank((question("q0"), tall, question("q2"))), config, tmp_path / "exam.pdf"
    )
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    assert len(pages) >= 2
    assert "（続く）" in texts[0] and "（続く）" not in texts[-1]
    assert "問2" in texts[0] and "問3" in texts[-1]
    labels = _label_and_options(tmp_path / "exam.pdf", g)
    assert [n for n, *_ in labels] == [1, 2, 3]  # the continuation carries no second label


def test_cover_page_per_version(tmp_path: Path) -> None:
    config = ExamConfig(
        cover=True, versions=2, shuffle=True, subject="情報Ⅰ", duration="50分", date="12月3日"
    )
    pages, _ = build_exam(bank(4), config, tmp_path / "exam.pdf")
    covers = [p.number for p in pages if p.cover]
    assert len(covers) == 2 and all(n % 2 == 1 for n in covers)
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        cover = pdf.pages[covers[1] - 1].extract_text().replace(" ", "")
        after = pdf.pages[covers[1]].extract_text()
    for text in ("指示があるまで開いてはいけません", "注意事項", "情報Ⅰ", "50分", "氏名", "B\n版"):
        assert text in cover
    assert " / " not in cover and "1 / " in after


def test_options_take_1_2_or_4_columns_by_their_widths() -> None:
    theme = make_theme()
    style = ParaStyle(leading=theme.leading, align="left")

    def grid(text: str, n: int = 4) -> OptionGrid:
        cells = [
            (
                JParagraph([Run("○ A.", theme.fonts.body, 10.5)], style),
                JParagraph([Run(text + "あ" * i, theme.fonts.body, 10.5)], style),
            )
            for i in range(n)
        ]
        return OptionGrid(cells, 30, 10.5)

    assert grid("IP").choose_columns(480) == 4
    assert grid("短めの選択肢です").choose_columns(480) == 2
    assert grid("とても長い選択肢の文章がここに続きます").choose_columns(480) == 1
    assert grid("IP", n=2).choose_columns(480) == 2


def test_label_styles() -> None:
    assert [option_label(i, "A") for i in range(3)] == ["A", "B", "C"]
    assert [option_label(i, "ア") for i in range(3)] == ["ア", "イ", "ウ"]
    assert [option_label(i, "①") for i in (0, 19, 20)] == ["①", "⑳", "㉑"]
    assert [printed_label(i, "1") for i in range(2)] == ["1.", "2."]
    assert printed_label(0, "ア") == "ア" and printed_label(0, "A") == "A."
