"""Japanese line breaking (JLREQ): runs and a width in, positioned lines out; no canvas."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from exampdf.layout.text import jlreq as J
from exampdf.layout.text.jsegment import Text, Unit, measure, sensible_cuts, units
from exampdf.layout.text.linefit import (
    Piece,
    Stretch,
    capacity,
    compressed,
    justified,
    plan_stretch,
)
from exampdf.layout.text.textrun import Run

__all__ = ["Align", "Line", "Piece", "Stretch", "break_lines"]

Align = Literal["justify", "left", "center", "right"]
EPS = 1e-6
LOOSE = 0.06  # a line this much short is worth breaking a URL or path after a / for


@dataclass(frozen=True, slots=True)
class Line:
    """One output line: pieces positioned from the paragraph's left edge."""

    pieces: tuple[Piece, ...]
    start: int  # first character (index into the concatenated run texts)
    end: int  # one past the last drawn character (dropped spaces excluded)
    next: int  # where the following line starts
    natural: float  # width before justification or compression
    width: float  # width as set
    stretch: Stretch  # justification: per character gap, word-space and 和欧間 growth
    shrink: float  # taken out by push-in compression
    forced: bool  # ended by "\\n"
    hang: bool  # last character hangs into the right margin

    @property
    def gap(self) -> float:
        return self.stretch.gap

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    next: int
    forced: bool = False
    hang: bool = False
    push: bool = False


def break_lines(
    runs: Sequence[Run],
    width: float,
    first_indent: float = 0.0,
    *,
    align: Align = "justify",
    hanging: bool = False,
    phrases: bool = False,
) -> tuple[Line, ...]:
    """Break runs into lines of `width` points, the first one indented by `first_indent`."""
    t = measure(runs)
    limit = min(width, width - first_indent)
    spans = _greedy(t, runs, units(t, limit, phrases), width, first_indent, hanging)
    return tuple(
        _fit(t, runs, sp, width, first_indent if n == 0 else 0.0, align, n == len(spans) - 1)
        for n, sp in enumerate(spans)
    )


def _greedy(
    t: Text, runs: Sequence[Run], us: list[Unit], width: float, indent: float, hanging: bool
) -> list[_Span]:
    """First fit: add units while they fit; resolve prohibitions at each overflow."""
    s, cum, cum_glue = t.text, t.cum, t.cum_glue
    spans: list[_Span] = []
    avail = width - indent
    ls = lc = le = -1
    base = glue_base = 0.0  # cum[ls] and cum_glue[ls + 1]: t.width(ls, c) spelled out
    full = ""  # "hang" or "push" once a prohibition was resolved into the current line
    for a, c, e in us:
        if s[a] == "\n":
            spans.append(_span(ls, lc, e, full, True) if ls >= 0 else _Span(a, a, e, True))
            ls, full, avail = -1, "", width
        elif ls < 0:
            ls, lc, le = a, c, e
            base, glue_base = cum[ls], cum_glue[ls + 1]
        elif not full and cum[c] - base + cum_glue[c] - glue_base <= avail + EPS:
            lc, le = c, e
        elif not full and (how := _resolve(t, runs, ls, a, c, avail, hanging)):
            lc, le, full = c, e, how
        else:
            cut = 0 if full else _rescue(t, ls, lc, a, c, avail)
            spans.append(_Span(ls, cut, cut) if cut else _span(ls, lc, a, full))
            ls, lc, le, full, avail = cut or a, c, e, "", width
            base, glue_base = cum[ls], cum_glue[ls + 1]
    if ls >= 0:
        spans.append(_span(ls, lc, le, full))
    return spans


def _span(start: int, end: int, nxt: int, full: str, forced: bool = False) -> _Span:
    return _Span(start, end, nxt, forced, hang=full == "hang", push=full == "push")


def _rescue(t: Text, ls: int, lc: int, a: int, c: int, avail: float) -> int:
    """Rather than leave a very loose line, break a URL-like word at its last fitting cut."""
    if avail - t.width(ls, lc) < LOOSE * avail:
        return 0
    fitting = [p for p in sensible_cuts(t.text, a, c) if t.width(ls, p) <= avail + EPS]
    return fitting[-1] if fitting else 0


def _resolve(
    t: Text, runs: Sequence[Run], ls: int, a: int, c: int, avail: float, hanging: bool
) -> str:
    """A unit overflows: hang or push in its trailing non-starters, or '' to push it out."""
    s = t.text
    h = c
    while h > a and (s[h - 1] in J.NOT_AT_LINE_START or s[h - 1] in " \t"):
        h -= 1
    if h in (a, c) or t.width(ls, h) > avail + EPS:
        return ""  # no prohibition at stake, or its head does not fit either
    if hanging and c - h == 1 and s[h] in J.HANGABLE:
        return "hang"
    need = t.width(ls, c) - avail
    return "push" if need <= capacity(t, runs, ls, c) + EPS else ""


def _fit(
    t: Text, runs: Sequence[Run], sp: _Span, width: float, indent: float, align: Align, last: bool
) -> Line:
    avail = width - indent
    natural = t.width(sp.start, sp.end)
    if natural > avail + EPS and not sp.hang:
        pieces = compressed(t, runs, sp.start, sp.end, indent, natural - avail)
        set_w = max(avail, natural - capacity(t, runs, sp.start, sp.end))
        return _line(pieces, sp, natural, set_w, Stretch(), natural - set_w)
    target = avail + (t.cum[sp.end] - t.cum[sp.end - 1] if sp.hang else 0.0)
    st = Stretch()
    if align == "justify" and not (last or sp.forced) and natural < target:
        st = plan_stretch(t, sp.start, sp.end, target - natural)
    x0 = indent + _offset(align, avail - natural)
    pieces = justified(t, sp.start, sp.end, x0, st)
    set_w = natural + st.total(t, sp.start, sp.end) if st != Stretch() else natural
    return _line(pieces, sp, natural, set_w, st, 0.0)


def _offset(align: Align, slack: float) -> float:
    if align == "center":
        return max(0.0, slack / 2)
    if align == "right":
        return max(0.0, slack)
    return 0.0


def _line(
    pieces: list[Piece], sp: _Span, natural: float, set_w: float, st: Stretch, shrink: float
) -> Line:
    return Line(
        tuple(pieces), sp.start, sp.end, sp.next, natural, set_w, st, shrink, sp.forced, sp.hang
    )
