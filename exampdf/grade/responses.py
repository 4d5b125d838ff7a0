"""responses.csv as a teacher types it: student, version, one cell per printed question."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.diagnostics import Diagnostic, error, warning
from exampdf.grade.key import AnswerKey, KeyQuestion
from exampdf.i18n import msg
from exampdf.parse.tablefile import NotATable, Row, read_table, text_table

# A choice cell holds printed positions (0-based; () is blank); a written cell holds the
# points the teacher awarded (None is blank).
Answer = tuple[int, ...] | float | None

_SEPARATORS = re.compile(r"[\s;,、，・/|+]+")
_KANA = "アイウエオカキクケコサシスセソ"  # option labels in アイウエオ style


@dataclass(frozen=True)
class Response:
    line: int  # of responses.csv, 1-based
    student: str
    version: str
    answers: tuple[Answer, ...]  # one per question of the version, in printed order


def read_responses_file(path: Path, key: AnswerKey) -> tuple[list[Response], list[Diagnostic]]:
    """responses.csv, .tsv or .xlsx (UTF-8 or Shift_JIS text, `,` `;` or tab between cells);
    a file that is none of these is one G009 saying what it is."""
    try:
        table = read_table(path)
    except NotATable as exc:
        return [], [error("G009", msg("G009", what=exc.what), str(path), 0, _LAYOUT_HINT)]
    return response_rows(table.rows, str(path), key)


def read_responses(text: str, path: str, key: AnswerKey) -> tuple[list[Response], list[Diagnostic]]:
    """Responses from CSV (or TSV) text."""
    return response_rows(text_table(text).rows, path, key)


def response_rows(
    rows: Sequence[Row], path: str, key: AnswerKey
) -> tuple[list[Response], list[Diagnostic]]:
    """Every row becomes a Response or a diagnostic naming its line; nothing is dropped."""
    diags: list[Diagnostic] = []
    out: list[Response] = []
    seen: dict[str, int] = {}
    first = True
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue  # an empty line is not a student
        if first and _is_header(row, key):
            first = False
            continue
        first = False
        response = _row(row, line, path, key, diags)
        if response is None:
            continue
        if response.student in seen:
            hint = msg("G006.hint", line=seen[response.student])
            message = msg("G006", student=response.student)
            diags.append(error("G006", message, path, line, hint))
            continue
        seen[response.student] = line
        out.append(response)
    if not out and not diags:
        diags.append(error("G002", msg("G002"), path, 0, _LAYOUT_HINT))
    return out, diags


_LAYOUT_HINT = msg("hint.responses")


def version_code(cell: str) -> str:
    code = unicodedata.normalize("NFKC", cell).strip().upper()
    return code.removesuffix("版").strip()


def _is_header(row: Sequence[str], key: AnswerKey) -> bool:
    """A first row whose version cell is a word (`version`, `版`) names the columns; a first
    row with a mistyped code such as `E` is a student and gets its diagnostic."""
    if len(row) < 2:
        return False
    code = version_code(row[1])
    return key.version(code) is None and not re.fullmatch(r"[A-Z]{1,3}", code)


def _row(
    row: Sequence[str], line: int, path: str, key: AnswerKey, diags: list[Diagnostic]
) -> Response | None:
    student = row[0].strip()
    if not student:
        diags.append(error("G007", msg("G007"), path, line, _LAYOUT_HINT))
        return None
    code = version_code(row[1]) if len(row) > 1 else ""
    version = key.version(code)
    if version is None:
        known = ", ".join(v.code for v in key.versions)
        message = msg("G003", code=code, student=student)
        diags.append(error("G003", message, path, line, msg("G003.hint", known=known)))
        return None
    cells = list(row[2:])
    count = len(version.questions)
    while len(cells) > count and not cells[-1].strip():
        cells.pop()  # trailing empty cells, as spreadsheets write them
    if len(cells) != count:
        message = msg("G005", cells=len(cells), code=code, count=count)
        diags.append(error("G005", message, path, line, msg("G005.hint")))
        return None
    before = len(diags)
    answers = tuple(
        _cell(cell, q, line, path, diags) for cell, q in zip(cells, version.questions, strict=True)
    )
    if any(d.severity == "error" for d in diags[before:]):
        return None
    return Response(line, student, code, answers)


def _cell(cell: str, q: KeyQuestion, line: int, path: str, diags: list[Diagnostic]) -> Answer:
    text = unicodedata.normalize("NFKC", cell).strip()
    where = q.number
    if q.written:
        if not text:
            return None
        try:
            awarded = float(text)
        except ValueError:
            awarded = -1.0
        if not 0 <= awarded <= q.points:
            message = msg("G004.written", number=where, points=q.points, cell=cell)
            diags.append(error("G004", message, path, line))
        return awarded
    positions: set[int] = set()
    for ch in _SEPARATORS.sub("", text).upper():
        pos = _position(ch)
        if not 0 <= pos < len(q.order):
            last = chr(ord("A") + len(q.order) - 1)
            message = msg("G004", number=where, mark=ch, last=last)
            diags.append(error("G004", message, path, line))
            return ()
        positions.add(pos)
    if len(positions) > 1 and not q.multi:
        message = msg("G008", number=where, cell=cell.strip(), marks=len(positions))
        diags.append(warning("G008", message, path, line, msg("G008.hint")))
    return tuple(sorted(positions))


def _position(ch: str) -> int:
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A")
    if "1" <= ch <= "9":  # ①②… become digits under NFKC
        return ord(ch) - ord("1")
    return _KANA.index(ch) if ch in _KANA else -1
