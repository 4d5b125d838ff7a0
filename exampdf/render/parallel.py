"""Run independent PDF jobs in forked worker processes (or here, in order, with one job).

Only an index and a small argument go to a worker and a small result comes back: the jobs
themselves (closures over the bank, versions and theme) are inherited through fork, never
pickled. Every file is built by the same code whichever process builds it, so output bytes
do not depend on --jobs. What a job notices while it lays out (blocks printed scaled down,
W112) comes back with its result and is collected in `Workers.notes`, the same whichever
process ran the job.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.pool import ApplyResult, Pool
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar

from exampdf.layout.blocks.shrinks import Shrink, noting

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
Job = Callable[[Any], Any]

_JOBS: Sequence[Job] = ()  # set just before the fork; workers look their job up by index
_PARENT = 0  # the process that forked the workers
_ENDING: list[Pool] = []  # pools closed after their last job, workers still ending (`reap`)
# Jobs queued before the workers exist must fit the task pipe's buffer (64 KB; ~100 bytes each).
EARLY_MAX = 64


class Pending(Protocol[R_co]):
    def get(self) -> R_co: ...

    def ready(self) -> bool: ...


class _Done(Generic[R]):
    def __init__(self, value: R) -> None:
        self.value = value

    def get(self) -> R:
        return self.value

    def ready(self) -> bool:
        return True


class _Noted:
    """A worker's (value, notes): the value, once the notes are in `into`."""

    def __init__(self, pending: Pending[tuple[Any, tuple[Shrink, ...]]], into: list[Shrink]):
        self.pending, self.into = pending, into
        self.got: list[Any] = []

    def get(self) -> Any:
        if not self.got:
            value, notes = self.pending.get()
            self.into.extend(notes)
            self.got.append(value)
        return self.got[0]

    def ready(self) -> bool:
        """Whether `get` would return at once."""
        return bool(self.got) or self.pending.ready()


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


class Workers:
    """`submit(i, arg)` runs `jobs[i](arg)` in a worker; with one worker (or no fork), at once.
    The first `early` jobs (no argument) are queued before the workers are forked, so the first
    worker starts on them at once; `submit(i)` then hands back that job's pending result."""

    def __init__(self, jobs: Sequence[Job], workers: int, early: int = 0) -> None:
        self.jobs, self.early = jobs, min(early, EARLY_MAX)
        self.queued: list[ApplyResult[Any]] = []
        forking = "fork" in multiprocessing.get_all_start_methods()
        # One job still goes to a worker when workers > 1: it runs beside what this process does.
        self.size = max(1, min(workers, len(jobs))) if forking and workers > 1 and jobs else 0
        self.pool: Pool | None = None
        self.notes: list[Shrink] = []  # from every job whose result was got

    def __enter__(self) -> Workers:
        global _JOBS, _PARENT
        if self.size:
            reap()
            _JOBS, _PARENT = self.jobs, os.getpid()
            # What the workers inherit stays alive for their whole life: leave it out of
            # their collections (and out of the copy-on-write faults that scanning it causes).
            gc.freeze()
            ctx = multiprocessing.get_context("fork")
            pool = _EarlyPool(self.size, self.early, initializer=_quiet_signals, context=ctx)
            self.pool, self.queued = pool, list(pool.queued)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        global _JOBS
        if self.pool is not None:
            if kind is None:
                # Every result is in: the workers end (a process of 100 MB takes ~5-25 ms
                # to go) while the caller writes what is left; `reap` waits for them.
                self.pool.close()
                _ENDING.append(self.pool)
            else:
                self.pool.terminate()
                self.pool.join()
            self.pool = None
            gc.unfreeze()
        _JOBS = ()

    def submit(self, index: int, arg: Any = None) -> Pending[Any]:
        if self.pool is None:
            return _Noted(_Done(_noted(self.jobs[index], arg)), self.notes)
        if index < len(self.queued) and arg is None:
            return _Noted(self.queued[index], self.notes)
        return _Noted(self.pool.apply_async(_run, (index, arg)), self.notes)


class _EarlyPool(Pool):
    """A pool whose first `early` jobs go into its task pipe before it forks a worker: the
    first worker forked starts on them while this process forks the others and starts the
    pool's threads (~10-25 ms at W1, where the first job, the answer key, is the longest).
    They are written by this thread before the pool's task thread exists, which writes the
    pipe alone afterwards, and are waited for like `apply_async`'s."""

    def __init__(self, processes: int, early: int, **options: Any) -> None:
        self.early = early
        self.queued: list[ApplyResult[Any]] = []
        super().__init__(processes, **options)

    def _repopulate_pool(self) -> Any:
        if self.early:  # Pool.__init__ only (workers that end are replaced by a static method)
            for index in range(self.early):
                result: ApplyResult[Any] = ApplyResult(self, None, None)
                self._quick_put((result._job, 0, _run, (index, None), {}))  # type: ignore[attr-defined]
                self.queued.append(result)
            self.early = 0
        return super()._repopulate_pool()  # type: ignore[misc]

    def _get_sentinels(self) -> list[Any]:
        """What wakes the pool's worker handler besides a worker's exit: a change of state
        (close, terminate, the last job done). CPython also wakes it on the result pipe, so
        while a result waits there for the result thread (which needs the GIL the main
        thread holds as it joins slices) the handler wakes again and again: 10-40 ms of
        this process's CPU at W2, beside the workers. Its work (replacing workers that end)
        is for workers that end, which their own sentinels tell."""
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def reap() -> None:
    """Wait until the workers of every pool closed so far have ended (no process is left
    behind once the command returns)."""
    while _ENDING:
        _ENDING.pop().join()


def _run(index: int, arg: Any) -> tuple[Any, tuple[Shrink, ...]]:
    return _noted(_JOBS[index], arg)


def _noted(job: Job, arg: Any) -> tuple[Any, tuple[Shrink, ...]]:
    with noting() as got:
        value = job(arg)
    formulas = sys.modules.get("exampdf.layout.math.store")  # imported by the first formula
    if formulas is not None:
        formulas.flush()  # the ones laid out here, for the next run (none new: nothing done)
    return value, tuple(got)


def _quiet_signals() -> None:
    """Ctrl-C is the parent's to handle: it stops the pool and cleans the staging folder."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """A worker whose parent is killed (SIGKILL, OOM) ends at once and silently, instead of
    finishing its page only to print a BrokenPipeError traceback when it hands it back.
    Linux delivers SIGTERM (default action: end) when the parent dies; elsewhere a thread
    watches for the parent's exit and ends the process without a word."""
    parent = _PARENT
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(0)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)
