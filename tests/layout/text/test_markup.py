"""User text reaches the PDF literally: ReportLab markup never sees an unescaped character."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.platypus import SimpleDocTemplate

from exampdf.layout.blocks.inlines import body_style, to_runs
from exampdf.layout.text.paragraphs import ParaStyle, make_paragraph
from exampdf.layout.theme import make_theme
from exampdf.model import CodeSpan, SoftBreak, Strong, Text

HOSTILE = [
    "x<y かつ y>z",
    "List<String>",
    "if a<b: pass",
    '<img src="/etc/passwd"/>',
    '<a href="javascript:alert(1)">link</a>',
    "&copy; &amp; &lt;",
    '<font color="red">赤</font>',
    "a < b && c > d",
]


def _pdf_text(tmp_path: Path, runs_list: list[list[object]]) -> str:
    story = [make_paragraph(runs, ParaStyle(leading=18)) for runs in runs_list]  # type: ignore[arg-type]
    path = tmp_path / "t.pdf"
    SimpleDocTemplate(str(path), invariant=1).build(story)
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_literally(tmp_path: Path, text: str) -> None:
    theme = make_theme()
    runs = to_runs([Text(text), Strong((Text(text),)), CodeSpan(text)], body_style(theme))
    got = _pdf_text(tmp_path, [runs])  # type: ignore[list-item]
    assert got.replace(" ", "") == (text * 3).replace(" ", "")


def test_soft_break_joins_japanese_without_space_and_latin_with_one() -> None:
    theme = make_theme()
    runs = to_runs(
        [Text("日本語の"), SoftBreak(), Text("文章 and"), SoftBreak(), Text("English")],
        body_style(theme),
    )
    assert "".join(r.text for r in runs) == "日本語の文章 and English"
