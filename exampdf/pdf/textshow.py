"""Text-showing operators written as ReportLab writes them, each string encoded once per PDF.

ReportLab's `PDFTextObject._textOut` looks the font up, maps every character to its subset
code (`TTFont.splitString`) and escapes the bytes on every call; an answer key shows the
same strings (版, 問, option letters, code tokens) thousands of times. Subset codes are
assigned per document in order of first use, so the encodings are kept per canvas: the
first time a string is shown in a document it goes through `splitString` exactly as before,
which assigns the same codes in the same order, and later shows reuse the result.
The operators appended are byte for byte those of `_textOut`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from exampdf.memo import Memo
from exampdf.pdf.state import Chunks, paint_state

# (subset, "(…) Tj") chunks of one string in one font, or None for a font ReportLab
# does not subset (standard Type 1 fonts): those go through _textOut itself.
_Chunks = Chunks


def encodings(canv: Any) -> dict[tuple[str, str], _Chunks]:
    """The canvas's {(font name, text): chunks}; a hit of one chunk in the text object's
    current subset is shown by appending chunks[0][1] (what show() does first)."""
    return paint_state(canv).shown


def show_at(to: Any, tm: str, text: str, known: dict[tuple[str, str], _Chunks]) -> None:
    """Append the text matrix `tm`, then what show(to, text) appends; `known` is
    encodings(canv). ReportLab joins a text object's entries with spaces, so a known
    string in the current subset goes in the same entry as its matrix."""
    chunks = known.get((to._fontname, text))
    if chunks is not None and len(chunks) == 1 and chunks[0][0] == to._curSubset:
        to._code.append(f"{tm} {chunks[0][1]}")
    else:
        to._code.append(tm)
        show(to, text)


def show(to: Any, text: str) -> None:
    """Append what `to._textOut(text)` would append, without re-encoding known strings."""
    canv = to._canvas
    state = paint_state(canv)
    cache = state.shown
    fontname: str = to._fontname
    key = (fontname, text)
    try:
        chunks = cache[key]
    except KeyError:
        chunks = cache[key] = _encode(canv, fontname, text)
    if chunks is None:
        to._textOut(text)
        return
    if len(chunks) == 1 and chunks[0][0] == to._curSubset:
        to._code.append(chunks[0][1])  # the common case: no font switch
        return
    names = state.subsets
    parts: list[str] = []
    tmpl = ""
    for subset, tj in chunks:
        if subset != to._curSubset:
            name = names.get((fontname, subset))
            if name is None:
                font = getFont(fontname)
                name = names[(fontname, subset)] = font.getSubsetInternalName(subset, canv._doc)
            if not tmpl:
                tmpl = _tf(to._fontsize, to._leading)
            parts.append(f"{name} {tmpl}")
            to._curSubset = subset
        parts.append(tj)
    to._code.append(" ".join(parts))


# "size Tf leading TL" after a subset's name: formatted once per size (Japanese text switches
# subsets every few strings; fp_str was ~1.5 % of an answer key).
_TF: Memo[tuple[float, float], str] = Memo("pdf.textshow.tf", 1024)


def _tf(size: float, leading: float) -> str:
    key = (size, leading)
    tf = _TF.get(key)
    if tf is None:
        tf = _TF.put(key, f"{fp_str(size)} Tf {fp_str(leading)} TL")
    return tf


def _encode(canv: Any, fontname: str, text: str) -> _Chunks:
    font = getFont(fontname)
    if not font._dynamicFont:
        return None
    escape = canv._escape
    return tuple((subset, f"({escape(t)}) Tj") for subset, t in font.splitString(text, canv._doc))


def draw_centred(canv: Any, x: float, y: float, text: str) -> None:
    """`canv.drawCentredString(x, y, text)` in the canvas's font, the same bytes: one text
    object with the string centred on x, its width and encoding looked up once per PDF."""
    fontname: str = canv._fontname
    size: float = canv._fontsize
    leading: float = canv._leading
    cache = paint_state(canv).centred
    key = (fontname, size, leading, text)
    try:
        hit = cache[key]
    except KeyError:
        hit = cache[key] = _centred(canv, fontname, size, leading, text)
    if hit is None or not canv.bottomup:
        canv.drawCentredString(x, y, text)
        return
    width, body = hit
    canv._code.append(f"BT 1 0 0 1 {fp_str(x - 0.5 * width, y)} Tm {body} ET")


class CentredColumns:
    """Strings centred on the x's of fixed columns in the canvas's current font, the bytes
    of `draw_centred`; each column's operators around y of a string are kept for the
    document (a grid's columns repeat their texts at the same x, grid after grid: 60,000
    cells at 200 versions)."""

    def __init__(self, canv: Any, xs: Sequence[float]) -> None:
        self.canv, self.xs = canv, xs
        self.font: tuple[str, float, float] = (canv._fontname, canv._fontsize, canv._leading)
        state = paint_state(canv)
        self.known, at = state.centred, state.centred_at
        self.columns = [at.setdefault((*self.font, x), {}) for x in xs]

    def row(self, y: float, texts: Sequence[str], which: Iterable[int]) -> None:
        """texts[c] centred in column c at baseline y, for each c of `which` (none empty)."""
        canv = self.canv
        if not canv.bottomup:
            for c in which:
                draw_centred(canv, self.xs[c], y, texts[c])
            return
        ys = fp_str(y)
        code: list[str] = canv._code
        columns = self.columns
        for c in which:
            text = texts[c]
            ops = columns[c].get(text)
            if ops is None:
                ops = self._ops(c, text)
                if ops is None:
                    draw_centred(canv, self.xs[c], y, text)
                    continue
            code.append(f"{ops[0]}{ys}{ops[1]}")

    def cell(self, c: int, y: float, text: str) -> None:
        """`text` centred in column c at baseline y."""
        ops = self._ops(c, text) if self.canv.bottomup else None
        if ops is None:
            draw_centred(self.canv, self.xs[c], y, text)
        else:
            self.canv._code.append(f"{ops[0]}{fp_str(y)}{ops[1]}")

    def _ops(self, c: int, text: str) -> tuple[str, str] | None:
        """What draw_centred writes before and after the y of `text` in column c."""
        column = self.columns[c]
        if text not in column:
            key = (*self.font, text)
            hit = self.known.get(key)
            if key not in self.known:
                hit = self.known[key] = _centred(self.canv, *key)
            column[text] = (
                None
                if hit is None
                else (f"BT 1 0 0 1 {fp_str(self.xs[c] - 0.5 * hit[0])} ", f" Tm {hit[1]} ET")
            )
        return column[text]


def _centred(
    canv: Any, fontname: str, size: float, leading: float, text: str
) -> tuple[float, str] | None:
    """Width and the operators between Tm and ET of a fresh text object showing `text`."""
    font = getFont(fontname)
    if not font._dynamicFont:
        return None
    tf = f"{fp_str(size)} Tf {fp_str(leading)} TL"
    parts: list[str] = []
    current = -1  # a fresh text object has no subset selected
    for subset, t in font.splitString(text, canv._doc):
        if subset != current:
            parts.append(f"{font.getSubsetInternalName(subset, canv._doc)} {tf}")
            current = subset
        parts.append(f"({canv._escape(t)}) Tj")
    return float(stringWidth(text, fontname, size)), f"{' '.join(parts)} T*"
