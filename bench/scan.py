"""Reading filled-in answer sheets, measured: per scan condition, marks read wrong without a
flag (silent errors), rows sent to review, pages not located, QR and student-number read
rates, and milliseconds per page (the reader only; the synthetic scan is not counted).

    python bench/scan.py [--sheets 200] [--questions 30] [--jobs 2] [--only photo]

Sheets are real exampdf answer sheets rendered at 300 dpi, filled the way students fill
them and scanned (tests/helpers/scansynth.py); every seed is fixed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exampdf.scan.keyinfo import read_scan_key
from exampdf.scan.read import read_page
from tests.helpers.scansynth import CONDITIONS, Condition, Exam, fill, make_exam, scan


@dataclass
class Tally:
    pages: int = 0
    not_located: list[str] = field(default_factory=list)
    marks: int = 0  # bubbles decided on question rows read with confidence
    silent: int = 0  # of them, read wrong
    rows: int = 0
    review: int = 0
    qr: int = 0
    ids: int = 0  # student numbers read right with confidence
    ms: float = 0.0

    def add(self, other: Tally) -> None:
        for name in ("pages", "marks", "silent", "rows", "review", "qr", "ids", "ms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.not_located += other.not_located


_EXAM: Exam | None = None


def _init(folder: str, questions: int) -> None:
    global _EXAM
    cv2.setNumThreads(1)  # ms per page per core: one thread per process
    # each worker its own folder: two writing one answer-sheets.pdf at once corrupt it
    _EXAM = make_exam(Path(folder) / str(os.getpid()), questions=questions, versions=4)


def _run(args: tuple[Condition, int, int]) -> Tally:
    cond, start, count = args
    assert _EXAM is not None
    exam = _EXAM
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    t = Tally()
    for n in range(start, start + count):
        rng = np.random.default_rng([n, len(cond.name)])
        pages, truth = fill(exam, rng, f"{20250000 + n}", exam.codes[n % len(exam.codes)])
        img = scan(pages[0], cond, rng)
        t0 = time.process_time()  # CPU time: the machine may be shared
        r = read_page(img, cond.name, n + 1, key)
        t.ms += (time.process_time() - t0) * 1000
        t.pages += 1
        if r.status != "read" or r.version != truth.version:
            t.not_located.append(f"sheet {n + 1}: {r.status} {r.detail}")
            continue
        t.qr += r.by_qr
        for c in r.cells:
            if c.key == "id":
                t.ids += c.status != "review" and c.value == truth.student
                continue
            t.rows += 1
            if c.status == "review":
                t.review += 1
                continue
            want = set(truth.answers[int(c.key[1:]) - 1])
            t.marks += c.options
            t.silent += len(set(c.value) ^ want)
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sheets", type=int, default=200)
    ap.add_argument("--questions", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="run the conditions whose name has this text")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        chunk = max(1, a.sheets // (a.jobs * 4))
        with ProcessPoolExecutor(a.jobs, initializer=_init, initargs=(tmp, a.questions)) as pool:
            print(
                f"{'condition':26} {'silent':>14} {'review':>7} {'not loc.':>8} "
                f"{'QR':>6} {'ID':>6} {'ms/page':>8}"
            )
            for cond in (c for c in CONDITIONS if a.only in c.name):
                parts = [(cond, s, min(chunk, a.sheets - s)) for s in range(0, a.sheets, chunk)]
                t = Tally()
                for part in pool.map(_run, parts):
                    t.add(part)
                read = max(1, t.pages - len(t.not_located))
                silent = 100 * t.silent / max(1, t.marks)
                print(
                    f"{cond.name:26} {t.silent:>4}/{t.marks:<6} {silent:5.3f}% "
                    f"{100 * t.review / max(1, t.rows):6.2f}% {len(t.not_located):>8} "
                    f"{100 * t.qr / read:5.1f}% {100 * t.ids / read:5.1f}% {t.ms / t.pages:8.1f}",
                    flush=True,
                )
                for where in t.not_located:
                    print(f"    not located: {where}")
            print(f"scanned PDF, 300 dpi JPEG pages, end to end: {_pdf_ms(Path(tmp)):.1f} ms/page")


def _pdf_ms(folder: Path, pages: int = 20) -> float:
    """CPU ms per page for `exampdf scan`'s own path: embedded image out of the PDF, then read."""
    from PIL import Image

    from exampdf.scan.sources import pages_of

    cv2.setNumThreads(1)
    exam = make_exam(folder / "pdf", questions=30, versions=4)
    key = read_scan_key(exam.key_path.read_text(encoding="utf-8"))
    rng = np.random.default_rng(1)
    imgs = [
        scan(fill(exam, rng, str(n), exam.codes[n % 4])[0][0], Condition("c"), rng)
        for n in range(pages)
    ]
    pil = [Image.fromarray(i) for i in imgs]
    pdf = folder / "scans.pdf"
    pil[0].save(pdf, "PDF", resolution=300, save_all=True, append_images=pil[1:], quality=75)
    t0 = time.process_time()
    for page in pages_of(pdf):
        read_page(page.image, str(pdf), page.number, key)
    return (time.process_time() - t0) * 1000 / pages


if __name__ == "__main__":
    main()
