"""The user's cache folder: files that only save time, so any problem with them is ignored.

$XDG_CACHE_HOME/exampdf, else ~/.cache/exampdf; EXAMPDF_NO_CACHE=1 turns every cache off.
Writers go through a temporary file and os.replace, so a reader never sees half a file;
readers must check what they read (a key stored inside) and fall back to the real work.
Each kind of cache file is pruned to a number of files, the least recently used first.
Caches hold data only (JSON, marshal of plain values), never pickles: a file someone else
put here can at worst be ignored, never run code.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is turned off."""
    if os.environ.get("EXAMPDF_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative value is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):  # no home to expand ~ to
            return None
    return Path(base) / "exampdf"


def write_atomic(file: Path, data: bytes) -> None:
    """Replace `file` with `data` in one step; raises OSError like any write."""
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, file)
    except BaseException:
        os.unlink(tmp)
        raise


def used(file: Path) -> None:
    """Mark `file` as just used, so pruning keeps it longer (a read-only folder: nothing)."""
    with suppress(OSError):
        os.utime(file)


def prune(directory: Path, pattern: str, keep: int) -> None:
    """Delete all but the `keep` most recently used (or written) files matching `pattern`."""
    try:
        found = [(f.stat().st_mtime_ns, f) for f in directory.glob(pattern)]
        found.sort()
        for _, old in found[: max(0, len(found) - keep)]:
            old.unlink(missing_ok=True)
    except OSError:  # another run pruning at the same time, a read-only folder, …
        pass
