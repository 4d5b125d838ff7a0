"""The hyphenation patterns' table kept between runs (marshal in the cache folder).

Reading pyphen's en_US file into letters -> pattern takes ~5 ms in every process that
hyphenates (both PDF workers); the table read back takes ~0.5 ms. Stored with a key (the
file's path, size and modification time, this format's version) and used only if the key
matches and the table holds only strings; anything else means reading the file, silently.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

from exampdf.cache import cache_dir, write_atomic

FORMAT = 1  # bump when what is stored changes


def _key(dic: Path) -> str:
    st = os.stat(dic)
    return repr((FORMAT, os.path.abspath(dic), st.st_size, st.st_mtime_ns))


def _file(directory: Path, dic: Path) -> Path:
    where = hashlib.sha256(os.path.abspath(dic).encode()).hexdigest()[:16]
    return directory / f"hyph-{where}.marshal"


def read(dic: Path) -> dict[str, str] | None:
    """The table stored for the pattern file `dic`, or None."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        key = _key(dic)
        with open(_file(directory, dic), "rb") as f:
            value = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if type(value) is not tuple or len(value) != 2 or value[0] != key:
        return None
    table = value[1]
    if type(table) is not dict or not table:
        return None
    if not all(type(k) is str and type(v) is str for k, v in table.items()):
        return None
    return table


def write(dic: Path, table: dict[str, str]) -> None:
    """Keep `table` for later runs (any failure: nothing)."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        write_atomic(_file(directory, dic), marshal.dumps((_key(dic), table)))
    except (OSError, ValueError):
        return
