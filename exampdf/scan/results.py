"""Pages read -> students -> responses.csv (the format `exampdf grade` reads), with the
teacher's corrections applied; scan.json keeps the readings between runs."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from exampdf.csvfile import csv_text
from exampdf.scan.keyinfo import ScanKey
from exampdf.scan.read import Cell, PageRead

UNREAD = "?"  # a cell still waiting for review: `exampdf grade` refuses it (G004)


def cell_id(page: PageRead, cell: Cell) -> str:
    """Names one decision across runs: file, page and the row ("q12") or "id"."""
    return f"{page.file}#{page.page}:{cell.key}"


@dataclass
class Student:
    id: str
    version: str
    answers: list[str]  # per question, printed letters; UNREAD while a review is open
    pages: list[str] = field(default_factory=list)  # file#page of each of its sheet pages
    problems: list[str] = field(default_factory=list)


def apply(pages: Sequence[PageRead], corrections: Mapping[str, str]) -> None:
    """A teacher's answer replaces what was read and closes the review."""
    for p in pages:
        for c in p.cells:
            fixed = corrections.get(cell_id(p, c))
            if fixed is not None:
                c.value, c.status, c.confidence = fixed.strip().upper(), "ok", 1.0


def students(pages: Sequence[PageRead], key: ScanKey) -> list[Student]:
    """Sheet pages grouped by version and student number, in student-number order."""
    out: dict[tuple[str, str], Student] = {}
    for p in pages:
        if p.status != "read":
            continue
        v = key.by_code(p.version)
        assert v is not None
        ident = next(c for c in p.cells if c.key == "id")
        sid = p.student or (ident.value if ident.status != "review" else "")
        sid = sid or f"{UNREAD}{p.file}#{p.page}"
        s = out.get((p.version, sid))
        if s is None:
            s = Student(sid, p.version, [""] * len(v.sheet.rows))
            s.answers = [UNREAD if r.options else "" for r in v.sheet.rows]
            out[(p.version, sid)] = s
        where = f"{p.file}#{p.page}"
        if any(where_p.endswith(f"@{p.sheet_page}") for where_p in s.pages):
            s.problems.append(f"sheet page {p.sheet_page} scanned twice ({where})")
        s.pages.append(f"{where}@{p.sheet_page}")
        for c in p.cells:
            if c.key.startswith("q"):
                s.answers[int(c.key[1:]) - 1] = UNREAD if c.status == "review" else c.value
    return sorted(out.values(), key=lambda s: (s.id, s.version))


def responses_csv(studs: Sequence[Student]) -> str:
    width = max((len(s.answers) for s in studs), default=0)
    header = ["出席番号", "版", *range(1, width + 1)]
    return csv_text(header, ([s.id, s.version, *s.answers] for s in studs))


def read_corrections(text: str) -> dict[str, str]:
    """corrections.csv: `cell,value` rows (a header row `cell,value` is skipped)."""
    out = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) >= 2 and row[0] != "cell":
            out[row[0]] = row[1]
    return out


def corrections_csv(corrections: Mapping[str, str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["cell", "value"])
    w.writerows(corrections.items())
    return buf.getvalue()


def dump(pages: Sequence[PageRead]) -> str:
    """scan.json: every page's reading, crops as base64 (views are not kept)."""
    rows = []
    for p in pages:
        d = asdict(p)
        d.pop("view"), d.pop("marks")
        for c in d["cells"]:
            c["crop"] = base64.b64encode(c["crop"]).decode()
        rows.append(d)
    return json.dumps({"schema": 1, "pages": rows}, ensure_ascii=False)


def load(text: str) -> list[PageRead]:
    out = []
    for d in json.loads(text)["pages"]:
        cells = [Cell(**{**c, "crop": base64.b64decode(c["crop"])}) for c in d.pop("cells")]
        out.append(PageRead(**d, cells=cells))
    return out
