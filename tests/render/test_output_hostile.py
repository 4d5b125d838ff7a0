"""The output folder under pressure (issue 17): on another file system (6), two runs at once
(9), the parent killed while workers run (10)."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from exampdf.cli import main
from exampdf.render.output import PREFIX, OutputBusy, staged_output
from tests.render.test_output import finish, run_make, write_bank

SHM = Path("/dev/shm")


def _other_device(tmp_path: Path) -> Path | None:
    """A folder on another file system than tmp_path (tmpfs), or None."""
    if not SHM.is_dir() or os.stat(SHM).st_dev == os.stat(tmp_path).st_dev:
        return None
    return Path(tempfile.mkdtemp(dir=SHM, prefix="exampdf-test-"))


def test_output_on_another_file_system_moves_in_whole(tmp_path: Path) -> None:
    """`-o` a mount point (here a symlink to tmpfs): the staging folder is made on the
    output's own file system, so the final renames never cross devices (EXDEV)."""
    mount = _other_device(tmp_path)
    if mount is None:
        pytest.skip("no second file system to write to")
    try:
        target = tmp_path / "usb"
        target.symlink_to(mount)
        (mount / "exam.pdf").write_bytes(b"old")
        with staged_output(target, owned=("keys",)) as stage:
            assert os.stat(stage).st_dev == os.stat(mount).st_dev
            (stage / "keys").mkdir()
            (stage / "keys" / "A.pdf").write_bytes(b"A")
            (stage / "exam.pdf").write_bytes(b"new")
        assert (mount / "exam.pdf").read_bytes() == b"new"
        assert (mount / "keys" / "A.pdf").read_bytes() == b"A"
        assert not list(mount.glob(f"{PREFIX}*")) and not list(tmp_path.glob(f"{PREFIX}*"))
    finally:
        shutil.rmtree(mount, ignore_errors=True)


def test_failed_run_on_another_file_system_moves_nothing_in(tmp_path: Path) -> None:
    mount = _other_device(tmp_path)
    if mount is None:
        pytest.skip("no second file system to write to")
    try:
        (tmp_path / "usb").symlink_to(mount)
        (mount / "exam.pdf").write_bytes(b"old")
        with pytest.raises(RuntimeError), staged_output(tmp_path / "usb") as stage:
            (stage / "exam.pdf").write_bytes(b"half")
            raise RuntimeError
        assert sorted(p.name for p in mount.iterdir()) == ["exam.pdf"]
        assert (mount / "exam.pdf").read_bytes() == b"old"
    finally:
        shutil.rmtree(mount, ignore_errors=True)


def test_second_run_into_the_same_folder_fails_clearly(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "bank", 2, words=1)
    out = tmp_path / "out"
    with staged_output(out):  # a first run, still writing
        with pytest.raises(OutputBusy), staged_output(out):
            pass
        result = CliRunner().invoke(main, ["--lang", "en", "make", str(bank), "-o", str(out)])
        assert result.exit_code == 1
        assert "another exampdf run is writing to" in result.output
    with staged_output(out) as stage:  # once the first has finished, the folder is free
        (stage / "x").write_text("x")
    assert (out / "x").is_file()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def test_workers_end_quietly_when_the_parent_is_killed(tmp_path: Path) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to find the workers")
    bank = write_bank(tmp_path / "big", 60)
    proc = run_make(bank, tmp_path / "out", "--shuffle", "--versions", "6", "--jobs", "2")
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert len(workers) >= 2 and proc.poll() is None, "the workers never started"
    proc.send_signal(signal.SIGKILL)
    _, err = finish(proc)  # returns once every worker has closed the inherited stderr
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in workers)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False
