"""What a later slice of the exam starts from, so the join can share what the first made.

Fonts: subsets that come out the same in every slice. Forms: paragraphs the first slice
painted, which a later slice only places (render/merge.py puts the first slice's form in).

ReportLab gives each character of a TrueType font a code in the order the document first
uses it, and names fonts F1, F2, … in the same way. Slices of versions laid out apart would
each number their characters differently. A seed taken from the first slice (every font's
characters in code order, the fonts in name order) replayed into each later slice's document
before anything is drawn gives them the same names and codes for everything the first slice
printed; what a later slice adds comes after, in its own copy of the last subset.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from exampdf import memo
from exampdf.pdf.streams import SubsetFile, deflate_subsets_once
from exampdf.pdf.subsetcache import cached_subset, font_key, store

_SUBSETS_MAX = 256  # subset files kept per process (each a few tens of kB)


@dataclass(frozen=True)
class DocSeed:
    """What a later exam slice starts from: the first slice's fonts and forms."""

    fonts: tuple[tuple[str, str], ...] = ()  # (font name, characters in code order), F1 first
    forms: Mapping[str, str] = field(default_factory=dict)  # paragraph forms: digest -> name


def capture(doc: Any, forms: Mapping[str, str] | None = None) -> DocSeed:
    """The seed of `doc`: call before it is saved (saving drops the fonts' per-document state)."""
    used: list[tuple[int, str, str]] = []
    for font in _ttfonts():
        state = font.state.get(doc)
        if state is None or state.internalName is None:
            continue
        by_code = sorted(state.assignments.items(), key=lambda kv: kv[1])
        chars = "".join(chr(c) for c, n in by_code if n)
        used.append((int(state.internalName.lstrip("F")), font.fontName, chars))
        _share_subsets(font.face)
    return DocSeed(tuple((name, chars) for _, name, chars in sorted(used)), dict(forms or {}))


def share_subsets(doc: Any) -> None:
    """The subsets of every TrueType font `doc` uses made through the memo and the cache
    (as `capture` does): for a document whose seed nobody asks for (the answer key)."""
    for font in _ttfonts():
        if font.state.get(doc) is not None:
            _share_subsets(font.face)


def apply(seed: DocSeed, doc: Any) -> None:
    """Give `doc` the seed's font names and character codes, in the seed's order."""
    for name, chars in seed.fonts:
        font = pdfmetrics.getFont(name)
        font.splitString(chars, doc)
        font.getSubsetInternalName(0, doc)


def _ttfonts() -> list[TTFont]:
    return [f for f in pdfmetrics._fonts.values() if isinstance(f, TTFont)]


def _share_subsets(face: TTFontFace) -> None:
    """Memoise subset files: every slice writes the same seeded subsets, and workers forked
    after the first slice inherit them already made (and compressed: pdf/streams.py); kept
    between runs too (pdf/subsetcache.py)."""
    if getattr(face, "_exampdf_memo", None) is not None:
        return
    subsets: memo.Memo[tuple[int, ...], bytes] = memo.Memo("pdf.docseed.subsets", _SUBSETS_MAX)
    make = face.makeSubset
    font = font_key(face)

    def shared(subset: list[int]) -> bytes:
        key = tuple(subset)
        made = subsets.get(key)
        return made if made is not None else subsets.put(key, _made(key))

    def _made(key: tuple[int, ...]) -> SubsetFile:
        if font is None:
            return SubsetFile(make(list(key)))
        data, deflated = cached_subset(font, key, lambda: make(list(key)))
        file = SubsetFile(data)
        if deflated is None:  # made now: compress it as the save will, and keep both
            deflated = zlib.compress(file)
            store(font, key, file, deflated)
        file.deflated = deflated
        return file

    face._exampdf_memo = subsets
    face.makeSubset = shared
    deflate_subsets_once()
