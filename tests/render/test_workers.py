"""render/parallel.Workers on tiny jobs: where each job runs and what comes back."""

from __future__ import annotations

import gc
import multiprocessing.pool
import os
import signal
import threading
from typing import Any

import pytest

from exampdf.layout.blocks.shrinks import Origin, Shrink, note
from exampdf.render import parallel
from exampdf.render.parallel import Workers, default_jobs


def _where(arg: Any) -> tuple[int, Any]:
    return os.getpid(), arg


def test_one_worker_runs_each_job_here_when_it_is_submitted() -> None:
    calls: list[Any] = []
    with Workers([calls.append, _where], 1) as workers:
        assert workers.size == 0
        workers.submit(0, "x")
        assert calls == ["x"]  # done before get() is asked for
        assert workers.submit(1, 7).get() == (os.getpid(), 7)


def test_a_submitted_job_says_when_its_result_is_there() -> None:
    read, write = os.pipe()  # inherited by the worker: its job waits for a byte from here

    def waiting(arg: Any) -> bytes:
        return os.read(read, 1)

    with Workers([_where], 1) as workers:
        assert workers.submit(0, 1).ready()  # run here: done when submitted
    with Workers([waiting, _where], 2) as workers:
        pending = workers.submit(0)
        assert not pending.ready()  # still in the worker
        os.write(write, b"x")
        assert pending.get() == b"x"
        assert pending.ready()
    os.close(read)
    os.close(write)


def test_pool_size_is_bounded_by_the_jobs() -> None:
    assert Workers([_where] * 3, 2).size == 2
    assert Workers([_where], 4).size == 1  # one job still runs beside this process
    assert Workers([], 4).size == 0


def test_jobs_run_in_forked_workers_without_being_pickled() -> None:
    lock = threading.Lock()  # a closure over it cannot be pickled: it must be inherited

    def job(arg: Any) -> tuple[int, Any]:
        with lock:
            return os.getpid(), arg * 2

    with Workers([job, _where], 2) as workers:
        assert gc.get_freeze_count() > 0  # what the workers inherit is left out of collections
        pending = [workers.submit(i % 2, i) for i in range(4)]
        results = [p.get() for p in pending]
    assert [value for _, value in results] == [0, 1, 4, 3]
    assert os.getpid() not in {pid for pid, _ in results}
    assert gc.get_freeze_count() == 0


def test_a_failing_job_raises_in_the_caller_and_the_pool_is_stopped() -> None:
    def fail(arg: Any) -> None:
        raise ValueError(arg)

    with pytest.raises(ValueError, match="bad bank"), Workers([fail, _where], 2) as workers:
        workers.submit(0, "bad bank").get()
    assert workers.pool is None and gc.get_freeze_count() == 0


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    def handler(_: Any) -> Any:
        return signal.getsignal(signal.SIGINT)

    # As at a terminal, even where this test runs with SIGINT ignored (a background CI job).
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with Workers([handler, handler], 2) as workers:
            assert workers.submit(0).get() == signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)


def test_default_jobs_is_the_cpus_this_process_may_use() -> None:
    assert default_jobs() == len(os.sched_getaffinity(0))


def _shrinking(arg: Any) -> int:
    note(Origin("q/a.md", arg, "formula"), 0.5)
    return int(arg)


@pytest.mark.parametrize("size", [1, 2])
def test_what_jobs_note_comes_back_with_their_results_wherever_they_ran(size: int) -> None:
    with Workers([_shrinking], size) as workers:
        pending = [workers.submit(0, line) for line in (3, 4)]
        assert workers.notes == [] or size == 1  # a worker's notes arrive with its result
        assert [p.get() for p in pending] == [3, 4]
        pending[0].get()  # asked again: noted once
    assert workers.notes == [Shrink(Origin("q/a.md", n, "formula"), 0.5) for n in (3, 4)]


def _alive(pid: int) -> bool:
    """Still a process of ours, running or not yet waited for (a zombie is one too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_workers_end_after_the_block_and_reap_waits_for_them() -> None:
    """Leaving the block does not wait for the workers to end (they end while the caller
    writes what is left); reap() does, and leaves no process behind."""
    with Workers([_where, _where], 2) as workers:
        pids = {workers.submit(i % 2, i).get()[0] for i in range(6)}
    assert workers.pool is None and gc.get_freeze_count() == 0
    assert parallel._ENDING  # closed, not yet waited for
    parallel.reap()
    assert not parallel._ENDING
    assert not any(_alive(pid) for pid in pids)  # waited for: not even zombies


def test_early_jobs_run_while_the_pools_task_thread_is_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Jobs queued before the fork reach a worker without the pool's task thread (fails if
    # they go through apply_async like the others); a later job waits for that thread.
    gate = threading.Event()
    handle = multiprocessing.pool.Pool._handle_tasks

    def held(*args: Any) -> None:
        gate.wait()
        handle(*args)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_handle_tasks", staticmethod(held))
    with Workers([_where, _where, _where], 2, early=2) as workers:
        try:
            assert len(workers.queued) == 2
            for pending in workers.queued:
                pending.wait(60)
            got = [workers.submit(i).get() for i in range(2)]
            assert [arg for _, arg in got] == [None, None]
            assert os.getpid() not in {pid for pid, _ in got}
            later = workers.submit(2, 5)
            assert not later.ready()
            gate.set()
            assert later.get()[1] == 5
        finally:
            gate.set()  # before the block ends: stopping the pool needs the task thread
    parallel.reap()
