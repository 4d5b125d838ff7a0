"""CSV files teachers open in Excel: UTF-8 with a BOM, and no cell that a spreadsheet runs.

Excel reads a CSV without a byte-order mark as the local code page (Shift_JIS in Japan), so
Japanese headers and ids turn to mojibake: every CSV exampdf writes starts with the BOM.
A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken as a formula
by Excel, LibreOffice and Google Sheets (`=HYPERLINK("http://evil", "x")` from front matter,
`+1-1` from a file name); such text cells get a leading apostrophe, as OWASP recommends.
Numbers (`-0.25`, `+3`) are written as numbers: a spreadsheet needs them to compute.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

Cell = str | int | float


def safe_cell(value: Cell) -> Cell:
    """`value`, or text a spreadsheet would run as a formula with an apostrophe before it."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(header: Sequence[Cell], rows: Iterable[Sequence[Cell]]) -> str:
    """The CSV text of a header and rows, every cell made safe."""
    return csv_rows(chain([header], rows))


def csv_rows(rows: Iterable[Sequence[Cell]]) -> str:
    """The CSV text of some rows, every cell made safe (rows' texts join into one file)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return buf.getvalue()


def csv_cell(value: Cell) -> str:
    """One cell's text as `csv_rows` writes it in a row of two or more cells (a lone empty
    cell would be quoted): rows can be joined from cells made once and reused."""
    return csv_rows([("", value)])[1:-1]


def write_csv(path: Path, text: str | Iterable[str]) -> None:
    """Write CSV text (or its pieces, in order) as Excel opens it correctly by double-click
    (UTF-8 with BOM)."""
    with path.open("w", encoding=ENCODING) as f:
        f.writelines([text] if isinstance(text, str) else text)
