"""`exampdf grade` through click: files written, table printed, bad rows and keys exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from exampdf.cli import main
from tests.grade.test_grade import KEY, RESPONSES


def _setup(tmp_path: Path, responses: str = RESPONSES) -> tuple[Path, Path]:
    key = tmp_path / "out" / "key.json"
    key.parent.mkdir()
    key.write_text(json.dumps(KEY), encoding="utf-8")
    csv = tmp_path / "responses.csv"
    csv.write_text(responses, encoding="utf-8")
    return csv, key


def test_grade_writes_scores_and_items(tmp_path: Path) -> None:
    csv, key = _setup(tmp_path)
    result = CliRunner().invoke(
        main, ["--lang", "en", "grade", str(csv), "--key", str(key), "-o", str(tmp_path / "g")]
    )
    assert result.exit_code == 0, result.output
    assert (
        (tmp_path / "g" / "scores.csv")
        .read_text(encoding="utf-8")
        .startswith("student,version,q1,q2,q3,q4,total,max\ns1,A,1,2,2,3,8,8\n")
    )
    assert (tmp_path / "g" / "item-analysis.csv").is_file()
    assert "6 students, mean 4.58 / 8" in result.output
    assert "q1" in result.output and "67%" in result.output and "+1.00" in result.output


def test_grade_in_japanese_reads_shift_jis(tmp_path: Path) -> None:
    csv, key = _setup(tmp_path)
    csv.write_bytes(RESPONSES.replace("student", "出席番号").encode("cp932"))
    result = CliRunner().invoke(main, ["--lang", "ja", "grade", str(csv), "--key", str(key)])
    assert result.exit_code == 0, result.output
    assert "6 人, 平均 4.58 / 8 点" in result.output
    assert (tmp_path / "scores.csv").is_file()


def test_bad_rows_exit_1_and_write_nothing(tmp_path: Path) -> None:
    csv, key = _setup(tmp_path, RESPONSES + "s9,Z,A,A,A,1\n")
    result = CliRunner().invoke(main, ["--lang", "en", "grade", str(csv), "--key", str(key)])
    assert result.exit_code == 1
    assert "responses.csv:8: error[G003]: unknown version 'Z' for student s9" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "scores.csv").exists()


def test_broken_key_exits_1(tmp_path: Path) -> None:
    csv, key = _setup(tmp_path)
    key.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", str(csv), "--key", str(key)])
    assert result.exit_code == 1 and "key.json:1: error[G001]" in result.output


def test_missing_files_are_usage_errors(tmp_path: Path) -> None:
    csv, _ = _setup(tmp_path)
    missing_key = CliRunner().invoke(main, ["grade", str(csv), "--key", str(tmp_path / "no.json")])
    assert missing_key.exit_code == 2 and "exampdf make" in missing_key.output
    missing_csv = CliRunner().invoke(main, ["grade", str(tmp_path / "none.csv")])
    assert missing_csv.exit_code == 2
