"""Write independent PDFs at once: the exam in this process, the keys in forked workers.

Only an index goes to a worker and a page count comes back: the jobs themselves (closures
over the bank, versions and theme) are inherited through fork, never pickled. Every file is
built by the same code whichever process builds it, so output bytes do not depend on --jobs.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T")
Job = Callable[[], int]

_JOBS: list[Job] = []  # set just before the fork; workers look their job up by index


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run_beside(
    main: Callable[[], T], jobs: Mapping[str, Job], workers: int
) -> tuple[T, dict[str, int]]:
    """Run `main` here while `jobs` run in up to `workers - 1` other processes."""
    names = list(jobs)
    if workers <= 1 or not names or "fork" not in multiprocessing.get_all_start_methods():
        result = main()
        return result, {name: jobs[name]() for name in names}
    global _JOBS
    _JOBS = [jobs[name] for name in names]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(min(workers - 1, len(names)), initializer=_quiet_signals) as pool:
        pending = pool.map_async(_run, range(len(names)), chunksize=1)
        result = main()
        counts = pending.get()
    _JOBS = []
    return result, dict(zip(names, counts, strict=True))


def _run(index: int) -> int:
    return _JOBS[index]()


def _quiet_signals() -> None:
    """Ctrl-C is the parent's to handle: it stops the pool and cleans the staging folder."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
