"""$…$ and $$…$$ become MathInline / MathBlock only where they are meant as math, and every
formula outside the subset is reported at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.model import MathBlock, MathInline, Paragraph, Text, walk
from exampdf.parse import parse_bank, parse_text
from exampdf.parse.blocks import convert_blocks
from exampdf.parse.markdown import parse_tree


def inlines(markdown: str) -> tuple[object, ...]:
    (block,) = convert_blocks(parse_tree(markdown).children)
    assert isinstance(block, Paragraph)
    return block.inlines


@pytest.mark.parametrize(
    "text",
    ["費用は$5", "$5 と $10", "\\$x$ は変数", "`$x$` はコード", "価格 $ 10 $ です", "$x$5"],
)
def test_dollars_that_are_not_math_stay_text(text: str) -> None:
    assert not any(isinstance(n, MathInline) for n in inlines(text))


def test_inline_math_between_japanese() -> None:
    assert inlines("ただし$x>0$とする") == (Text("ただし"), MathInline("x>0"), Text("とする"))


def test_double_dollars_in_a_sentence_are_display_style() -> None:
    assert MathInline("\\sum_k k", display=True) in inlines("和は $$\\sum_k k$$ である")


def test_display_block_keeps_the_formula_line() -> None:
    blocks = convert_blocks(parse_tree("前文\n\n$$\n\\frac{a}{b}\n$$\n").children)
    assert blocks[1] == MathBlock("\\frac{a}{b}", 4)


def test_math_in_options_tables_lists_and_headings() -> None:
    text = (
        "# t\n\n## 問題\n### 式 $x$\n\n| a |\n|---|\n| $y$ |\n\n- 項目 $z$\n\n"
        "## 選択肢\nA. $\\frac{1}{2}$\nB. 2\n\n## 正解\nA\n"
    )
    q, diags = parse_text(text, "m.md")
    assert q is not None, diags
    spans = walk.iter_spans(q.stem)
    found = [n for s in spans for n in walk.iter_inlines(s.inlines) if isinstance(n, MathInline)]
    assert found == [MathInline("x"), MathInline("y"), MathInline("z")]
    assert q.choices[0].content == (MathInline("\\frac{1}{2}"),)


def _problems(text: str) -> list[str]:
    _, diags = parse_text(text, "q/q05.md")
    return [d.human() for d in diags if d.code.startswith(("E11", "W11"))]


def test_unknown_command_names_the_closest_one() -> None:
    text = "# t\n\n## 問題\n一行目\n式 $\\fracc{1}{2}$ を計算せよ。\n\n## 正解\n1\n"
    assert _problems(text) == [
        "q/q05.md:5: error[E110]: unknown command \\fracc in math\n  hint: did you mean \\frac?"
    ]


def test_braces_left_right_environments_and_unclosed_display() -> None:
    text = (
        "# t\n\n## 問題\n$x^{2$\n\n$$\n\\left( x\n$$\n\n$$\n\\begin{pmatrx}1\\end{pmatrx}\n$$\n\n"
        "$$\nx = 1\n\n## 正解\n1\n"
    )
    got = _problems(text)
    assert [g.split(": ", 1)[0] + " " + g.split("[")[1][:4] for g in got] == [
        "q/q05.md:4 E111",
        "q/q05.md:7 E112",
        "q/q05.md:11 E110",
        "q/q05.md:14 E113",
    ]
    assert "did you mean {pmatrix}?" in got[2]


def test_the_rest_of_the_bank_still_checks(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# a\n\n## 問題\n$\\bad$\n\n## 正解\n1\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# b\n\n## 問題\n$x^2$\n\n## 正解\n1\n", encoding="utf-8")
    result = parse_bank([tmp_path])
    assert [q.title for q in result.bank.questions] == ["b"]
    assert [d.code for d in result.diagnostics] == ["E110"]


@pytest.mark.parametrize(
    ("title", "warned"),
    [
        ("二次方程式 $x^2 - 5x + 6 = 0$", True),
        ("費用は$5", False),
        ("$5 と $10", False),
        ("式", False),
    ],
)
def test_a_formula_in_a_title_is_not_printed_silently(
    tmp_path: Path, title: str, warned: bool
) -> None:
    (tmp_path / "a.md").write_text(f"# {title}\n\n## 問題\n問\n\n## 正解\n1\n", encoding="utf-8")
    result = parse_bank([tmp_path])
    found = [(d.code, d.line) for d in result.diagnostics]
    assert found == ([("W111", 1)] if warned else [])
