"""roster.csv: Japanese or English headers, ids or class+number, every problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from exampdf.parse.roster import Student, parse_roster, read_roster


def test_japanese_headers_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("\ufeff学籍番号,組,番号,氏名\n2301,1,1,青木 花子\n\n2302,1,2,井上\n".encode())
    students, diags = read_roster(path)
    assert diags == []
    assert students == (Student("2301", "1", "青木 花子", "1"), Student("2302", "2", "井上", "1"))


def test_class_and_number_make_the_id_and_codes_are_file_safe() -> None:
    students, diags = parse_roster("class,no,name\n2年1組,5,Sato\n", "r.csv")
    assert diags == [] and students[0].id == "2年1組-5"
    assert students[0].code == "2年1組-5"
    assert Student("a b/c").code == "a_b_c"


def test_problems_name_their_line() -> None:
    _, diags = parse_roster("name\nA\n", "r.csv")
    assert [(d.code, d.line) for d in diags] == [("R003", 1)]
    _, diags = parse_roster("id,name\n1,A\n,B\n1,C\n", "r.csv")
    assert [(d.code, d.line) for d in diags] == [("R004", 3), ("R005", 4)]
    _, diags = parse_roster("", "r.csv")
    assert [d.code for d in diags] == ["R002"]


def test_non_ascii_ids_are_distinct_students() -> None:
    """Issue 16 item 6: every non-ASCII character once became '_', so these collided."""
    students, diags = parse_roster("id,name\n１０１,A\n１０２,B\n山田01,C\n田中01,D\n", "r.csv")
    assert diags == []
    assert [s.code for s in students] == ["101", "102", "山田01", "田中01"]
    _, diags = parse_roster("id,name\n１０１,A\n101,B\n", "r.csv")
    assert [(d.code, d.line) for d in diags] == [("R005", 3)]  # the same number, typed twice


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "shift_jis"])
def test_roster_encodings_read_like_responses(tmp_path: Path, encoding: str) -> None:
    """Issue 16 item 7: Shift_JIS (Japanese Excel's CSV) was rejected with R001."""
    path = tmp_path / "r.csv"
    path.write_bytes("番号,氏名\n1,青木 花子\n2,高橋\n".encode(encoding))
    students, diags = read_roster(path)
    assert diags == []
    assert [s.name for s in students] == ["青木 花子", "高橋"]


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_roster_tsv_and_semicolons(tmp_path: Path, sep: str) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"番号{sep}氏名\n1{sep}青木, 花子\n", encoding="utf-8")
    students, diags = read_roster(path)
    assert diags == [] and students[0].name == "青木, 花子"


def test_roster_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["学籍番号", "氏名"])
    sheet.append([2301, "青木 花子"])
    sheet.append([None, None])
    sheet.append(["2302", "井上"])
    sheet.append([2301, "重複"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    students, diags = read_roster(path)
    assert [(s.id, s.name) for s in students] == [("2301", "青木 花子"), ("2302", "井上")]
    assert [(d.code, d.line) for d in diags] == [("R005", 5)]  # the spreadsheet's row


def test_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x00\x01\x02binary\xff" * 10)
    diags = read_roster(path)[1]
    assert [d.code for d in diags] == ["R001"] and "binary" in diags[0].message
