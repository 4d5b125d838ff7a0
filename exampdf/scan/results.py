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
from exampdf.scan.read import Cell, Guess, PageRead

UNREAD = "?"  # a cell still waiting for review: `exampdf grade` refuses it (G004)
VERSION = "version"  # the cell a teacher answers with "CODE/PAGE" for an "ask-version" page
NOT_OURS = "-"  # ... or with this: not a sheet of this exam, left out


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


def version_cell(page: PageRead) -> str:
    return f"{page.file}#{page.page}:{VERSION}"


def sheet_name(code: str, page: int) -> str:
    return f"{code}/{page}"


def apply(pages: Sequence[PageRead], corrections: Mapping[str, str], key: ScanKey) -> None:
    """A teacher's answer replaces what was read and closes the review; a version chosen
    for a sheet read without one takes that geometry's rows (first, so that the rows'
    own corrections apply on top)."""
    for p in pages:
        chosen = corrections.get(version_cell(p)) if p.guesses else None
        if chosen is not None:
            _choose(p, chosen.strip().upper(), key)
        for c in p.cells:
            fixed = corrections.get(cell_id(p, c))
            if fixed is not None:
                c.value, c.status, c.confidence = fixed.strip().upper(), "ok", 1.0


def _choose(p: PageRead, chosen: str, key: ScanKey) -> None:
    ident = [c for c in p.cells if c.key == "id"]
    p.cells = ident
    if chosen == NOT_OURS:
        p.status, p.version, p.sheet_page, p.student = "not-ours", "", 0, ""
        p.detail = "scan.page.not_ours"
        return
    for guess in p.guesses:
        for code, page in guess.sheets:
            if sheet_name(code, page).upper() == chosen:
                v = key.by_code(code)
                assert v is not None
                p.status, p.version, p.sheet_page, p.student = "read", code, page, v.student
                p.cells = ident + [Cell(**asdict(c)) for c in guess.cells]
                p.detail = ""
                return
    p.status, p.version, p.sheet_page = "ask-version", "", 0  # an unknown choice: ask again


def students(pages: Sequence[PageRead], key: ScanKey) -> list[Student]:
    """Sheet pages grouped by version and student number, in student-number order."""
    out: dict[tuple[str, str], Student] = {}
    for p in pages:
        if p.status == "ask-version":
            _versionless(p, key, out)
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


def _versionless(p: PageRead, key: ScanKey, out: dict[tuple[str, str], Student]) -> None:
    """A sheet waiting for its version: a row of ? under version ? (grade refuses it)."""
    ident = next((c for c in p.cells if c.key == "id"), None)
    sid = ident.value if ident is not None and ident.status != "review" else ""
    sid = sid or f"{UNREAD}{p.file}#{p.page}"
    v = key.by_code(p.guesses[0].sheets[0][0]) if p.guesses else None
    width = len(v.sheet.rows) if v is not None else 0
    s = out.setdefault((UNREAD, sid), Student(sid, UNREAD, [UNREAD] * width))
    s.pages.append(f"{p.file}#{p.page}@?")


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
        d["header"] = base64.b64encode(d["header"]).decode()
        for c in [*d["cells"], *(c for g in d["guesses"] for c in g["cells"])]:
            c["crop"] = base64.b64encode(c["crop"]).decode()
        rows.append(d)
    return json.dumps({"schema": 1, "pages": rows}, ensure_ascii=False)


def load(text: str) -> list[PageRead]:
    out = []
    for d in json.loads(text)["pages"]:
        cells = _cells(d.pop("cells"))
        guesses = [
            Guess([(str(c), int(n)) for c, n in g["sheets"]], _cells(g["cells"]))
            for g in d.pop("guesses", [])
        ]
        header = base64.b64decode(d.pop("header", ""))
        out.append(PageRead(**d, cells=cells, guesses=guesses, header=header))
    return out


def _cells(rows: list[dict[str, object]]) -> list[Cell]:
    return [Cell(**{**c, "crop": base64.b64decode(str(c["crop"]))}) for c in rows]  # type: ignore[arg-type]
