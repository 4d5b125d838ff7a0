"""A whole scan: every input page read, then all outputs written together (or none)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from exampdf.csvfile import write_csv
from exampdf.scan.annotate import annotated_pdf
from exampdf.scan.keyinfo import ScanKey
from exampdf.scan.read import PageRead, problem, read_page
from exampdf.scan.results import apply, dump, load, responses_csv, students
from exampdf.scan.review import review_html
from exampdf.scan.sources import input_files, pages_of

RESPONSES, REVIEW, ANNOTATED, STATE = "responses.csv", "review.html", "annotated.pdf", "scan.json"
CORRECTIONS = "corrections.csv"


@dataclass(frozen=True)
class Summary:
    pages: int
    students: int
    review: int  # decisions still open
    doubles: int  # single-answer rows with two marks
    problems: tuple[str, ...]  # pages not read, students with missing or repeated pages
    versionless: int = 0  # answer sheets whose version waits for the teacher's choice


def scan(
    inputs: Sequence[Path], key: ScanKey, progress: Callable[[int], None] = lambda n: None
) -> list[PageRead]:
    """Read every page of every input (ScanInputError names the first bad file and page)."""
    out = []
    for path in input_files(inputs):
        for page in pages_of(path):
            out.append(read_page(page.image, str(path), page.number, key))
            progress(len(out))
    return out


def write_outputs(
    folder: Path, pages: Sequence[PageRead], key: ScanKey, title: str, fresh: bool = True
) -> Summary:
    """responses.csv, review.html, scan.json and (on a fresh scan) annotated.pdf, moved into
    `folder` only once all are written."""
    folder.mkdir(parents=True, exist_ok=True)
    studs = students(pages, key)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".scan-") as tmp:
        stage = Path(tmp)
        write_csv(stage / RESPONSES, responses_csv(studs))
        (stage / REVIEW).write_text(review_html(pages, title), encoding="utf-8")
        (stage / STATE).write_text(dump(pages), encoding="utf-8")
        if fresh and annotated_pdf(stage / ANNOTATED, pages) == 0:
            (folder / ANNOTATED).unlink(missing_ok=True)
        for f in sorted(stage.iterdir()):
            os.replace(f, folder / f.name)
    asking = [p for p in pages if p.status == "ask-version"]
    problems = [
        f"{p.file}:{p.page}: {problem(p)}" for p in pages if p.status not in ("read", "ask-version")
    ]
    problems += [f"student {s.id} ({s.version}): {m}" for s in studs for m in s.problems]
    open_cells = sum(c.status == "review" for p in pages for c in p.cells)
    doubles = sum(c.status == "double" for p in pages for c in p.cells)
    return Summary(len(pages), len(studs), open_cells, doubles, tuple(problems), len(asking))


def correct(folder: Path, corrections: Mapping[str, str], key: ScanKey, title: str) -> Summary:
    """Apply a teacher's corrections to the saved readings and rewrite the outputs."""
    pages = load((folder / STATE).read_text(encoding="utf-8"))
    apply(pages, corrections, key)
    return write_outputs(folder, pages, key, title, fresh=False)


def clear_stale(folder: Path) -> None:
    for leftover in folder.glob(".scan-*"):
        shutil.rmtree(leftover, ignore_errors=True)
