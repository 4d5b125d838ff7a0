"""--jobs changes who writes each PDF, never a byte of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from exampdf.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "questions"


def _make(out: Path, jobs: int) -> dict[str, bytes]:
    args = [
        "make",
        str(SAMPLE),
        "-o",
        str(out),
        "--shuffle",
        "--versions",
        "3",
        "--key-per-version",
        "--jobs",
        str(jobs),
        "-q",
    ]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    serial = _make(tmp_path / "one", 1)
    parallel = _make(tmp_path / "three", 3)
    assert sorted(serial) == sorted(parallel)
    assert "keys/C.pdf" in serial and "answer-key.pdf" in serial
    for name, data in serial.items():
        assert parallel[name] == data, name


def test_exam_slices_are_identical_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    """Enough versions for three slices of exam.pdf, joined from one process or from three."""
    from exampdf.render.examset import slice_ranges

    assert len(slice_ranges(26)) == 3

    def build(out: Path, jobs: int) -> bytes:
        args = ["make", str(SAMPLE), "-o", str(out), "--shuffle", "--versions", "26"]
        result = CliRunner().invoke(main, [*args, "--jobs", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        return (out / "exam.pdf").read_bytes()

    assert build(tmp_path / "one", 1) == build(tmp_path / "three", 3)


def test_the_pools_worker_handler_does_not_wake_for_every_result(monkeypatch: Any) -> None:
    """Results are the result thread's to read: the thread that keeps the workers wakes when
    the pool's state changes or a worker ends (it spun while results waited in the pipe)."""
    import multiprocessing.pool
    import time

    from exampdf.render import parallel

    wakes: list[int] = []
    keep = multiprocessing.pool.Pool._maintain_pool  # what the handler thread calls each time

    def counted(*args: Any) -> None:
        wakes.append(1)
        keep(*args)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_maintain_pool", staticmethod(counted))
    jobs = [lambda _, i=i: (time.sleep(0.01), i)[1] for i in range(24)]
    with parallel.Workers(jobs, 2) as workers:
        pending = [workers.submit(i) for i in range(24)]
        end = time.monotonic() + 0.4
        while time.monotonic() < end:  # busy, as the main process is while it joins slices
            sum(range(1000))
        assert [p.get() for p in pending] == list(range(24))
    parallel.reap()
    assert len(wakes) <= 4, len(wakes)  # at the start, when the last job is done, when closed
    # (before: 400-500 times in those 0.4 s)
