"""Parsed TrueType fonts kept between runs, so `exampdf make` does not re-parse the shipped fonts.

ReportLab's TTFont reads a whole font file and walks its cmap, hmtx and loca tables on every
start (~40 ms per BIZ UD face, five faces per run). What that leaves on the face is plain data,
so it is pickled once to the user's cache folder ($XDG_CACHE_HOME/exampdf, else
~/.cache/exampdf) and read back on later runs. The file's bytes are still read on every run:
subsetting at save time takes glyphs from them.

A cache file is used only if the key stored inside it equals the key of this run (font path,
size and modification time, the font's registered name, ReportLab's, Python's and this
format's version). Anything that goes wrong (no home, read-only or full disk, a corrupt or
foreign file) falls back to parsing the font, silently. EXAMPDF_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from exampdf.cache import cache_dir, unpickle, write_atomic

FORMAT = 1  # bump when what is stored changes
_DATA = "_ttf_data"  # the file's bytes: read from the font itself on every load
_SCALE = "_pdfScale"  # a lambda made by extractInfo: rebuilt from unitsPerEm
_FRESH = "state"  # TTFont's per-document state: always new and empty
_FACE = "face"


def load_font(name: str, path: Path) -> TTFont:
    """TTFont(name, path), from the cache when a valid entry exists (and stored when not)."""
    directory = cache_dir()
    if directory is None:
        return TTFont(name, str(path))
    try:
        key = cache_key(name, path)
        # One file per font and name: a new key (another ReportLab, Python or font) replaces it.
        where = hashlib.sha256(f"{name}\x00{path.resolve()}".encode()).hexdigest()[:16]
    except (OSError, RuntimeError):
        return TTFont(name, str(path))
    file = directory / f"{path.stem}-{where}.pickle"
    font = _read(file, key, path)
    if font is None:
        font = TTFont(name, str(path))
        _write(file, key, font)
    return font


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


class _Scale:
    """What TTFontFile.extractInfo stores as `_pdfScale`: font units -> 1/1000 em, the same
    arithmetic (identity at 1000 units per em, else x * (1000 / unitsPerEm))."""

    def __init__(self, units_per_em: int) -> None:
        self.mult = 1000 / units_per_em

    def __call__(self, x: float) -> float:
        return x * self.mult


def _scale(units_per_em: int) -> Any:
    if units_per_em == 1000:
        return _identity
    return _Scale(units_per_em)


def _identity(x: float) -> float:
    return x


def _read(file: Path, key: tuple[object, ...], path: Path) -> TTFont | None:
    try:
        with open(file, "rb") as f:
            data = f.read()
        entry = unpickle(data)  # some 100 000 small objects
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        font_state, face_state = entry["font"], entry["face"]
        if not isinstance(font_state, dict) or not isinstance(face_state, dict):
            return None
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(face_state)
        setattr(face, _SCALE, _scale(face.unitsPerEm))
        with open(path, "rb") as f:
            setattr(face, _DATA, f.read())
        font = TTFont.__new__(TTFont)
        font.__dict__.update(font_state)
        setattr(font, _FRESH, WeakKeyDictionary())
        setattr(font, _FACE, face)
        return font
    except Exception:  # a cache must never stop a run: any failure means "parse instead"
        return None


def _write(file: Path, key: tuple[object, ...], font: TTFont) -> None:
    try:
        font_state = {k: v for k, v in vars(font).items() if k not in (_FRESH, _FACE)}
        face_state = {k: v for k, v in vars(font.face).items() if k not in (_DATA, _SCALE)}
        data = pickle.dumps(
            {"key": key, "font": font_state, "face": face_state}, pickle.HIGHEST_PROTOCOL
        )
        write_atomic(file, data)
    except Exception:  # read-only home, full disk, an attribute pickle cannot store, …
        pass
