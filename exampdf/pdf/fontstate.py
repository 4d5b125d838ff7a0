"""A parsed TrueType font (ReportLab's TTFont) as plain, checked data and back.

What TTFont and its face hold after parsing is plain data: names, numbers, small tables, and
big tables stored as typed columns (pdf/fontcolumns.py). `plain` gives it as a dict of values
marshal can store; `restore` makes a TTFont from such a dict and the font file's bytes, after
checking it holds only plain values, exactly the attributes a parsed face has, each of its
type, so a crafted file is at worst refused. The font cache (pdf/fontcache.py) and the tables
parsed when the package is built (pdf/fontship.py) both store this.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from exampdf.pdf.fontcolumns import BIG, Columns, read_columns, tables, write_columns

FORMAT = 3  # bump when what is stored changes (3: big tables as typed columns; 2: marshal)
_DATA = "_ttf_data"  # the file's bytes: read from the font itself when first asked for
_SCALE = "_pdfScale"  # a lambda made by extractInfo: rebuilt from unitsPerEm
_FRESH = "state"  # TTFont's per-document state: always new and empty
_FACE = "face"


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


class _CachedFace(TTFontFace):  # type: ignore[misc]  # ReportLab is untyped
    """A face read back: glyphToChar (glyph -> characters, which ReportLab uses only while
    parsing a font) and the file's bytes (only for making subsets, which a run whose subsets
    are cached never does) are made on first use; hmetrics and glyphPos are read from their
    columns (pdf/fontcolumns.py)."""

    def __getattr__(self, name: str) -> Any:
        lazy = self.__dict__.get("_lazy", {})
        if name not in lazy:
            raise AttributeError(name)
        value = lazy.pop(name)()
        setattr(self, name, value)
        return value

    def get_table(self, tag: str) -> Any:
        """makeSubset reads the glyf table one glyph's slice at a time: slices of the file's
        bytes at its offset, instead of a copy of the whole table (4-6 MB) for every subset."""
        if tag != "glyf":
            return super().get_table(tag)
        offset, length = self.get_table_pos(tag)
        return _Slices(self._ttf_data, offset, length)


class _Slices:
    """`length` bytes of `data` from `offset`, read by slices only (each slice a bytes copy)."""

    def __init__(self, data: bytes | _FileBytes, offset: int, length: int) -> None:
        self.data, self.offset, self.length = data, offset, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: slice) -> bytes:
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("glyf table: contiguous slices only")
        start, stop, _ = index.indices(self.length)
        return self.data[self.offset + start : self.offset + max(start, stop)]


def restore(entry: Any, filename: str) -> TTFont | None:
    """The TTFont `plain` gave `entry` for the font file `filename`; None for anything `plain`
    does not make (checked, never trusted). The file's bytes are read where asked for (the
    file opened on first use): only making a subset reads them, which a run whose subsets
    are cached never does (five faces of 4.6-6.2 MB: ~20 ms, and 25 MB less for every fork
    to map)."""
    try:
        font_state, face_state = entry["font"], entry["face"]
        if not (_valid(font_state, _FONT) and _valid(face_state, _FACE_TYPES)):
            return None
        face = _CachedFace.__new__(_CachedFace)
        face.__dict__.update(face_state)
        face.__dict__.update(tables(read_columns(entry["columns"])))
        for name in _NAMES:
            setattr(face, name, TTFNameBytes(face_state[name]))
        setattr(face, _SCALE, _scale(face.unitsPerEm))
        face.__dict__["_lazy"][_DATA] = partial(_file_bytes, filename)
        face.filename = filename
        font = TTFont.__new__(TTFont)
        font.__dict__.update({k: v for k, v in font_state.items() if k != "encoding"})
        encoding = TTEncoding.__new__(TTEncoding)
        encoding.name = font_state["encoding"]
        font.encoding = encoding
        setattr(font, _FRESH, WeakKeyDictionary())
        setattr(font, _FACE, face)
        return font
    except Exception:  # whatever is wrong with it: refused, the caller parses instead
        return None


def _file_bytes(filename: str) -> bytes | _FileBytes:
    if hasattr(os, "pread"):
        return _FileBytes(filename)
    with open(filename, "rb") as f:  # Windows: the whole file
        return f.read()


class _FileBytes:
    """A font file's bytes, read where indexed or sliced (os.pread): a subset reads its
    glyphs and a few small tables, not the whole file (4.6-6.2 MB per face, in every process
    making subsets on a first run). The file stays open for the process's life."""

    def __init__(self, filename: str) -> None:
        self.fd = os.open(filename, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        self.size = os.fstat(self.fd).st_size

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> bytes: ...

    def __getitem__(self, index: int | slice) -> int | bytes:
        if isinstance(index, slice):
            start, stop, step = index.indices(self.size)
            if step != 1:
                raise TypeError("font file: contiguous slices only")
            return os.pread(self.fd, stop - start, start) if stop > start else b""
        at = index + self.size if index < 0 else index
        if not 0 <= at < self.size:
            raise IndexError(index)
        return os.pread(self.fd, 1, at)[0]

    def __bytes__(self) -> bytes:
        return self[:]


def plain(font: TTFont) -> dict[str, Any] | None:
    """A parsed TTFont as plain values (font, face, columns); None when this ReportLab keeps
    something else or a table the columns cannot hold exactly."""
    try:
        font_state = {k: v for k, v in vars(font).items() if k not in (_FRESH, _FACE)}
        font_state["encoding"] = font.encoding.name
        face = vars(font.face)
        face_state = {k: v for k, v in face.items() if k not in (_DATA, _SCALE, *BIG)}
        for name in _NAMES:
            face_state[name] = bytes(face_state[name])
        if not (_valid(font_state, _FONT) and _valid(face_state, _FACE_TYPES)):
            return None
        columns: Columns | None = write_columns(face)
        if columns is None:
            return None
        return {"font": font_state, "face": face_state, "columns": columns}
    except Exception:  # an attribute of another type, a value the columns refuse, …
        return None


# What a parsed TTFont and its face hold (ReportLab 4), and of which types.
_FONT: dict[str, Any] = {"fontName": str, "encoding": str, "_asciiReadable": int, "_shapable": bool}
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
_NUMBER = (int, float)
_FACE_TYPES: dict[str, Any] = {
    **dict.fromkeys(_NAMES, bytes),
    "glyphNames": list,
    "glyphWidths": dict,
    "ascent": _NUMBER,
    "descent": _NUMBER,
    "bold": int,
    "italic": int,
    "requiredEncoding": (type(None), str),
    "builtIn": int,
    "validate": int,
    "filename": str,
    "_pos": int,
    "version": int,
    "numTables": int,
    "searchRange": int,
    "entrySelector": int,
    "rangeShift": int,
    "table": dict,
    "tables": list,
    "subfontNameX": bytes,
    "fontRevision": tuple,
    "unitsPerEm": int,
    "bbox": list,
    "capHeight": _NUMBER,
    "stemV": int,
    "italicAngle": _NUMBER,
    "underlinePosition": int,
    "underlineThickness": int,
    "flags": int,
    "numGlyphs": int,
    "_full_font": bool,
    "defaultWidth": _NUMBER,
}


def _valid(state: Any, types: dict[str, Any]) -> bool:
    """Exactly these attributes, each of its type, and the lists and maps among them made of
    numbers or names (the big tables are typed columns): nothing else ReportLab could trip over."""
    if not isinstance(state, dict) or state.keys() != types.keys():
        return False
    if not all(isinstance(state[k], t) for k, t in types.items()):
        return False
    if "glyphWidths" not in state:
        return True
    ints = (int,)
    return (
        _map(state["glyphWidths"], ints, _NUMBER)
        and _all(state["bbox"], _NUMBER)
        and _all(state["fontRevision"], ints)
        and _all(state["glyphNames"], (str,))
        and all(type(k) is str and _table(v) for k, v in state["table"].items())
        and all(_table(v) for v in state["tables"])
    )


def _all(values: Any, types: tuple[type, ...]) -> bool:
    return set(map(type, values)) <= set(types)  # map(type): at C speed over 10⁴ values


def _map(mapping: dict[Any, Any], keys: tuple[type, ...], values: tuple[type, ...]) -> bool:
    return _all(mapping.keys(), keys) and _all(mapping.values(), values)


def _table(entry: Any) -> bool:
    return type(entry) is dict and all(type(v) in (int, str) for v in entry.values())
