"""Issue 16 item 5: roster names are checked for characters no font has, as bank text is."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main
from exampdf.layout.text.fonts import register_fonts
from exampdf.layout.text.glyphcheck import roster_glyph_diagnostics
from exampdf.model.student import Student

ROOT = Path(__file__).resolve().parents[3]


def test_a_missing_glyph_in_a_name_is_a_warning_at_its_row() -> None:
    students = (Student("1", name="青木 花子", line=2), Student("2", name="𠮷田 髙之", line=3))
    diags = roster_glyph_diagnostics(students, register_fonts(), "roster.csv")
    assert [(d.code, d.path, d.line) for d in diags] == [("W102", "roster.csv", 3)]
    assert "𠮷 (U+20BB7)" in diags[0].message and "U+9AD9" not in diags[0].message  # 髙 is there


def test_make_reports_it_instead_of_zero_warnings(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("学籍番号,氏名\n2301,青木 花子\n2302,𠮷田 髙之\n", encoding="utf-8")
    args = ["--lang", "en", "make", str(ROOT / "questions"), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(main, [*args, "--roster", str(roster), "--answer-sheet"])
    assert result.exit_code == 0, result.output
    assert f"{roster}:3: warning[W102]: no font has 𠮷 (U+20BB7) in 𠮷田 髙之" in result.output
    assert "1 warning," in result.output
