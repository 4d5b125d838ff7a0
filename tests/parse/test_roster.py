"""roster.csv: Japanese or English headers, ids or class+number, every problem at its line."""

from __future__ import annotations

from pathlib import Path

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
    assert students[0].code == "2_1_-5"


def test_problems_name_their_line() -> None:
    _, diags = parse_roster("name\nA\n", "r.csv")
    assert [(d.code, d.line) for d in diags] == [("R003", 1)]
    _, diags = parse_roster("id,name\n1,A\n,B\n1,C\n", "r.csv")
    assert [(d.code, d.line) for d in diags] == [("R004", 3), ("R005", 4)]
    _, diags = parse_roster("", "r.csv")
    assert [d.code for d in diags] == ["R002"]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("番号,氏名\n1,青木\n".encode("cp932"))
    assert [d.code for d in read_roster(path)[1]] == ["R001"]
