"""Parsed TrueType fonts kept between runs, so `exampdf make` does not re-parse the shipped fonts.

ReportLab's TTFont reads a whole font file and walks its cmap, hmtx and loca tables on every
start (~40 ms per BIZ UD face, five faces per run). What that leaves on the face is plain data,
so it is stored once (marshal of plain values, never a pickle) in the user's cache folder
($XDG_CACHE_HOME/exampdf, else ~/.cache/exampdf) and read back on later runs. The file's
bytes are still read on every run: subsetting at save time takes glyphs from them. The big
tables are stored as typed columns (pdf/fontcolumns.py: arrays of int64 or float64, which can
only hold numbers, so they need no check element by element); glyphToChar, which ReportLab
only uses while parsing, is rebuilt on first use.

Fonts whose tables the build stored beside them (pdf/fontship.py) are read from there first.
A cache file is used only if the key stored inside it equals the key of this run (font path,
size and modification time, the font's registered name, ReportLab's, Python's and this
format's version). The KEEP most recently used files are kept (one per font and install).
Anything that goes wrong (no home, read-only or full disk, a corrupt or
foreign file) falls back to parsing the font, silently. EXAMPDF_NO_CACHE=1 turns it off.
What is read back is checked before use: only plain values (no code objects), exactly the
attributes a parsed face has, each of its type, and the big tables element by element, so a
crafted cache file is at worst ignored.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import select
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from exampdf.cache import cache_dir, prune, used, write_atomic
from exampdf.pdf.fontship import load_shipped, shipped
from exampdf.pdf.fontstate import FORMAT, plain, restore

KEEP = 36  # font cache files kept: six faces for each of six installs or checkouts


def load_font(name: str, path: Path) -> TTFont:
    """TTFont(name, path): the tables the build parsed (pdf/fontship.py) if made from these
    bytes, else from the cache when a valid entry exists (and stored when not)."""
    font = load_shipped(name, path)
    if font is not None:
        return font
    directory = cache_dir()
    if directory is None:
        _wait_ahead()
        return TTFont(name, str(path))
    try:
        key = cache_key(name, path)
        file = _file(directory, name, path)
        _wait_for(file)
    except (OSError, RuntimeError):
        _wait_ahead()
        return TTFont(name, str(path))
    font = _read(file, key, path)
    if font is None and _AHEAD:  # a stale file there: the parser may be storing a new one
        _wait_ahead()
        font = _read(file, key, path)
    if font is not None:
        used(file)  # the least recently used files go first when the folder is pruned
        return font
    font = TTFont(name, str(path))
    _write(file, key, font)
    prune(directory, "*.pickle", 0)  # FORMAT 1 wrote pickles
    prune(directory, "*.marshal", KEEP)
    return font


def _file(directory: Path, name: str, path: Path) -> Path:
    # One file per font and name: a new key (another ReportLab, Python or font) replaces it.
    where = hashlib.sha256(f"{name}\x00{path.resolve()}".encode()).hexdigest()[:16]
    return directory / f"{path.stem}-{where}.marshal"


def _there(directory: Path, name: str, path: Path) -> bool:
    """Parsed tables there for this font, shipped or cached (read only when loaded)."""
    return shipped(path).exists() or _file(directory, name, path).exists()


# The process parsing fonts ahead (at most one), until waited for: its pid and the read end of
# a pipe only it holds open for writing. End of file on the pipe says it is done, so a process
# forked later (the CLI's `prepare` child, a sibling that cannot waitpid it) can wait too.
_AHEAD: list[tuple[int, int]] = []


def parse_ahead(fonts: Sequence[tuple[str, Path]]) -> None:
    """On a first run (no cache file yet for some of `fonts`), parse and store those in a
    forked process while this one goes on (reading the bank); `load_font` waits for it, here
    or in a process forked from here afterwards. Parsing the five shipped faces takes ~0.2 s,
    so a cold start overlaps it on another core."""
    directory = cache_dir()
    if directory is None or _AHEAD or not hasattr(os, "fork"):
        return
    try:
        todo = [(n, p) for n, p in fonts if not _there(directory, n, p)]
        if not todo:
            return
        read, write = os.pipe()
        pid = os.fork()
    except (OSError, RuntimeError):
        return
    if pid == 0:  # the child: store the fonts, then leave without running any exit code
        try:
            os.close(read)
            for name, path in todo:
                load_font(name, path)
        finally:
            os._exit(0)  # closes `write`: end of file for every waiting process
    os.close(write)
    _AHEAD.append((pid, read))
    atexit.register(_wait_ahead)  # never left behind: nothing of a run writes after it ends


def missing(fonts: Sequence[tuple[str, Path]]) -> bool:
    """Whether some of `fonts` has no cache file yet (False when caching is off)."""
    directory = cache_dir()
    try:
        return directory is not None and not all(_there(directory, n, p) for n, p in fonts)
    except (OSError, RuntimeError):
        return False


def parsing_ahead() -> bool:
    """Whether the process parse_ahead started is still at work (without waiting for it)."""
    try:
        return bool(_AHEAD) and not select.select([_AHEAD[0][1]], [], [], 0)[0]
    except (OSError, ValueError):
        return False


def reap_ahead() -> None:
    """Wait for parse_ahead's process if it has ended (a process never waited for stays a
    zombie until this one exits, and its CPU time is counted nowhere)."""
    if _AHEAD and not parsing_ahead():
        _wait_ahead()


def _wait_for(file: Path) -> None:
    """Until parse_ahead's process has stored `file` or ended: a file is renamed into place
    whole, so one there is complete, and each font is read as soon as it is stored."""
    while _AHEAD and not file.exists():
        try:
            done = select.select([_AHEAD[0][1]], [], [], 0.005)[0]
        except (OSError, ValueError):
            done = [True]
        if done:
            _wait_ahead()


def _wait_ahead() -> None:
    while _AHEAD:
        pid, read = _AHEAD.pop()
        with suppress(OSError):
            while os.read(read, 4096):  # nothing is written: returns b"" when the child is gone
                pass
        with suppress(OSError):
            os.close(read)
        with suppress(ChildProcessError, InterruptedError):
            os.waitpid(pid, 0)  # not our child in a process forked after parse_ahead


def cache_key(name: str, path: Path) -> tuple[object, ...]:
    st = os.stat(path)
    return (
        FORMAT,
        name,
        str(path),
        str(path.resolve()),
        st.st_size,
        st.st_mtime_ns,
        reportlab.Version,
        sys.version,
    )


def _read(file: Path, key: tuple[object, ...], path: Path) -> TTFont | None:
    try:
        with open(file, "rb") as f:
            entry = marshal.loads(f.read())
        if not isinstance(entry, dict) or entry.get("key") != key:  # the font file's size, time
            return None
    except Exception:  # a cache must never stop a run: any failure means "parse instead"
        return None
    return restore(entry, str(path))


def _write(file: Path, key: tuple[object, ...], font: TTFont) -> None:
    state = plain(font)
    if state is None:
        return  # another ReportLab keeps other things: not cached
    with suppress(Exception):  # read-only home, full disk, a value marshal cannot store, …
        write_atomic(file, marshal.dumps({"key": key, **state}))
