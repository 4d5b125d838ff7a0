"""A parsed font face's big tables as typed columns for the font cache (pdf/fontcache.py).

charToGlyph, charWidths, hmetrics, glyphPos and glyphToChar hold tens of thousands of numbers
per face. Stored as arrays of int64 ('q') or float64 ('d') they are read back by copying bytes
and zipping, and cannot hold anything but numbers, so they need no check element by element.
Each value comes back as the type the parse gave it: a column whose values are not all ints or
all floats (ReportLab's hmetrics advance widths are ints for the first glyphs and floats after)
is a marshalled list, checked to hold only ints and floats.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections.abc import Callable, Sequence
from itertools import islice
from typing import Any, cast, overload

from exampdf.memo import Memo

BIG = ("charToGlyph", "charWidths", "hmetrics", "glyphPos", "glyphToChar")
Columns = dict[str, tuple[str, bytes]]
Column = Sequence[int | float]

_NAMES = (
    "charToGlyph.keys",
    "charToGlyph.values",
    "charWidths.keys",
    "charWidths.values",
    "hmetrics.advance",
    "hmetrics.bearing",
    "glyphPos",
    "glyphToChar.keys",
    "glyphToChar.counts",
    "glyphToChar.chars",
)
_NUMBERS = {"charWidths.values", "hmetrics.advance"}  # any number; every other column: ints
_LIMIT = 2**53  # an int beyond this is not stored (a double could not carry it back exactly)
# Faces of one family share tables: the BIZ UD P-Gothic weights and P-Mincho map characters
# to the same glyphs, the two mono weights have the same widths too. One dict serves them all
# (4 of the 10 built at start-up: ~5 ms and ~4 MB less, before every fork). Nothing writes to
# a face's tables after parsing, so sharing them is safe.
_Shared = tuple[Column, Column, dict[Any, Any]]
_SHARED: Memo[tuple[object, ...], _Shared] = Memo("fontcolumns.shared", 16)


def write_columns(face: dict[str, Any]) -> Columns | None:
    """The big tables of a parsed face's attributes as columns; None when one cannot be stored."""
    try:
        c2g, widths, hmetrics = face["charToGlyph"], face["charWidths"], face["hmetrics"]
        g2c = face["glyphToChar"]
        if not (isinstance(c2g, dict) and isinstance(widths, dict) and isinstance(g2c, dict)):
            return None
        if not all(type(m) is tuple and len(m) == 2 for m in hmetrics):
            return None
        values: list[Any] = [
            list(c2g),
            list(c2g.values()),
            list(widths),
            list(widths.values()),
            [m[0] for m in hmetrics],
            [m[1] for m in hmetrics],
            list(face["glyphPos"]),
            list(g2c),
            [len(chars) for chars in g2c.values()],
            [c for chars in g2c.values() for c in chars],
        ]
        columns = {name: _column(v) for name, v in zip(_NAMES, values, strict=True)}
    except (KeyError, TypeError, OverflowError, ValueError):
        return None
    if any(c is None or (c[0] != "q" and n not in _NUMBERS) for n, c in columns.items()):
        return None  # a table these columns cannot carry back exactly
    return {name: c for name, c in columns.items() if c is not None}


def _column(values: list[Any]) -> tuple[str, bytes] | None:
    kinds = set(map(type, values))
    if kinds <= {int}:
        return "q", array("q", values).tobytes()  # OverflowError past int64: not stored
    if kinds == {float}:
        return "d", array("d", values).tobytes()
    if kinds == {int, float} and all(abs(v) < _LIMIT for v in values):
        return "list", marshal.dumps(values)
    return None


def read_columns(stored: Any) -> dict[str, Column]:
    """The columns read back; ValueError/TypeError on anything but what write_columns makes."""
    if not isinstance(stored, dict) or set(stored) != set(_NAMES):
        raise ValueError("not the font cache's columns")
    return {name: _read(stored[name], name in _NUMBERS) for name in _NAMES}


def _read(stored: Any, numbers: bool) -> Column:
    kind, data = stored
    if type(data) is not bytes:
        raise TypeError("column data")
    if kind == "q" or (numbers and kind == "d"):
        column = array(kind)
        column.frombytes(data)  # ValueError when not a whole number of items
        return column
    if kind == "list" and numbers:
        values = marshal.loads(data)
        if type(values) is not list or not set(map(type, values)) <= {int, float}:
            raise TypeError("column values")
        return values
    raise ValueError(f"column kind {kind!r}")


def tables(columns: dict[str, Column]) -> dict[str, Any]:
    """The face attributes made from `columns`: charToGlyph, charWidths, hmetrics and glyphPos,
    and under `_lazy` a function building glyphToChar when first asked for."""
    c = columns
    pairs = (
        ("charToGlyph.keys", "charToGlyph.values"),
        ("charWidths.keys", "charWidths.values"),
        ("hmetrics.advance", "hmetrics.bearing"),
        ("glyphToChar.keys", "glyphToChar.counts"),
    )
    if any(len(c[a]) != len(c[b]) for a, b in pairs):
        raise ValueError("columns of one table differ in length")
    counts = c["glyphToChar.counts"]
    if min(counts, default=0) < 0 or sum(counts) != len(c["glyphToChar.chars"]):
        raise ValueError("glyphToChar counts")
    return {
        "charToGlyph": _table(c["charToGlyph.keys"], c["charToGlyph.values"]),
        "charWidths": _table(c["charWidths.keys"], c["charWidths.values"]),
        # Only makeSubset reads hmetrics and glyphPos, a few hundred entries per subset (a run
        # whose subsets are all cached, pdf/subsetcache.py, never): read from the columns as
        # they are, no list of ~14k entries built per face in every process making subsets.
        "hmetrics": Pairs(c["hmetrics.advance"], c["hmetrics.bearing"]),
        "glyphPos": c["glyphPos"],
        "_lazy": {"glyphToChar": _glyph_to_char(c)},  # built on first use
    }


class Pairs(Sequence[tuple[int | float, int | float]]):
    """Two columns of one length read as the list of pairs ReportLab keeps (hmetrics:
    advance, bearing): a tuple made for each entry asked for, not for every glyph at once."""

    def __init__(self, first: Column, second: Column) -> None:
        self.first, self.second = first, second

    def __len__(self) -> int:
        return len(self.first)

    @overload
    def __getitem__(self, index: int) -> tuple[int | float, int | float]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int | float, int | float]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[int | float, int | float] | list[tuple[int | float, int | float]]:
        if isinstance(index, slice):
            return list(zip(self.first[index], self.second[index], strict=True))
        return self.first[index], self.second[index]


def _table(keys: Column, values: Column) -> dict[Any, Any]:
    """dict(zip(keys, values)), the same dict for equal columns (typed ones; a marshalled list
    is rare and built each time). Found by length and CRC-32 (~0.1 ms a column), then the
    columns compared whole."""
    if not (isinstance(keys, array) and isinstance(values, array)):
        return dict(zip(keys, values, strict=True))
    key = (keys.typecode, values.typecode, len(keys), zlib.crc32(keys), zlib.crc32(values))
    hit = _SHARED.get(key)
    if hit is not None and hit[0] == keys and hit[1] == values:
        return hit[2]
    table = dict(zip(keys, values, strict=True))
    _SHARED.put(key, (keys, values, table))
    return table


def _glyph_to_char(c: dict[str, Column]) -> Callable[[], dict[int, list[int]]]:
    keys, counts, chars = (
        cast("array[int]", c[f"glyphToChar.{name}"]) for name in ("keys", "counts", "chars")
    )  # int64 columns (read_columns takes no other kind for them)

    def build() -> dict[int, list[int]]:
        flat = iter(chars)
        return {g: list(islice(flat, n)) for g, n in zip(keys, counts, strict=True)}

    return build
