"""`exampdf check` on the command line: the summary, and balance only for shuffled versions."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_balance_only_with_shuffle() -> None:
    """Issue 16 item 13: `check` reported balance "(4 versions)" for an unshuffled exam, as
    "fullest: version A, 2 of 7 on one letter"."""
    plain = CliRunner().invoke(main, ["check", str(ROOT / "questions")])
    assert plain.exit_code == 0, plain.output
    assert "printed" not in plain.output and "version" not in plain.output
    shuffled = CliRunner().invoke(main, ["check", "--shuffle", str(ROOT / "questions")])
    lines = shuffled.output.splitlines()
    assert lines[-2].startswith("correct answers by printed letter, over 4 versions: A ")
    assert lines[-1].startswith("  most on one letter: version ")
    assert "single-answer questions" in lines[-1] or "single-answer question" in lines[-1]
    one = CliRunner().invoke(
        main, ["check", "--shuffle", "--versions", "1", str(ROOT / "questions")]
    )
    assert "over 1 version:" in one.output


def test_summary_in_japanese() -> None:
    result = CliRunner().invoke(
        main, ["--lang", "ja", "check", "--shuffle", str(ROOT / "questions")]
    )
    assert "ファイル" in result.output and "正解の位置（4 版の合計）" in result.output
