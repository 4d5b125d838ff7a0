"""A bank read for the first time shared with a forked helper process: the helper reads the
second half of the files while this process reads the first (`make`'s bank process, where a
first run's Markdown parsing is the longest step before any page is laid out)."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from exampdf.parse.cache import ParseCache
from exampdf.parse.files import SourceFile

R = TypeVar("R")
MIN_FILES = 8  # fewer files are read here alone: a fork and two pickles would cost more
# The share of the bank's bytes read here: the helper also pickles what it read (~6 % of its
# parse at W1), after which this process unpickles it. Less than half: this process's wait
# for the helper (~15-20 ms at W1) is where `meanwhile` compiles a code lexer (make).
HERE = 0.45


def read_all(
    items: Sequence[SourceFile],
    read: Callable[[SourceFile], R],
    cache: ParseCache,
    helper: bool,
    meanwhile: Callable[[list[R], Callable[[], bool]], None] | None = None,
) -> list[R]:
    """`read(item)` for every item, in order. With `helper`, when the parse cache holds none
    of this bank (a first run, or caching off), the last files (a little less than half the
    bytes) are read by a forked process and handed back pickled, with the parse cache entries
    it made; anything wrong with it means reading them here. `meanwhile(done, ready)` is
    called with what this process read while the helper may still read: it should stop once
    `ready()` (the helper's results have come); anything it raises is ignored."""
    if not helper or cache.old or len(items) < MIN_FILES or not hasattr(os, "fork"):
        return [read(item) for item in items]
    from exampdf.parse.markdown import parser  # loaded once, before the fork, for both
    from exampdf.parse.question import parse_text  # noqa: F401

    parser()
    cut = _cut([_size(item) for item in items])
    mine, theirs = items[:cut], items[cut:]
    try:
        pipe, pid = _start(theirs, read, cache)
    except OSError:
        return [read(item) for item in items]
    done = [read(item) for item in mine]
    if meanwhile is not None:
        with contextlib.suppress(Exception):
            meanwhile(done, lambda: bool(select.select([pipe], [], [], 0)[0]))
    got = _finish(pipe, pid, len(theirs))
    if got is None:
        return [*done, *(read(item) for item in theirs)]
    results, entries = got
    cache.new.update(entries)
    return [*done, *results]


def _cut(sizes: Sequence[int]) -> int:
    """How many of the first files to read here: `HERE` of the bytes, at least one file
    each."""
    total, got = sum(sizes), 0
    if not total:  # no size known: half the files each
        return len(sizes) // 2
    for n, size in enumerate(sizes[:-1], 1):
        got += size
        if got >= total * HERE:
            return n
    return max(1, len(sizes) - 1)


def _size(item: SourceFile) -> int:
    try:
        return os.stat(item.path).st_size
    except OSError:  # read (and reported) as usual
        return 0


def _start(
    items: Sequence[SourceFile], read: Callable[[SourceFile], Any], cache: ParseCache
) -> tuple[int, int]:
    fd_read, fd_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: read its files, send them, leave without any exit code
        code = 1
        try:
            os.close(fd_read)
            results = [read(item) for item in items]
            with open(fd_write, "wb") as out:
                out.write(pickle.dumps((results, cache.new), pickle.HIGHEST_PROTOCOL))
            code = 0
        except BaseException:  # an error, ctrl-c: this half is read by the other process
            pass
        finally:
            os._exit(code)
    os.close(fd_write)
    return fd_read, pid


def _finish(pipe: int, pid: int, count: int) -> tuple[list[Any], dict[Any, Any]] | None:
    with open(pipe, "rb") as f:
        try:
            data = f.read()
        except BaseException:  # ctrl-c, …: the helper goes too
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
    os.waitpid(pid, 0)  # it has closed the pipe: it is ending
    try:
        results, entries = pickle.loads(data)  # nothing or half of it (it failed): an error
    except Exception:
        return None
    if not isinstance(results, list) or len(results) != count or not isinstance(entries, dict):
        return None
    return results, entries
