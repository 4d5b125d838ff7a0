"""Formulas leave the exports as MathJax delimiters: \\( … \\) in a line, \\[ … \\] alone."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from exampdf.export import to_gift, to_moodle
from exampdf.export.html import blocks_html
from exampdf.export.mdtext import blocks_md
from exampdf.model import Bank
from exampdf.parse import parse_text

TEXT = (
    "# 式\n\n## 問題\nただし $x < 1$ と $a_1 * b_1$ とする。\n\n$$\n\\frac{a}{b}\n$$\n\n"
    "## 選択肢\nA. $\\{1, 2\\}$\nB. 2\n\n## 正解\nA\n"
)


def _question():  # type: ignore[no-untyped-def]
    q, diags = parse_text(TEXT, "m.md")
    assert q is not None, diags
    return q


def test_html_carries_escaped_mathjax_delimiters() -> None:
    html = blocks_html(_question().stem, lambda image: "")
    assert "\\(x &lt; 1\\)" in html
    assert "<p>\\[\\frac{a}{b}\\]</p>" in html


def test_moodle_xml_options_and_stem() -> None:
    root = ET.fromstring(to_moodle(Bank((_question(),))))
    assert "\\(x &lt; 1\\)" in (root.findtext("question/questiontext/text") or "")
    answers = [a.findtext("text") for a in root.iter("answer")]
    assert answers[0] == "\\(\\{1, 2\\}\\)"


def test_markdown_escapes_what_markdown_would_eat() -> None:
    md = blocks_md(_question().stem)
    # Markdown turns \\( into \( and \_ into _: MathJax then sees the formula as written
    assert "\\\\(a\\_1 \\* b\\_1\\\\)" in md
    assert "\\\\[\\\\frac{a}{b}\\\\]" in md


def test_gift_escapes_the_markdown_once_more() -> None:
    gift = to_gift(Bank((_question(),)))
    assert "\\\\\\\\(x \\\\< 1\\\\\\\\)" in gift  # GIFT's own escape doubles every backslash
    assert "\\\\\\\\\\{1, 2\\\\\\\\\\}" in gift  # and escapes braces
