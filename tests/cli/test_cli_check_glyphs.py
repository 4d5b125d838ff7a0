"""`exampdf check` reports characters no shipped font has, as `make` does (W101)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main

QUESTION = "# t\n\n## 問題\n韓国語の 한국어 を含む。\n\n## 選択肢\nA. a\nB. b\n\n## 正解\nA\n"


def test_check_warns_with_file_and_line_and_strict_fails(tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(QUESTION, encoding="utf-8")
    plain = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert plain.exit_code == 0
    assert "q.md:4: warning[W101]" in plain.output and "U+D55C" in plain.output
    strict = CliRunner().invoke(main, ["check", "--strict", str(tmp_path)])
    assert strict.exit_code == 1
