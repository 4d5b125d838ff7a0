"""Laid-out formulas kept between runs in the user's cache folder (one file per setup).

A bank's formulas are laid out by ziamath in three processes of every `make` (the bank's
width checks, the exam and the answer key's workers) and come back unchanged build after
build. One file holds every layout made with the same setup: its name and the key stored
inside are the SHA-256 of this format, the versions of ziamath, ziafont and latex2mathml
(their installed files), the math font file and the spacing rules; an entry is keyed by
the formula, display or inline, size, text font name and that font file's identity (the
widths of \\text{}). Boxes are stored as marshal of plain values, never pickles. A process
reads the file once (again on a miss if another process rewrote it) and writes it back,
merged, only when it laid out something new: `flush()`, after the width checks and after
each worker's job. Any failure, or EXAMPDF_NO_CACHE=1, means laying out as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics

from exampdf.cache import cache_dir, prune, write_atomic

FORMAT = 1
ENTRIES_MAX = 4000  # ~1.6 MB, ~8 ms to read; beyond it the layouts not used lately are dropped
FILES_KEPT = 4  # setups (ziamath versions, engine formats) kept side by side
Entry = tuple[str, bool, float, str, str]  # latex, display, size, text font, its file
Box = tuple[Any, ...]  # MathBox's fields but text_font, as plain values


class _Store:
    """This process's view of the file: what it read and what it laid out since."""

    def __init__(self, folder: Path | None = None, spacing: str = "") -> None:
        self.folder, self.spacing = folder, spacing
        self.file: Path | None = None
        self.key = ""
        self.seen: tuple[int, int] | None = None  # the file's (mtime, size) when read
        self.boxes: dict[Entry, Box] = {}
        self.new: dict[Entry, Box] = {}
        self.used: set[Entry] = set()
        self.fonts: dict[str, str] = {}
        if folder is not None:
            self._open(folder, spacing)

    def _open(self, folder: Path, spacing: str) -> None:
        try:
            parts = [str(FORMAT), spacing, _file_id(_math_font())]
            parts += [_package_id(name) for name in ("ziamath", "ziafont", "latex2mathml")]
        except (OSError, AttributeError, ValueError):
            return
        self.key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        self.file = folder / "math" / f"{self.key[:32]}.marshal"
        _load(self)


_STORE = _Store()  # caching off until the first formula asks


def get(
    latex: str, display: bool, size: float, text_font: str, spacing: str
) -> tuple[Entry, Box | None]:
    """The entry's key and its stored box, if any; `spacing` is the engine's rules as text."""
    s = _current(spacing)
    if s.file is None:
        return ("", False, 0.0, "", ""), None
    entry = (latex, display, float(size), text_font, _text_file_id(s, text_font))
    box = s.boxes.get(entry)
    if box is None and _changed(s):
        _load(s)
        box = s.boxes.get(entry)
    if box is None or not _valid(box):
        return entry, None
    s.used.add(entry)
    return entry, box


def put(entry: Entry, box: Box) -> None:
    s = _STORE
    if s.file is not None and entry[4]:
        s.new[entry] = s.boxes[entry] = box


def flush() -> None:
    """Write what this process laid out, merged into the file as it is now (no news: nothing)."""
    s = _STORE
    if s.file is None or not s.new:
        return
    if _changed(s):
        _load(s)
    old = [(e, b) for e, b in s.boxes.items() if e not in s.used and e not in s.new]
    recent = [(e, b) for e, b in s.boxes.items() if e in s.used or e in s.new]
    boxes = dict((old + recent)[-ENTRIES_MAX:])  # the least recently used dropped first
    try:
        write_atomic(s.file, marshal.dumps((s.key, boxes)))
        stat = os.stat(s.file)
        s.seen = (stat.st_mtime_ns, stat.st_size)
        prune(s.file.parent, "*.marshal", FILES_KEPT)
    except (OSError, ValueError):
        pass
    s.boxes, s.new = boxes, {}


def _valid(box: Box) -> bool:
    """Whether `box` has MathBox's shape: three numbers, then glyphs, rules and texts."""
    try:
        width, ascent, descent, glyphs, rules, texts = box
        return (
            all(map(_number, (width, ascent, descent)))
            and all(_row(g, int) for g in glyphs)
            and all(_row(r, _NUMBER) for r in rules)
            and all(_row(t, str) for t in texts)
            and all(type(part) is tuple for part in (glyphs, rules, texts))
        )
    except (TypeError, ValueError):
        return False


_NUMBER = (int, float)


def _number(value: object) -> bool:
    return isinstance(value, _NUMBER) and not isinstance(value, bool)


def _row(row: object, first: type | tuple[type, ...]) -> bool:
    """(first, x, y, size-or-height) with numbers after the first."""
    if type(row) is not tuple or len(row) != 4:
        return False
    head, *rest = row
    return isinstance(head, first) and not isinstance(head, bool) and all(map(_number, rest))


def _current(spacing: str) -> _Store:
    """This process's store, made again when the cache folder changed (tests, EXAMPDF_NO_CACHE)."""
    global _STORE
    folder = cache_dir()
    if _STORE.folder != folder or _STORE.spacing != spacing:
        _STORE = _Store(folder, spacing)
    return _STORE


def _load(s: _Store) -> None:
    assert s.file is not None
    try:
        with open(s.file, "rb") as f:
            stat = os.fstat(f.fileno())
            key, boxes = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        s.seen = None
        return
    s.seen = (stat.st_mtime_ns, stat.st_size)
    if key == s.key and isinstance(boxes, dict):
        s.boxes = {**boxes, **s.new}


def _changed(s: _Store) -> bool:
    """Whether the file is not the one read last (another process wrote it since)."""
    assert s.file is not None
    try:
        stat = os.stat(s.file)
    except OSError:
        return False
    return (stat.st_mtime_ns, stat.st_size) != s.seen


def _text_file_id(s: _Store, name: str) -> str:
    """The text font's file (path, size, time), or "" (then the box is not stored)."""
    found = s.fonts.get(name)
    if found is None:
        try:
            found = _file_id(Path(pdfmetrics.getFont(name).face.filename))
        except (OSError, AttributeError, KeyError, TypeError):
            found = ""
        s.fonts[name] = found
    return found


def _file_id(file: Path) -> str:
    stat = os.stat(file)
    return f"{file}:{stat.st_size}:{stat.st_mtime_ns}"


def _math_font() -> Path:
    from exampdf.layout.math.font import font_path

    return font_path()


def _package_id(name: str) -> str:
    """An installed package's version (its dist-info's name) and its first file's identity:
    found, not imported (importing ziamath loads its font; importlib.metadata costs ~30 ms)."""
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ValueError(name)
    origin = Path(spec.origin)
    site = origin.parent.parent
    infos = sorted(n for n in os.listdir(site) if n.startswith(f"{name}-"))
    return f"{_file_id(origin)}:{','.join(infos)}"
