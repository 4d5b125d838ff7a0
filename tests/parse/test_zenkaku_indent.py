"""字下げ: a paragraph's leading full-width space survives Markdown and prints one em wide."""

from __future__ import annotations

from pathlib import Path

from exampdf.model import Paragraph, Text
from exampdf.parse import parse_text
from tests.helpers.blockpdf import FRAME_LEFT, typeset

BANK = (
    "# t\n\n## 問題\n\u3000字下げした段落。\n\n普通の段落。\n\n"
    "## 選択肢\nA. a\nB. b\n\n## 正解\nA\n"
)


def test_parser_keeps_the_leading_full_width_space() -> None:
    question, diags = parse_text(BANK, "q.md")
    assert question is not None and not [d for d in diags if d.severity == "error"]
    first, second = question.stem
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    assert first.inlines == (Text("\u3000字下げした段落。"),)
    assert second.inlines == (Text("普通の段落。"),)


def test_indented_paragraph_starts_one_em_in(tmp_path: Path) -> None:
    pdf = typeset(tmp_path, "\u3000字下げ\n\n普通")
    chars = [c for c in pdf.chars() if c["text"] in "字普"]
    indented, plain = chars[0], chars[-1]
    assert abs(plain["x0"] - FRAME_LEFT) < 0.5
    assert abs(indented["x0"] - plain["x0"] - indented["size"]) < 0.5
