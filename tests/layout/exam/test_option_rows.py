"""Issue 16 items 21 and 22: balanced option rows, a plain ① label, and the points on the
question's first line (geometry and text read back from the PDF)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest

from exampdf.config import ExamConfig
from exampdf.layout.blocks.cut import Shrunk
from exampdf.layout.blocks.shrinks import Origin
from exampdf.layout.exam.options import OptionGrid, _balanced
from exampdf.layout.text.jparagraph import JParagraph
from exampdf.layout.text.paragraphs import ParaStyle
from exampdf.layout.text.textrun import Run
from exampdf.layout.theme import make_theme
from exampdf.model import Bank, CodeBlock, Paragraph, Text
from tests.helpers.bankfactory import question
from tests.helpers.examlayout import build_exam


def _rows(path: Path, labels: str) -> list[int]:
    """How many of the option labels sit on each printed row, top to bottom."""
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[0].extract_words()
    tops = Counter(round(w["top"]) for w in words if w["text"] in {f"{c}." for c in labels})
    return [tops[t] for t in sorted(tops)]


def test_five_short_options_are_three_and_two(tmp_path: Path) -> None:
    q = question("q", options=5)
    short = tuple(replace(c, content=(Text(f"O({c.letter})"),)) for c in q.choices)
    bank = Bank((replace(q, choices=short),))
    build_exam(bank, ExamConfig(), tmp_path / "exam.pdf")
    assert _rows(tmp_path / "exam.pdf", "ABCDE") == [3, 2]  # was [4, 1]


@pytest.mark.parametrize(
    ("columns", "count", "three_fit", "expected"),
    [(4, 5, True, 3), (2, 5, True, 3), (2, 5, False, 2), (4, 4, True, 4), (4, 6, True, 4),
     (4, 9, True, 3), (2, 7, True, 2), (4, 3, True, 4)],
)  # fmt: skip
def test_balanced_columns(columns: int, count: int, three_fit: bool, expected: int) -> None:
    assert _balanced(columns, count, three_fit) == expected


def test_circled_number_labels_have_no_second_circle(tmp_path: Path) -> None:
    bank = Bank((question("q", options=4), question("m", options=4, answer=(0, 1))))
    build_exam(bank, ExamConfig(label_style="①"), tmp_path / "exam.pdf")
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "○" not in text and "① q の選択肢" in text.replace("①q", "① q")
    assert "□ ①" in text  # multi-answer options keep their square


def test_points_on_the_first_line_without_an_inner_space(tmp_path: Path) -> None:
    q = question("q", options=4)
    stem = (
        Paragraph((Text("次のコードの出力はどれか。"),), 3),
        CodeBlock("print(1)\n", "python", 4),
    )
    bank = Bank((replace(q, stem=stem, points=2),))
    build_exam(bank, ExamConfig(show_points=True), tmp_path / "exam.pdf")
    with pdfplumber.open(tmp_path / "exam.pdf") as pdf:
        lines = (pdf.pages[0].extract_text() or "").splitlines()
    first = next(line for line in lines if "次のコード" in line)
    assert first.endswith("（２点）"), first  # on the stem's first line, not after the code
    assert not any("点）" in line for line in lines if line != first)


def test_a_row_of_options_shrunk_is_named_by_its_first_option() -> None:
    """Options side by side cannot be cut between lines: a row taller than the room is drawn
    scaled down (W112 at the first option's line); pieces keep every option's line."""
    theme = make_theme()
    style = ParaStyle(leading=theme.leading, align="left")
    cells = [
        (
            JParagraph([Run("○ A.", theme.fonts.body, 10.5)], style),
            JParagraph([Run(f"選択肢{i}", theme.fonts.body, 10.5)], style),
        )
        for i in range(4)
    ]
    where = [Origin("q/o.md", 10 + i, "option") for i in range(4)]
    grid = OptionGrid(cells, 30, 10.5, columns=2, origins=where)
    grid.wrap(400, 500)
    first, second = grid.split(400, grid.height * 0.6)  # between the rows
    assert (first.origins, second.origins) == (where[:2], where[2:])
    shrunk, rest = grid.cut(400, grid.height * 0.25)  # not even one row fits
    assert isinstance(shrunk, Shrunk) and shrunk.inner.origin == where[0]
    assert rest.origin == where[2]
