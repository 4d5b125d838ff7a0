"""Japanese line breaking (JLREQ): runs and a width in, positioned lines out; no canvas."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from exampdf.layout.text import jlreq as J
from exampdf.layout.text.jsegment import Text, measure, sensible_cuts, units, widths_for
from exampdf.layout.text.linefit import (
    Piece,
    Stretch,
    capacity,
    compressed,
    justified,
    plan_stretch,
)
from exampdf.layout.text.textrun import Run
from exampdf.layout.text.totalfit import HYPHEN, LOOSE_EM, Span, short_line, total_fit
from exampdf.layout.text.unitre import Unit

__all__ = ["Align", "Line", "Piece", "Stretch", "break_lines"]

Align = Literal["justify", "left", "center", "right"]
EPS = 1e-6
LOOSE = 0.06  # a line this much short is worth breaking a URL or path after a / for
GATE_EM = 0.08  # letter spacing (em) from which a paragraph is broken again as a whole


@dataclass(unsafe_hash=True, slots=True)
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
    hyphen: bool = False  # a hyphen is drawn after the last character (not in `text`)

    @property
    def gap(self) -> float:
        return self.stretch.gap

    @property
    def text(self) -> str:
        """The characters of the paragraph set on this line (an added hyphen left out)."""
        text = "".join(p.text for p in self.pieces)
        return text[:-1] if self.hyphen else text


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
    if _one_line(t, limit):
        return (_fit(t, runs, Span(0, len(t.text), len(t.text)), width, first_indent, align, True),)
    us = units(t, limit, phrases, lambda a, b: capacity(t, runs, a, b))
    lines = _set(
        t, runs, _greedy(t, runs, us, width, first_indent, hanging), width, first_indent, align
    )
    if align == "justify" and _wants_total_fit(t, runs, lines, GATE_EM):
        # A hyphen is the last resort: words are looked up (and pyphen's patterns loaded,
        # ~5 ms once per process) only where breaking between units leaves a loose line.
        for hyphenate in (False, True):
            spans = total_fit(t, runs, us, width, first_indent, hanging, hyphenate)
            if spans is not None:
                lines = _set(t, runs, spans, width, first_indent, align)
            if not _wants_total_fit(t, runs, lines, LOOSE_EM):
                break
    return lines


def _one_line(t: Text, limit: float) -> bool:
    """Every unit fits on the first line, so the lines are one span of the whole text (most
    headings, options and short notes): found without the unit regex or the greedy walk.
    Units tile the text from 0, and the last one's content ends at the end unless the text
    ends in a space or tab, which the unit drops; widths only grow along the text."""
    s = t.text
    return bool(s) and s[-1] not in " \t" and "\n" not in s and t.width(0, len(s)) <= limit


def _set(
    t: Text, runs: Sequence[Run], spans: list[Span], width: float, indent: float, align: Align
) -> tuple[Line, ...]:
    return tuple(
        _fit(t, runs, sp, width, indent if n == 0 else 0.0, align, n == len(spans) - 1)
        for n, sp in enumerate(spans)
    )


def _wants_total_fit(t: Text, runs: Sequence[Run], lines: tuple[Line, ...], gate: float) -> bool:
    """Greedy's lines are kept unless one is spaced out (most paragraphs: the costlier
    search runs only where it can help) or the last line is a single character."""
    if len(lines) < 2:
        return False
    size = max(r.size for r in runs)
    if any(ln.stretch.gap > gate * size for ln in lines):
        return True
    last = lines[-1]
    return not last.forced and short_line(t.text, last.start, last.end)


def _greedy(
    t: Text, runs: Sequence[Run], us: list[Unit], width: float, indent: float, hanging: bool
) -> list[Span]:
    """First fit: add units while they fit; resolve prohibitions at each overflow."""
    s, cum, cum_glue = t.text, t.cum, t.cum_glue
    spans: list[Span] = []
    avail = width - indent
    ls = lc = le = -1
    base = glue_base = 0.0  # cum[ls] and cum_glue[ls + 1]: t.width(ls, c) spelled out
    full = ""  # "hang" or "push" once a prohibition was resolved into the current line
    for a, c, e in us:
        if s[a] == "\n":
            spans.append(_span(ls, lc, e, full, True) if ls >= 0 else Span(a, a, e, True))
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
            spans.append(Span(ls, cut, cut) if cut else _span(ls, lc, a, full))
            ls, lc, le, full, avail = cut or a, c, e, "", width
            base, glue_base = cum[ls], cum_glue[ls + 1]
    if ls >= 0:
        spans.append(_span(ls, lc, le, full))
    return spans


def _span(start: int, end: int, nxt: int, full: str, forced: bool = False) -> Span:
    return Span(start, end, nxt, forced, hang=full == "hang", push=full == "push")


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
    t: Text, runs: Sequence[Run], sp: Span, width: float, indent: float, align: Align, last: bool
) -> Line:
    hw = (
        widths_for(runs[t.run_at(sp.end - 1)].font, runs[t.run_at(sp.end - 1)].size)[HYPHEN]
        if sp.hyphen
        else 0.0
    )
    avail = width - indent - hw
    natural = t.width(sp.start, sp.end)
    if natural > avail + EPS and not sp.hang:
        pieces = compressed(t, runs, sp.start, sp.end, indent, natural - avail)
        set_w = max(avail, natural - capacity(t, runs, sp.start, sp.end))
        return _line(pieces, sp, natural, set_w, Stretch(), natural - set_w, hw)
    target = avail + (t.cum[sp.end] - t.cum[sp.end - 1] if sp.hang else 0.0)
    st = Stretch()
    if align == "justify" and not (last or sp.forced) and natural < target:
        st = plan_stretch(t, sp.start, sp.end, target - natural)
    x0 = indent + _offset(align, avail - natural)
    pieces = justified(t, sp.start, sp.end, x0, st)
    set_w = natural + st.total(t, sp.start, sp.end) if st != Stretch() else natural
    return _line(pieces, sp, natural, set_w, st, 0.0, hw)


def _offset(align: Align, slack: float) -> float:
    if align == "center":
        return max(0.0, slack / 2)
    if align == "right":
        return max(0.0, slack)
    return 0.0


def _line(
    pieces: list[Piece],
    sp: Span,
    natural: float,
    set_w: float,
    st: Stretch,
    shrink: float,
    hyphen: float = 0.0,
) -> Line:
    if hyphen:  # drawn after the last glyph, in the same run (a word never changes run)
        end = pieces[-1]
        if end.char_space:
            pieces.append(Piece(end.run, HYPHEN, end.x + end.width + end.char_space, hyphen))
        else:
            pieces[-1] = end._replace(text=end.text + HYPHEN, width=end.width + hyphen)
        natural, set_w = natural + hyphen, set_w + hyphen
    return Line(
        tuple(pieces),
        sp.start,
        sp.end,
        sp.next,
        natural,
        set_w,
        st,
        shrink,
        sp.forced,
        sp.hang,
        bool(hyphen),
    )
