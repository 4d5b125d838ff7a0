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
        .read_text(encoding="utf-8-sig")
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
    result = CliRunner().invoke(main, ["--lang", "en", "grade", str(csv), "--key", str(key)])
    assert result.exit_code == 1 and "key.json:1: error[G001]" in result.output
    # issue 16 item 11: the closing line names the key, not "the rows above"
    assert "rows above" not in result.output and f"fix {key}" in result.output


def _grade(tmp_path: Path, responses: Path, key: Path) -> tuple[int, str]:
    out = tmp_path / "g"
    args = ["--lang", "en", "grade", str(responses), "--key", str(key), "-o", str(out)]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def test_grade_reads_xlsx_tsv_and_semicolons(tmp_path: Path) -> None:
    """Issue 16 items 7 and 9: .xlsx was `no student rows`, TSV an unknown version ''."""
    from openpyxl import Workbook

    csv, key = _setup(tmp_path)
    expected = tmp_path / "expected.csv"
    assert _grade(tmp_path, csv, key)[0] == 0
    expected.write_bytes((tmp_path / "g" / "scores.csv").read_bytes())
    rows = [line.split(",") for line in RESPONSES.replace('"A,C"', "A;C").splitlines()]
    tsv = tmp_path / "responses.tsv"
    tsv.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    semi = tmp_path / "responses-semi.csv"
    semi.write_bytes("\n".join(";".join(f'"{c}"' for c in r) for r in rows).encode("cp932"))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r in rows:
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in r])
    xlsx = tmp_path / "responses.xlsx"
    book.save(xlsx)
    for path in (tsv, semi, xlsx):
        code, output = _grade(tmp_path, path, key)
        assert code == 0, (path, output)
        assert (tmp_path / "g" / "scores.csv").read_bytes() == expected.read_bytes(), path


def test_grade_says_what_a_non_table_is(tmp_path: Path) -> None:
    _, key = _setup(tmp_path)
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x00\xff\xfe binary" * 20)
    code, output = _grade(tmp_path, binary, key)
    assert code == 1 and "error[G009]: this file is binary data" in output
    assert "unknown version" not in output and f"{binary} is not a table" in output
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    code, output = _grade(tmp_path, xls, key)
    assert code == 1 and "old Excel .xls" in output


def test_missing_files_are_usage_errors(tmp_path: Path) -> None:
    csv, _ = _setup(tmp_path)
    missing_key = CliRunner().invoke(main, ["grade", str(csv), "--key", str(tmp_path / "no.json")])
    assert missing_key.exit_code == 2 and "exampdf make" in missing_key.output
    missing_csv = CliRunner().invoke(main, ["grade", str(tmp_path / "none.csv")])
    assert missing_csv.exit_code == 2
