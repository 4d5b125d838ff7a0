"""All-or-nothing output: files are written into a staging folder and moved in together,
by one run at a time (a lock on the output folder)."""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

PREFIX = ".exampdf-stage-"
_STOP = {signal.SIGINT, signal.SIGTERM}


class OutputBusy(Exception):
    """Another run is writing into the same output folder."""


@contextmanager
def staged_output(target: Path, owned: Sequence[str] = ()) -> Iterator[Path]:
    """Yield a staging folder on `target`'s file system; on success move every file in, else
    discard. Raises OutputBusy when another run holds the output folder.

    Files an earlier run left in an `owned` subfolder are removed (a stale keys/E.pdf would
    not match the key.json beside it). SIGTERM is turned into KeyboardInterrupt meanwhile,
    so a killed run cleans up like Ctrl-C; both are held back while files move in.
    """
    target.mkdir(parents=True, exist_ok=True)  # to lock it; it stays empty if the run fails
    with _locked(target):
        home = _staging_home(target)
        sweep_stale(home)
        # Named before it exists: a signal landing inside mkdir still finds it to clean up.
        staging = home / f"{PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
        with _staged(staging, target, owned):
            yield staging


def _staging_home(target: Path) -> Path:
    """Beside the output folder, unless that is another file system (`-o` a mount point,
    a Docker volume, a symlink to a USB stick): then inside it, so that every final move
    is a rename on one file system (never EXDEV, never a copy)."""
    try:
        same = os.stat(target).st_dev == os.stat(target.parent).st_dev
    except OSError:
        same = False
    return target.parent if same and os.access(target.parent, os.W_OK) else target


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An exclusive lock on the output folder for the whole run; a second run into it fails
    at once instead of silently replacing the first one's files halfway."""
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(str(target)) from None
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _staged(staging: Path, target: Path, owned: Sequence[str]) -> Iterator[None]:
    with _term_as_interrupt():
        try:
            staging.mkdir(mode=0o700)  # 64 random bits: never another run's folder
            yield
            files = sorted(p for p in staging.rglob("*") if p.is_file())
            fsync_all(files)  # the data is on disk before any name points at it
            with _signals_held():
                _move_in(staging, files, target, owned)
        finally:
            with _signals_held():  # a second Ctrl-C must not cut the cleanup short
                shutil.rmtree(staging, ignore_errors=True)


def _move_in(staging: Path, files: list[Path], target: Path, owned: Sequence[str]) -> None:
    written: set[Path] = set()
    for item in files:
        dest = target / item.relative_to(staging)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(item, dest)  # atomic per file on one file system
        written.add(dest)
    for folder in owned:
        for old in sorted((target / folder).glob("*")):
            if old.is_file() and old not in written:
                old.unlink()
    fsync_all(sorted({d.parent for d in written}))  # the renames themselves survive a power cut


def sweep_stale(parent: Path) -> None:
    """Remove staging folders of runs that were killed (SIGKILL, power cut) before cleaning up."""
    for stale in parent.glob(f"{PREFIX}*"):
        pid = stale.name[len(PREFIX) :].split("-", 1)[0]
        if stale.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else
        return True
    return True


# Threads syncing a run's files at once (a key per version: hundreds of files, each thread a share).
SYNC_THREADS = 8


def fsync_all(files: Sequence[Path]) -> None:
    """fsync every file, several at once. Each fsync waits for the file system's journal to
    commit; asked together they share commits, where one after another they were 4 waits in a
    row at the end of every run (W1: 18–50 ms under load), after the last PDF was written."""
    shares = [files[i::SYNC_THREADS] for i in range(min(SYNC_THREADS, len(files)))]
    threads = []
    for share in shares[1:]:
        thread = threading.Thread(target=_fsync_each, args=(share,))
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: this one syncs that share too
            _fsync_each(share)
            continue
        threads.append(thread)
    _fsync_each(shares[0] if shares else [])
    for thread in threads:
        thread.join()


def _fsync_each(files: Sequence[Path]) -> None:
    for f in files:
        _fsync(f)


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # directories cannot be opened on Windows; nothing to sync there
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def _term_as_interrupt() -> Iterator[None]:
    if not _main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until every file has moved in (no half-old, half-new set)."""
    if not _main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
