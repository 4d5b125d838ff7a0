"""cProfile of one PDF of a build, in this process: `python bench/profile_pdf.py key|exam [N V]`.

`key-math` / `exam-math` profile the math-heavy bank of bench/math_bank.py instead.

Writes a synthetic bank of N questions (default 30) and profiles writing answer-key.pdf or
exam.pdf (all slices, one after another, then the join) for V versions (default 40), printing
the top functions by own and by cumulative time. Times under the profiler are about twice
the real ones; compare call counts and shares, not seconds.
"""

from __future__ import annotations

import cProfile
import dataclasses
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bank import write_bank
from math_bank import write_math_bank

from exampdf.config import ExamConfig
from exampdf.layout.theme import make_theme
from exampdf.parse.fingerprint import fingerprint
from exampdf.pipeline import Prepared, prepare
from exampdf.progress import ignore
from exampdf.render.examset import exam_slice_jobs, join_slices
from exampdf.render.keyset import KEY, KeyRun, key_pdf_jobs
from exampdf.specs import exam_page, exam_spec, key_spec


def main() -> None:
    which, _, kind = (sys.argv[1] if len(sys.argv) > 1 else "key").partition("-")
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    versions = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    with tempfile.TemporaryDirectory() as tmp:
        bank, out = Path(tmp) / "bank", Path(tmp) / "out"
        (write_math_bank if kind == "math" else write_bank)(bank, questions, 1)
        out.mkdir()
        config = dataclasses.replace(ExamConfig(), versions=versions, seed=7, shuffle=True)
        ready = prepare([bank], config, ignore)
        if not isinstance(ready, Prepared):
            raise SystemExit("the bank has errors")
        theme = make_theme(config.font, config.base_size)
        profile = cProfile.Profile()
        if which == "key":
            run = KeyRun(key_spec(config), theme, fingerprint(ready.bank.files))
            job = key_pdf_jobs(out, ready.bank, ready.versions, run)[KEY]
            profile.runcall(job)
        else:
            slices = exam_slice_jobs(
                out, ready.bank, ready.versions, exam_spec(config), exam_page(config), theme
            )

            def exam() -> None:
                first = slices[0](None)
                join_slices(out / "exam.pdf", [first, *(s(first.seed) for s in slices[1:])])

            profile.runcall(exam)
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumtime").print_stats(25)


if __name__ == "__main__":
    main()
