"""A table a teacher saved (roster, responses): .xlsx, or CSV/TSV text in UTF-8 or Shift_JIS.

Excel in Japan saves CSV as Shift_JIS (CP932) and some locales separate with `;`; what
the file really is decides how it is read, not its name. Rows keep the line (or spreadsheet
row) they came from so every problem can name it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from exampdf.i18n import Msg, msg

Row = tuple[int, tuple[str, ...]]  # (1-based line or spreadsheet row, cells)

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc) container
_SEPARATORS = ("\t", ";", ",")


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    kind: str  # "xlsx", "csv", "csv;" or "tsv": what the file turned out to be


class NotATable(Exception):
    """The file is something else: `what` says what it is and what was expected."""

    def __init__(self, what: Msg) -> None:
        super().__init__(what.text("en"))
        self.what = what


def read_table(path: Path) -> Table:
    """Rows of `path` whatever it is: .xlsx (first sheet), or delimited text; raises
    NotATable (with a plain description) or OSError."""
    data = path.read_bytes()
    if data.startswith(_ZIP):
        return _xlsx(data)
    if data.startswith(_OLE):
        raise NotATable(msg("table.xls"))
    return text_table(decode_table(data))


def decode_table(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Shift_JIS (CP932); binary data is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise NotATable(msg("table.binary"))
    for codec in ("utf-8-sig", "cp932"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise NotATable(msg("table.encoding"))


def separator(text: str) -> str:
    """Tab, `;` or `,`: the one that splits the first lines most consistently."""
    lines = [line for line in text.splitlines() if line.strip()][:20]

    def score(sep: str) -> tuple[int, int]:
        counts = [len(next(csv.reader([line], delimiter=sep))) - 1 for line in lines]
        return (min(counts, default=0), sum(counts))

    best = max(_SEPARATORS, key=lambda sep: (score(sep), sep == ","))
    return best if score(best)[0] else ","


def text_table(text: str) -> Table:
    sep = separator(text)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    rows: list[Row] = []
    start = 1
    for cells in reader:
        rows.append((start, tuple(cells)))
        start = reader.line_num + 1
    kind = {"\t": "tsv", ";": "csv;"}.get(sep, "csv")
    return Table(tuple(rows), kind)


def _xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook  # only when an Excel file is read

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise NotATable(msg("table.zip", reason=exc)) from None
    try:
        sheet = book.worksheets[0]
        rows = tuple(
            (number, tuple(_cell(v) for v in values))
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
    finally:
        book.close()
    return Table(rows, "xlsx")


def _cell(value: object) -> str:
    """What the teacher sees in the cell: 1 (not 1.0) for whole numbers, '' for empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
