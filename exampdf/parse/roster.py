"""roster.csv: one student per row (id, number, name, class) for one exam version each."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error
from exampdf.i18n import msg
from exampdf.model.student import Student
from exampdf.parse.tablefile import NotATable, Row, read_table, text_table

# Header names a teacher is likely to type, in Japanese or English (compared case-insensitively).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "student_id", "student id", "学籍番号", "生徒番号", "生徒id"),
    "number": ("number", "no", "no.", "番号", "出席番号"),
    "name": ("name", "氏名", "名前", "生徒名"),
    "klass": ("class", "組", "クラス", "学級"),
}


def read_roster(path: Path) -> tuple[tuple[Student, ...], list[Diagnostic]]:
    """Students in file order from CSV/TSV (UTF-8 or Shift_JIS) or .xlsx; problems as
    `roster.csv:line` diagnostics, never exceptions."""
    where = str(path)
    try:
        table = read_table(path)
    except NotATable as exc:
        return (), [error("R001", msg("R001", what=exc.what), where, 0, msg("R001.hint"))]
    except OSError as exc:
        return (), [error("R001", msg("R001.read", reason=exc.strerror or exc), where)]
    return roster_rows(table.rows, where)


def parse_roster(text: str, where: str) -> tuple[tuple[Student, ...], list[Diagnostic]]:
    return roster_rows(text_table(text).rows, where)


def roster_rows(rows: Sequence[Row], where: str) -> tuple[tuple[Student, ...], list[Diagnostic]]:
    header_at = next((i for i, (_, row) in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_at is None:
        return (), [error("R002", msg("R002.rows"), where)]
    columns = _columns(rows[header_at][1])
    if "id" not in columns and "number" not in columns:
        known = "、".join(COLUMNS["id"] + COLUMNS["number"])
        hint = msg("R003.hint", known=known)
        line = rows[header_at][0]
        return (), [error("R003", msg("R003"), where, line, hint)]
    students: list[Student] = []
    diags: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for i, row in rows[header_at + 1 :]:
        if not any(c.strip() for c in row):
            continue
        student = _student(row, columns, i)
        if not student.id:
            diags.append(error("R004", msg("R004"), where, i))
        elif student.code in seen:
            message = msg("R005", id=student.id, line=seen[student.code])
            diags.append(error("R005", message, where, i, msg("R005.hint")))
        else:
            seen[student.code] = i
            students.append(student)
    if not students and not diags:
        diags.append(error("R002", msg("R002"), where))
    return tuple(students), diags


def _columns(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        for field, names in COLUMNS.items():
            if key in names:
                found.setdefault(field, index)
    return found


def _student(row: Sequence[str], columns: dict[str, int], line: int) -> Student:
    def cell(field: str) -> str:
        index = columns.get(field)
        return row[index].strip() if index is not None and index < len(row) else ""

    number, klass = cell("number"), cell("klass")
    # Without an id column, class and number together name a student (2年1組 5番 -> 1-5).
    sid = cell("id") or (f"{klass}-{number}" if klass and number else number)
    return Student(sid, number, cell("name"), klass, line)
