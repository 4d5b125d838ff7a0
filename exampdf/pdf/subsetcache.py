"""Font subset files kept between runs: the same characters give the same subset every run.

Saving a PDF makes a TrueType subset file for every 256 characters of every font it used
(ReportLab's makeSubset: a copy of the whole glyf table and a walk of the chosen glyphs,
~2.4 ms each, eight in W1's answer key) and compresses it. A run on an unchanged bank asks
for the same subsets as the last one, so each is stored (marshal of plain bytes, never a
pickle) in the user's cache folder with its compressed form, keyed by the font file (path,
size, modification time, subfont), the subset's glyph codes, ReportLab's, zlib's and this
format's version. A file is used only if the key stored inside it equals this run's and what
it holds is two byte strings; anything else (no cache folder, a read-only or full disk, a
foreign file) means making the subset as before, silently.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import reportlab

from exampdf import memo
from exampdf.cache import cache_dir, prune, used, write_atomic

FORMAT = 1  # bump when what is stored changes
KEEP = 512  # subset files kept (a few tens of kB each): many banks' worth
_DIR = "subsets"


def font_key(face: Any) -> str | None:
    """What identifies `face`'s glyphs between runs, or None when it cannot be told."""
    try:
        path = os.path.abspath(face.filename)
        st = os.stat(path)
    except (OSError, AttributeError, TypeError, ValueError):
        return None
    version = (FORMAT, reportlab.Version, zlib.ZLIB_RUNTIME_VERSION)
    subfont = getattr(face, "subfontNameX", b"")
    return repr((version, path, st.st_size, st.st_mtime_ns, subfont))


def cached_subset(
    font: str, subset: tuple[int, ...], make: Callable[[], bytes]
) -> tuple[bytes, bytes | None]:
    """The subset file for `subset` of the font keyed `font`, and its compressed bytes when
    they were read from the cache (None: not compressed yet); made by `make` otherwise."""
    directory = cache_dir()
    if directory is None:
        return make(), None
    key = f"{font}\x00{subset!r}"
    file = directory / _DIR / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".marshal")
    found = _read(file, key)
    if found is not None:
        used(file)
        return found
    return make(), None


def store(font: str, subset: tuple[int, ...], data: bytes, deflated: bytes) -> None:
    """Keep a made subset and its compressed bytes for later runs (any failure: nothing)."""
    directory = cache_dir()
    if directory is None:
        return
    key = f"{font}\x00{subset!r}"
    folder = directory / _DIR
    file = folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".marshal")
    try:
        write_atomic(file, marshal.dumps((key, bytes(data), bytes(deflated))))
    except (OSError, ValueError):
        return
    _prune(folder)


@memo.once
def _prune(folder: Path) -> None:
    """Once per process: a first run stores a few subsets per font, each a glob and a stat
    of every kept file if pruned after each."""
    prune(folder, "*.marshal", KEEP)


def _read(file: Path, key: str) -> tuple[bytes, bytes] | None:
    try:
        with open(file, "rb") as f:
            value = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        type(value) is tuple
        and len(value) == 3
        and value[0] == key
        and type(value[1]) is bytes
        and type(value[2]) is bytes
    ):
        return value[1], value[2]
    return None
