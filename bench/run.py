"""Time whole `exampdf make` processes on synthetic banks: `python bench/run.py [--quick]`.

Prints median wall time over several runs, pages per second, peak RSS (the largest process,
and each process of the run with the highest: main, then the PDF workers) and output sizes
for W1 (30 questions x 40 versions), W2 (100 x 200) and W3 (2,000 x 10), then how the cost
grows with versions (10/40/160/640 at 30 questions) and questions (30/100/300 at 10).
When the optional `typst` package is installed (`pip install typst`), each row is followed by
Typst typesetting the same content (bench/typst_bench.py) and the typst/exampdf ratios.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bank import write_bank
from math_bank import write_math_bank
from proc import Measured, run_sampled
from typst_bench import available as typst_available
from typst_bench import time_typst

import exampdf

WORKLOADS = {"W1": (30, 40), "M1": (30, 40), "W2": (100, 200), "W3": (2000, 10)}
MATH = {"M1"}  # issue 14: W1's shape with 2–4 inline and 1 display formula per stem and explanation
GROWTH_VERSIONS = [(30, v) for v in (10, 40, 160, 640)]
GROWTH_QUESTIONS = [(q, 10) for q in (30, 100, 300)]


# Parsed fonts and banks are cached between runs ($XDG_CACHE_HOME/exampdf); a "cold" row
# turns the caches off, as a first run on a new bank or machine is.
COLD = {"EXAMPDF_NO_CACHE": "1"}


def run_once(
    bank: Path, versions: int, out: Path, jobs: int | None, cold: bool = False
) -> Measured:
    """Wall seconds and peak RSS (KiB) of one `exampdf make` child process, and of each of
    its processes (main, then the PDF workers)."""
    cmd = [
        sys.executable,
        "-m",
        "exampdf",
        "make",
        str(bank),
        "-o",
        str(out),
        "--shuffle",
        "--versions",
        str(versions),
        "--seed",
        "7",
    ]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    return run_sampled(cmd, COLD if cold else None)


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def measure(
    name: str,
    questions: int,
    versions: int,
    runs: int,
    work: Path,
    jobs: int | None,
    cold: bool = False,
) -> tuple[float, float]:
    """Print one row; return the median wall seconds and the output size in MB."""
    bank = bank_dir(work, name, questions)
    if not bank.exists():
        (write_math_bank if name in MATH else write_bank)(bank, questions, 1)
    out = work / f"out-{name}"
    if not cold:
        run_once(bank, versions, out, jobs)  # fills the caches, as any earlier run would
    results = [run_once(bank, versions, out, jobs, cold) for _ in range(runs)]
    wall = statistics.median(r.wall for r in results)
    top = max(results, key=lambda r: r.rss_kib)
    rss = top.rss_kib / 1024
    n = pages(out / "exam.pdf") + pages(out / "answer-key.pdf")
    size = sum((out / f).stat().st_size for f in ("exam.pdf", "answer-key.pdf")) / 1e6
    print(
        f"{name:10} {questions:5}q x {versions:4}v  {wall:7.2f} s  {n:6} pages  "
        f"{n / wall:7.1f} pages/s  peak {rss:7.0f} MB  pdfs {size:6.2f} MB  ({top.per_process()})",
        flush=True,
    )
    return wall, size


def bank_dir(work: Path, name: str, questions: int) -> Path:
    return work / (f"math{questions}" if name in MATH else f"bank{questions}")


def measure_typst(
    name: str, questions: int, versions: int, runs: int, work: Path, exampdf: tuple[float, float]
) -> None:
    """The same bank and versions typeset by Typst, with typst/exampdf ratios."""
    out = work / f"typst-{name}-{questions}x{versions}.pdf"
    bank = bank_dir(work, name, questions)
    results = [time_typst(bank, versions, out) for _ in range(runs)]
    wall = statistics.median(r.wall for r in results)
    rss = max(r.rss_kib for r in results) / 1024
    n = results[-1].pages
    size = results[-1].size / 1e6
    print(
        f"{'  typst':10} {questions:5}q x {versions:4}v  {wall:7.2f} s  {n:6} pages  "
        f"{n / wall:7.1f} pages/s  peak {rss:7.0f} MB  pdfs {size:6.2f} MB  "
        f"typst/exampdf: time {wall / exampdf[0]:.2f}x, size {size / exampdf[1]:.2f}x",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="W1 and the growth series only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs to exampdf make")
    parser.add_argument("--no-typst", action="store_true", help="skip the Typst comparison")
    parser.add_argument(
        "--typst-w3", action="store_true", help="also run Typst on W3 (needs about 16 GB)"
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    # As `pip install .` does: an editable checkout under PYTHONDONTWRITEBYTECODE=1 would
    # otherwise compile every module of exampdf again in every run (~50 ms).
    compileall.compile_dir(Path(exampdf.__file__).parent, quiet=1)
    typst = not args.no_typst and typst_available()
    if not typst:
        print("typst: skipped (" + ("--no-typst" if args.no_typst else "pip install typst") + ")")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        w1 = 0.0
        for name, (q, v) in WORKLOADS.items():
            if args.quick and name not in ("W1", "M1"):
                continue
            runs = args.runs if name in ("W1", "M1") else 1
            ref = measure(name, q, v, runs, work, args.jobs)
            if name == "W1":
                w1 = ref[0]
                measure("W1 cold", q, v, runs, work, args.jobs, cold=True)
            if name in MATH:
                print(f"{'':10} {name}/W1: time {ref[0] / w1:.2f}x (goal: at most 1.3x)")
            if typst and (name != "W3" or args.typst_w3):
                measure_typst(name, q, v, runs, work, ref)
        for q, v in GROWTH_VERSIONS + GROWTH_QUESTIONS:
            ref = measure("growth", q, v, 1, work, args.jobs)
            if typst:
                measure_typst("growth", q, v, 1, work, ref)


if __name__ == "__main__":
    main()
