"""Never a broken output: a killed run leaves the previous files intact; reruns are identical."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from exampdf.render import output
from exampdf.render.output import PREFIX, staged_output


def write_bank(folder: Path, count: int, words: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "日本語の問題文と English words を混ぜた長めの文章です。" * words
    for n in range(count):
        (folder / f"q{n:03d}.md").write_text(
            f"# 問題{n}\n\n## 問題\n{n}番目。{body}\n\n## 選択肢\nA. 甲{n}\nB. 乙{n}\nC. 丙{n}\n"
            f"D. 丁{n}\n\n## 正解\n{'ABCD'[n % 4]}\n\n## 解説\n{body}\n\n"
            "```python\nfor i in range(10):\n    print(i)\n```\n",
            encoding="utf-8",
        )
    return folder


def run_make(bank: Path, out: Path, *extra: str, seed: str = "0") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-m", "exampdf", "make", str(bank), "-o", str(out), "-q", *extra]
    return subprocess.Popen(
        args,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def _ctrl_c_as_at_a_terminal() -> None:
    # A job started in the background of a non-interactive shell (some CI runners) inherits
    # SIGINT ignored, and Python then never raises KeyboardInterrupt: give the run a terminal's.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Wait for the run; its exit code and what it printed (pipes closed either way)."""
    _, err = proc.communicate()
    return proc.returncode, err.decode("utf-8", "replace")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def stagings(parent: Path) -> list[Path]:
    return sorted(parent.glob(f"{PREFIX}*"))


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A finished small build, then a big bank whose build takes long enough to interrupt."""
    root = tmp_path_factory.mktemp("kill")
    code, err = finish(run_make(write_bank(root / "small", 2, words=2), root / "out"))
    assert code == 0, err
    write_bank(root / "big", 120)
    return root, snapshot(root / "out")


def interrupt_mid_run(root: Path, sig: signal.Signals) -> tuple[int, str]:
    proc = run_make(root / "big", root / "out", "--shuffle", "--versions", "6")
    while not stagings(root) and proc.poll() is None:  # wait for the run to start writing
        time.sleep(0.002)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    return finish(proc)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_interrupted_run_leaves_previous_outputs_and_no_staging(
    previous: tuple[Path, dict[str, bytes]], sig: signal.Signals
) -> None:
    root, before = previous
    code, err = interrupt_mid_run(root, sig)
    assert code != 0
    assert snapshot(root / "out") == before
    assert stagings(root) == [], err


def test_killed_run_leaves_previous_outputs_and_next_run_sweeps_its_staging(
    previous: tuple[Path, dict[str, bytes]],
) -> None:
    root, before = previous
    interrupt_mid_run(root, signal.SIGKILL)
    assert snapshot(root / "out") == before  # nothing half-written moved in
    assert len(stagings(root)) == 1  # SIGKILL cannot be cleaned up after …
    assert finish(run_make(root / "small", root / "out"))[0] == 0
    assert stagings(root) == []  # … so the next run removes it


def test_failed_run_moves_nothing_in(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "exam.pdf").write_bytes(b"old")
    with pytest.raises(RuntimeError), staged_output(tmp_path / "out") as stage:
        (stage / "exam.pdf").write_bytes(b"new, but the run fails before the key is written")
        raise RuntimeError
    assert (tmp_path / "out" / "exam.pdf").read_bytes() == b"old"
    assert stagings(tmp_path) == []


def test_subfolders_move_in_and_stale_owned_files_go(tmp_path: Path) -> None:
    (tmp_path / "out" / "keys").mkdir(parents=True)
    (tmp_path / "out" / "keys" / "Z.pdf").write_bytes(b"stale key of an old version Z")
    (tmp_path / "out" / "notes.txt").write_text("the user's own file")
    with staged_output(tmp_path / "out", owned=("keys",)) as stage:
        (stage / "keys").mkdir()
        (stage / "keys" / "A.pdf").write_bytes(b"A")
    assert snapshot(tmp_path / "out") == {"keys/A.pdf": b"A", "notes.txt": b"the user's own file"}


def test_live_runs_staging_is_not_swept(tmp_path: Path) -> None:
    """Two runs writing beside each other: neither removes the other's staging folder."""
    other = tmp_path / f"{PREFIX}{os.getppid()}-abc"  # a live process (our parent)
    other.mkdir()
    with staged_output(tmp_path / "out") as stage:
        (stage / "x").write_text("x")
    assert other.exists()


def test_outputs_are_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "bank", 6, words=3)
    runs = [
        run_make(bank, tmp_path / f"out{seed}", "--shuffle", "--versions", "3", seed=seed)
        for seed in ("1", "4242")
    ]
    for proc in runs:
        code, err = finish(proc)
        assert code == 0, err
    first, second = snapshot(tmp_path / "out1"), snapshot(tmp_path / "out4242")
    assert sorted(first) == sorted(second) and "exam.pdf" in first
    for name in first:
        assert first[name] == second[name], name


def test_files_are_synced_together_before_any_moves_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file is fsynced before the first rename, and the fsyncs are asked at once (each
    waits for the others at a barrier, which one-after-another calls would never pass)."""
    names = ["answer-key.pdf", "exam.pdf", "key.csv", "key.json", "keys/A.pdf"]
    together = threading.Barrier(len(names), timeout=10)
    events: list[str] = []
    real_fsync, real_replace = output._fsync, os.replace

    def fsync(path: Path) -> None:
        if path.is_file():
            together.wait()
            events.append("sync")
        real_fsync(path)

    def replace(src: Path, dst: Path) -> None:
        events.append("move")
        real_replace(src, dst)

    monkeypatch.setattr(output, "_fsync", fsync)
    monkeypatch.setattr(output.os, "replace", replace)
    with staged_output(tmp_path / "out", owned=("keys",)) as stage:
        (stage / "keys").mkdir()
        for name in names:
            (stage / name).write_text(name)
    assert events.count("sync") == len(names)
    assert events.index("move") == len(names)  # no file moved in before every one is synced
    assert snapshot(tmp_path / "out") == {n: n.encode() for n in names}
