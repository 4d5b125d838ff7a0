"""Whole pickled values through a pipe between make's processes, each preceded by its size."""

from __future__ import annotations

import contextlib
import pickle
from typing import Any, BinaryIO


def message(pipe: BinaryIO) -> Any:
    """One pickled message (its size first); None if the writer stopped before its end."""
    data, size, got = bytearray(8), 8, 0
    while got < size:  # a pipe's reads may come short
        n = pipe.readinto(memoryview(data)[got:])  # type: ignore[attr-defined]
        if not n:
            return None
        got += n
        if got == 8 and size == 8:
            size = 8 + int.from_bytes(data, "little")
            data.extend(bytes(size - 8))
    try:
        return pickle.loads(memoryview(data)[8:])
    except Exception:  # a half-written result (the writer was killed): prepare here
        return None


def send(pipe: BinaryIO, value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()  # the reader unpickles it while this process goes on


def widen(fd: int) -> None:
    """A pipe holding a whole small result (1 MB, where Linux allows): a writer that is done
    before the reader reads does not wait for it to start the next message."""
    with contextlib.suppress(ImportError, AttributeError, OSError):  # else 64 KB: just slower
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
